package io.quantplug.web.session;

import io.quantplug.api.market.Bar;
import io.quantplug.runtime.session.BarSource;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A paced replay: a bar source whose {@link #next()} hands out bar {@code i} no sooner than {@code i / barsPerSecond}
 * seconds after the first, so a session fed from it runs at a chosen speed on its own thread. {@link #stop()} makes
 * a waiting or later {@code next()} return null at once. {@link #next()} is called by one thread (the session's);
 * {@link #stop}, {@link #done} and {@link #lastClose} may be called from any.
 */
final class PacedBars implements BarSource {

    private final List<Bar> bars;
    private final double barsPerSecond;
    private long startNanos;
    private int next;
    private volatile int done;
    private volatile double lastClose = Double.NaN;
    private volatile boolean stopped;

    /**
     * Wraps bars.
     *
     * @param bars          the bars, oldest first
     * @param barsPerSecond the pace, &gt; 0
     */
    PacedBars(List<Bar> bars, double barsPerSecond) {
        this.bars = bars;
        this.barsPerSecond = barsPerSecond;
    }

    @Override
    public Bar next() {
        if (stopped || next == bars.size()) {
            return null;
        }
        if (next == 0) {
            startNanos = System.nanoTime();
        } else {
            long due = startNanos + (long) (next / barsPerSecond * TimeUnit.SECONDS.toNanos(1));
            long wait;
            while ((wait = due - System.nanoTime()) > 0 && !stopped) {
                LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            if (stopped) {
                return null;
            }
        }
        Bar b = bars.get(next++);
        done = next;
        lastClose = b.close();
        return b;
    }

    /**
     * A replay at a chosen speed: the session publishes its state after every bar.
     *
     * @return true
     */
    @Override
    public boolean paced() {
        return true;
    }

    @Override
    public int expectedBars() {
        return bars.size();
    }

    @Override
    public void stop() {
        stopped = true;
    }

    /**
     * Bars handed out so far.
     *
     * @return the count
     */
    int done() {
        return done;
    }

    /**
     * The close of the last bar handed out.
     *
     * @return the price, or NaN before the first
     */
    double lastClose() {
        return lastClose;
    }
}
