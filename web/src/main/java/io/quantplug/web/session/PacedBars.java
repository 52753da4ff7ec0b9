package io.quantplug.web.session;

import io.quantplug.api.market.Bar;
import io.quantplug.runtime.backtest.RunStoppedException;
import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A replay source: a read-only view of bars whose {@code get(i)} returns bar {@code i} no sooner than
 * {@code i / barsPerSecond} seconds after the first bar was read, so a session fed from it runs at a chosen speed
 * on its own thread. It is also where a replay is stopped ({@link #stop}: the next {@code get} throws
 * {@link RunStoppedException}: the run ends there with its result up to the stop) and where the replay's position is read. Only reads in index order from 0 (the
 * replay) are paced and counted; any other read (a look-up of the first or last bar) answers at once. Meant to be
 * read by one thread; {@link #stop}, {@link #done} and {@link #lastClose} may be called from any.
 */
final class PacedBars extends AbstractList<Bar> {

    private final List<Bar> bars;
    private final double barsPerSecond;
    private long startNanos;
    private int next;
    private volatile int done;
    private volatile double lastClose = Double.NaN;
    private volatile String stoppedBy;

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
    public Bar get(int index) {
        if (index != next) {
            return bars.get(index); // a look-up outside the replay (the first and last bar's times): not paced
        }
        if (stoppedBy != null) {
            throw new RunStoppedException("stopped by " + stoppedBy);
        }
        if (index == 0) {
            startNanos = System.nanoTime();
        } else {
            long due = startNanos + (long) (index / barsPerSecond * TimeUnit.SECONDS.toNanos(1));
            long wait;
            while ((wait = due - System.nanoTime()) > 0 && stoppedBy == null) {
                LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            if (stoppedBy != null) {
                throw new RunStoppedException("stopped by " + stoppedBy);
            }
        }
        Bar b = bars.get(index);
        next = index + 1;
        done = next;
        lastClose = b.close();
        return b;
    }

    @Override
    public int size() {
        return bars.size();
    }

    /**
     * Stops the replay at the next bar.
     *
     * @param by who stops it
     */
    void stop(String by) {
        stoppedBy = by;
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
