package io.quantplug.plugins.mlregime;

import io.quantplug.api.market.Bar;

/**
 * The most recent bars of one instrument, addressed by their index in the whole stream (0 for the first bar ever
 * added, counting on across bars that no longer fit): a ring of OHLCV arrays of a fixed capacity.
 *
 * <p>Prices in quote per base, volume in base units, times in UTC epoch milliseconds. Not thread-safe: the engine
 * thread.
 */
final class BarWindow {

    private final int capacity;
    private final long[] openTime;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    /** Bars ever added, including those that fell out of the ring (and those before a restored start). */
    private long count;
    /** The index of the first bar added to this window: 0, or where a restored state continues. */
    private long start;

    /**
     * An empty window.
     *
     * @param capacity the most bars kept, &ge; 1
     */
    BarWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.openTime = new long[capacity];
        this.open = new double[capacity];
        this.high = new double[capacity];
        this.low = new double[capacity];
        this.close = new double[capacity];
        this.volume = new double[capacity];
    }

    /**
     * Appends a bar as index {@link #count()}; the oldest bar falls out when the window is full.
     *
     * @param bar the next bar of the instrument
     */
    void add(Bar bar) {
        add(bar.openTimeMillis(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /**
     * Appends a bar's values as index {@link #count()}.
     *
     * @param openTimeMillis open time, UTC epoch milliseconds
     * @param o open
     * @param h high
     * @param l low
     * @param c close
     * @param v volume
     */
    void add(long openTimeMillis, double o, double h, double l, double c, double v) {
        int s = (int) (count % capacity);
        openTime[s] = openTimeMillis;
        open[s] = o;
        high[s] = h;
        low[s] = l;
        close[s] = c;
        volume[s] = v;
        count++;
    }

    /**
     * Continues the index from a restored state: the next bar added gets index {@code count}.
     *
     * @param newCount bars that came before, &ge; 0; the window must be empty
     */
    void startAt(long newCount) {
        if (count != 0) {
            throw new IllegalStateException("startAt on a window holding bars");
        }
        this.count = newCount;
        this.start = newCount;
    }

    /** @return bars ever added (the index the next bar gets) */
    long count() {
        return count;
    }

    /** @return the index of the oldest bar still held (equals {@link #count()} when empty) */
    long first() {
        return Math.max(start, count - capacity);
    }

    /** @return the most bars kept */
    int capacity() {
        return capacity;
    }

    /** @return whether bar {@code i} is held */
    boolean holds(long i) {
        return i >= first() && i < count;
    }

    private int slot(long i) {
        if (!holds(i)) {
            throw new IndexOutOfBoundsException("bar " + i + " is not held (held: " + first() + " .. "
                    + (count - 1) + ")");
        }
        return (int) (i % capacity);
    }

    long openTime(long i) {
        return openTime[slot(i)];
    }

    double open(long i) {
        return open[slot(i)];
    }

    double high(long i) {
        return high[slot(i)];
    }

    double low(long i) {
        return low[slot(i)];
    }

    double close(long i) {
        return close[slot(i)];
    }

    double volume(long i) {
        return volume[slot(i)];
    }
}
