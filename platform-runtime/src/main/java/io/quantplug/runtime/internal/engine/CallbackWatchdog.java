package io.quantplug.runtime.internal.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Notices strategy callbacks that run over their session's time budget, without reading a clock on the engine
 * thread.
 *
 * <p>Each session has a {@link Watch}: the engine thread counts callback entries and exits in it (one release store
 * each, no clock, no lock), so the count is odd while a callback runs. One daemon thread for the whole JVM,
 * {@code quantplug-callback-watchdog}, looks at every registered watch each {@link #POLL_MILLIS} ms; a count that
 * stays at the same odd value for longer than the budget is a callback over budget: the watch is flagged (and a
 * warning logged at once, since the callback may never return). The engine thread sees the flag when the callback
 * returns and suspends the instance. A callback cannot be stopped from outside; it is only reported, then kept from
 * running again. Times are measured to within one poll interval.
 */
final class CallbackWatchdog {

    /** How often the watchdog looks, milliseconds. */
    static final long POLL_MILLIS = 25;
    /** The smallest budget accepted: a few poll intervals. */
    static final Duration MIN_BUDGET = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(CallbackWatchdog.class);
    private static final Set<Watch> WATCHES = ConcurrentHashMap.newKeySet();
    private static Thread thread;

    private CallbackWatchdog() {
    }

    /** One session's callback counter and over-budget flag. */
    static final class Watch {
        private final String session;
        private volatile long budgetNanos;
        /**
         * Entries plus exits: odd while a callback runs. Written by the engine thread only, with release stores
         * ({@link AtomicLong#lazySet}: a plain store on x86, intrinsic on every JVM), which the JIT may neither
         * drop nor keep in a register across a loop. A {@code VarHandle.setOpaque} here measured at almost half
         * the engine's time: its call was not inlined on the per-bar path.
         */
        private final AtomicLong calls = new AtomicLong();
        /** The engine thread's own copy of {@link #calls}, so that counting needs no read of the shared one. */
        private long counted;
        /** Set by the watchdog: when the callback now running started (nanoTime), or 0. */
        private volatile long overBudgetSince;
        // the watchdog thread's own view
        private long seenCalls = -1;
        private long seenSinceNanos;

        Watch(String session, Duration budget) {
            this.session = session;
            this.budgetNanos = budget.toNanos();
        }

        /** Engine thread: a callback starts. */
        void enter() {
            calls.lazySet(++counted);
        }

        /**
         * Engine thread: the callback returned.
         *
         * @return how long it ran, nanoseconds, when the watchdog found it over budget; else 0
         */
        long exit() {
            calls.lazySet(++counted);
            long since = overBudgetSince;
            if (since == 0) {
                return 0;
            }
            overBudgetSince = 0;
            return Math.max(budgetNanos, System.nanoTime() - since);
        }

        void budget(Duration budget) {
            budgetNanos = budget.toNanos();
        }

        long budgetMillis() {
            return TimeUnit.NANOSECONDS.toMillis(budgetNanos);
        }

        private void look(long now) {
            long c = calls.getOpaque();
            if ((c & 1) == 0) {
                seenCalls = -1;
            } else if (c != seenCalls) {
                seenCalls = c;
                seenSinceNanos = now;
            } else if (now - seenSinceNanos >= budgetNanos && overBudgetSince == 0) {
                overBudgetSince = seenSinceNanos;
                LOG.warn("session {}: a strategy callback has been running for over {} ms; its instance will be"
                        + " suspended when it returns", session, budgetMillis());
                seenCalls = -2; // report once per callback
            }
        }
    }

    /** Starts watching a session. */
    static void register(Watch w) {
        WATCHES.add(w);
        synchronized (CallbackWatchdog.class) {
            if (thread == null) {
                thread = new Thread(CallbackWatchdog::run, "quantplug-callback-watchdog");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    /** Stops watching a session. */
    static void unregister(Watch w) {
        WATCHES.remove(w);
    }

    private static void run() {
        while (true) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
            long now = System.nanoTime();
            for (Watch w : WATCHES) {
                w.look(now);
            }
        }
    }
}
