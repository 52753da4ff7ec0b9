package io.quantplug.runtime.internal.engine;

import java.util.PriorityQueue;

/**
 * The timers strategy instances scheduled, in time order (ties in the order scheduled), until the session fires
 * them. Engine thread only.
 */
final class SessionTimers {

    /** A timer: when, the tie-breaking sequence, whose, and its name. */
    record Scheduled(long timeMillis, long sequence, StrategyRunner runner, String name) {
    }

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            (a, b) -> a.timeMillis != b.timeMillis ? Long.compare(a.timeMillis, b.timeMillis)
                    : Long.compare(a.sequence, b.sequence));
    private long sequence;

    /** Schedules an instance's timer. */
    void schedule(StrategyRunner runner, String name, long timeMillis) {
        queue.add(new Scheduled(timeMillis, ++sequence, runner, name));
    }

    /**
     * Takes the next timer due by a time.
     *
     * @param upToMillis the time, UTC epoch milliseconds
     * @return the earliest timer due at or before it, or null when none is
     */
    Scheduled nextDue(long upToMillis) {
        Scheduled next = queue.peek();
        return next == null || next.timeMillis > upToMillis ? null : queue.poll();
    }
}
