package io.quantplug.runtime.data;

import io.quantplug.api.market.Timeframe;

import java.util.Arrays;

/**
 * Growable columns of parsed rows, private to one import: time, OHLCV, the 1-based line each row came from and how
 * its time was written. Nothing leaves an import except through {@link #toSeries(Timeframe)}, which copies.
 */
final class RowBuffer {

    private static final TimestampFormat[] FORMATS = TimestampFormat.values();

    private long[] times;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private long[] lines;
    private byte[] formats;
    private int size;

    /**
     * Creates an empty buffer.
     *
     * @param capacity initial number of rows, &ge; 1
     */
    RowBuffer(int capacity) {
        times = new long[capacity];
        open = new double[capacity];
        high = new double[capacity];
        low = new double[capacity];
        close = new double[capacity];
        volume = new double[capacity];
        lines = new long[capacity];
        formats = new byte[capacity];
    }

    /** Appends a row. */
    void add(long time, double o, double h, double l, double c, double v, long line, TimestampFormat format) {
        if (size == times.length) {
            grow();
        }
        times[size] = time;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        lines[size] = line;
        formats[size] = (byte) format.ordinal();
        size++;
    }

    /** Appends row {@code i} of another buffer. */
    void addFrom(RowBuffer other, int i) {
        add(other.times[i], other.open[i], other.high[i], other.low[i], other.close[i], other.volume[i],
                other.lines[i], FORMATS[other.formats[i]]);
    }

    int size() {
        return size;
    }

    long time(int i) {
        return times[i];
    }

    long line(int i) {
        return lines[i];
    }

    TimestampFormat format(int i) {
        return FORMATS[formats[i]];
    }

    /** Whether rows {@code i} and {@code j} have identical OHLCV values. */
    boolean sameValues(int i, int j) {
        return open[i] == open[j] && high[i] == high[j] && low[i] == low[j] && close[i] == close[j]
                && volume[i] == volume[j];
    }

    /** The OHLCV values of rows {@code i} and {@code j} that differ, e.g. {@code open 18404.33 vs 18404.3}. */
    String differences(int i, int j) {
        StringBuilder text = new StringBuilder();
        appendIfDifferent(text, "open", open[i], open[j]);
        appendIfDifferent(text, "high", high[i], high[j]);
        appendIfDifferent(text, "low", low[i], low[j]);
        appendIfDifferent(text, "close", close[i], close[j]);
        appendIfDifferent(text, "volume", volume[i], volume[j]);
        return text.toString();
    }

    /** A series of the rows, which must be ascending, valid bars; copies the columns to their exact length. */
    BarSeries toSeries(Timeframe timeframe) {
        return new BarSeries(timeframe, Arrays.copyOf(times, size), Arrays.copyOf(open, size),
                Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                Arrays.copyOf(volume, size), 0, size);
    }

    private static void appendIfDifferent(StringBuilder text, String name, double a, double b) {
        if (a != b) {
            text.append(text.length() == 0 ? "" : ", ").append(name).append(' ').append(a).append(" vs ").append(b);
        }
    }

    private void grow() {
        int capacity = Math.max(16, times.length * 2);
        times = Arrays.copyOf(times, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
        lines = Arrays.copyOf(lines, capacity);
        formats = Arrays.copyOf(formats, capacity);
    }
}
