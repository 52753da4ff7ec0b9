package io.quantplug.plugins.grid;

import io.quantplug.api.market.Bar;
import io.quantplug.sdk.volatility.OhlcBars;

/**
 * The last {@code capacity} bars' open, high, low and close, oldest first: the input of the volatility estimators
 * and of the GARCH fits. Kept by the strategy itself rather than read from the session's history window, whose
 * capacity the strategy does not choose, and handed over in the hot-swap snapshot.
 *
 * <p>A ring of four {@code double} arrays: {@link #add} is O(1) and allocation-free. Engine thread only.
 */
final class RecentBars {

    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    /** Index of the oldest bar. */
    private int start;
    private int size;

    /**
     * An empty window.
     *
     * @param capacity the most bars kept, &ge; 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    RecentBars(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        open = new double[capacity];
        high = new double[capacity];
        low = new double[capacity];
        close = new double[capacity];
    }

    /**
     * Appends a completed bar, dropping the oldest when full.
     *
     * @param bar the bar, newer than every bar added before
     */
    void add(Bar bar) {
        add(bar.open(), bar.high(), bar.low(), bar.close());
    }

    private void add(double o, double h, double l, double c) {
        int capacity = close.length;
        int at;
        if (size < capacity) {
            at = (start + size) % capacity;
            size++;
        } else {
            at = start;
            start = (start + 1) % capacity;
        }
        open[at] = o;
        high[at] = h;
        low[at] = l;
        close[at] = c;
    }

    /**
     * How many bars are kept.
     *
     * @return {@code 0 .. capacity}
     */
    int size() {
        return size;
    }

    /**
     * The close of a bar by age.
     *
     * @param barsAgo 0 for the newest bar, up to {@code size() - 1}
     * @return the close, quote per base
     * @throws IndexOutOfBoundsException when {@code barsAgo} is out of range
     */
    double close(int barsAgo) {
        if (barsAgo < 0 || barsAgo >= size) {
            throw new IndexOutOfBoundsException("barsAgo " + barsAgo + " outside [0, " + size + ")");
        }
        return close[index(size - 1 - barsAgo)];
    }

    /**
     * The newest {@code count} closes, oldest first.
     *
     * @param count {@code 1 .. size()}
     * @return a new array
     * @throws IllegalArgumentException when {@code count} is out of range
     */
    double[] closes(int count) {
        return copyLast(close, count);
    }

    /**
     * The newest {@code count} bars as a validated series for the estimators.
     *
     * @param count {@code 1 .. size()}
     * @return the bars, oldest first
     * @throws IllegalArgumentException when {@code count} is out of range
     */
    OhlcBars window(int count) {
        return OhlcBars.of(copyLast(open, count), copyLast(high, count), copyLast(low, count),
                copyLast(close, count));
    }

    private int index(int fromOldest) {
        return (start + fromOldest) % close.length;
    }

    private double[] copyLast(double[] ring, int count) {
        if (count < 1 || count > size) {
            throw new IllegalArgumentException("count must be in [1, " + size + "], got " + count);
        }
        double[] out = new double[count];
        int from = size - count;
        for (int i = 0; i < count; i++) {
            out[i] = ring[index(from + i)];
        }
        return out;
    }

    /**
     * The bars as text for a snapshot: {@code open,high,low,close} per bar with {@link Double#toString}, bars
     * separated by {@code ;}, oldest first. Parsing it back gives the same doubles.
     *
     * @return the text, empty when there are no bars
     */
    String encode() {
        StringBuilder b = new StringBuilder(size * 48);
        for (int i = 0; i < size; i++) {
            int at = index(i);
            if (i > 0) {
                b.append(';');
            }
            b.append(open[at]).append(',').append(high[at]).append(',').append(low[at]).append(',')
                    .append(close[at]);
        }
        return b.toString();
    }

    /**
     * Replaces the contents with bars from {@link #encode()}; when there are more than the capacity, the newest are
     * kept.
     *
     * @param text the encoded bars
     * @throws IllegalArgumentException when the text is malformed (names the bar)
     */
    void decode(String text) {
        start = 0;
        size = 0;
        if (text.isEmpty()) {
            return;
        }
        String[] bars = text.split(";");
        for (int i = 0; i < bars.length; i++) {
            String[] f = bars[i].split(",");
            if (f.length != 4) {
                throw new IllegalArgumentException("snapshot bar " + i + " '" + bars[i]
                        + "' is not open,high,low,close");
            }
            try {
                add(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("snapshot bar " + i + " '" + bars[i] + "': " + e.getMessage(), e);
            }
        }
    }
}
