package io.quantplug.sdk.bar;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.sdk.snapshot.SnapshotFormatException;
import io.quantplug.sdk.snapshot.SnapshotReader;
import io.quantplug.sdk.snapshot.SnapshotWriter;

/**
 * The newest bars of one series in a fixed-capacity ring of primitive arrays: O(1) append, which overwrites the
 * oldest bar once full, and O(1) access by age ({@code barsAgo = 0} is the newest bar), without one object per bar.
 *
 * <p>Prices in quote currency per base unit, volume in base units, open times in UTC epoch milliseconds, as in
 * {@link Bar}. {@link #count()} counts every bar ever appended (and those before a restored state), so a bar's
 * position in the whole stream is {@code count() - 1 - barsAgo}. Not thread-safe: the engine thread.
 */
public final class BarRingBuffer {

    private final int capacity;
    private final long[] openTime;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private int size;
    private int newest = -1;
    private long count;

    /**
     * Creates an empty buffer.
     *
     * @param capacity the most bars kept, &ge; 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    public BarRingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("bar ring buffer capacity must be >= 1, got " + capacity);
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
     * Appends the newest bar.
     *
     * @param bar the bar, not null
     */
    public void append(Bar bar) {
        store(bar.openTimeMillis(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /**
     * Appends the newest bar's values.
     *
     * @param openTimeMillis open time, UTC epoch milliseconds
     * @param open           first trade price, &gt; 0
     * @param high           highest trade price, &ge; open, low and close
     * @param low            lowest trade price, &gt; 0, &le; open and close
     * @param close          last trade price, &gt; 0
     * @param volume         traded quantity in base units, &ge; 0
     * @throws IllegalArgumentException when the values do not form a valid bar (the rule of {@link Bar#check})
     */
    public void append(long openTimeMillis, double open, double high, double low, double close, double volume) {
        String problem = Bar.check(open, high, low, close, volume);
        if (problem != null) {
            throw new IllegalArgumentException("bar ring buffer: " + problem);
        }
        store(openTimeMillis, open, high, low, close, volume);
    }

    private void store(long t, double o, double h, double l, double c, double v) {
        int s = newest + 1 == capacity ? 0 : newest + 1;
        openTime[s] = t;
        open[s] = o;
        high[s] = h;
        low[s] = l;
        close[s] = c;
        volume[s] = v;
        newest = s;
        if (size < capacity) {
            size++;
        }
        count++;
    }

    private int slot(int barsAgo) {
        if (barsAgo < 0 || barsAgo >= size) {
            throw new IndexOutOfBoundsException("barsAgo must be in 0.." + (size - 1) + " (bars held: " + size
                    + "), got " + barsAgo);
        }
        int s = newest - barsAgo;
        return s < 0 ? s + capacity : s;
    }

    /**
     * A bar's open time.
     *
     * @param barsAgo 0 for the newest bar, up to {@code size() - 1}
     * @return UTC epoch milliseconds
     * @throws IndexOutOfBoundsException when {@code barsAgo} is outside {@code 0 .. size() - 1}
     */
    public long openTimeMillis(int barsAgo) {
        return openTime[slot(barsAgo)];
    }

    /**
     * A bar's open.
     *
     * @param barsAgo 0 for the newest bar, up to {@code size() - 1}
     * @return quote per base
     * @throws IndexOutOfBoundsException when {@code barsAgo} is outside {@code 0 .. size() - 1}
     */
    public double open(int barsAgo) {
        return open[slot(barsAgo)];
    }

    /**
     * A bar's high.
     *
     * @param barsAgo 0 for the newest bar, up to {@code size() - 1}
     * @return quote per base
     * @throws IndexOutOfBoundsException when {@code barsAgo} is outside {@code 0 .. size() - 1}
     */
    public double high(int barsAgo) {
        return high[slot(barsAgo)];
    }

    /**
     * A bar's low.
     *
     * @param barsAgo 0 for the newest bar, up to {@code size() - 1}
     * @return quote per base
     * @throws IndexOutOfBoundsException when {@code barsAgo} is outside {@code 0 .. size() - 1}
     */
    public double low(int barsAgo) {
        return low[slot(barsAgo)];
    }

    /**
     * A bar's close.
     *
     * @param barsAgo 0 for the newest bar, up to {@code size() - 1}
     * @return quote per base
     * @throws IndexOutOfBoundsException when {@code barsAgo} is outside {@code 0 .. size() - 1}
     */
    public double close(int barsAgo) {
        return close[slot(barsAgo)];
    }

    /**
     * A bar's volume.
     *
     * @param barsAgo 0 for the newest bar, up to {@code size() - 1}
     * @return base units
     * @throws IndexOutOfBoundsException when {@code barsAgo} is outside {@code 0 .. size() - 1}
     */
    public double volume(int barsAgo) {
        return volume[slot(barsAgo)];
    }

    /**
     * A held bar as a {@link Bar} record (allocates; the primitive accessors do not).
     *
     * @param barsAgo    0 for the newest bar, up to {@code size() - 1}
     * @param instrument the series' instrument, not null
     * @param timeframe  the series' bar length, not null
     * @return a new bar
     * @throws IndexOutOfBoundsException when {@code barsAgo} is outside {@code 0 .. size() - 1}
     */
    public Bar bar(int barsAgo, InstrumentId instrument, Timeframe timeframe) {
        int s = slot(barsAgo);
        return new Bar(instrument, timeframe, openTime[s], open[s], high[s], low[s], close[s], volume[s]);
    }

    /**
     * How many bars are held.
     *
     * @return {@code min(count(), capacity())}, or fewer after a restore
     */
    public int size() {
        return size;
    }

    /**
     * The most bars kept.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    /**
     * How many bars were appended in the whole stream, the overwritten ones and those before a restored state
     * included.
     *
     * @return the count, &ge; {@link #size()}
     */
    public long count() {
        return count;
    }

    /**
     * Writes the held bars and the count under {@code prefix.count}, {@code prefix.openTime}, {@code prefix.open},
     * {@code prefix.high}, {@code prefix.low}, {@code prefix.close} and {@code prefix.volume}, oldest first.
     *
     * @param out    the snapshot being written
     * @param prefix the key prefix, e.g. {@code "bars"} (letters, digits, {@code . _ -})
     */
    public void writeTo(SnapshotWriter out, String prefix) {
        long[] t = new long[size];
        double[][] v = new double[5][size];
        for (int i = 0; i < size; i++) {
            int s = slot(size - 1 - i);
            t[i] = openTime[s];
            v[0][i] = open[s];
            v[1][i] = high[s];
            v[2][i] = low[s];
            v[3][i] = close[s];
            v[4][i] = volume[s];
        }
        out.putLong(prefix + ".count", count).putLongs(prefix + ".openTime", t).putDoubles(prefix + ".open", v[0])
                .putDoubles(prefix + ".high", v[1]).putDoubles(prefix + ".low", v[2])
                .putDoubles(prefix + ".close", v[3]).putDoubles(prefix + ".volume", v[4]);
    }

    /**
     * Reads what {@link #writeTo} wrote into this empty buffer; when more bars were written than this buffer holds,
     * it keeps the newest. The count continues from the written one.
     *
     * @param in     the snapshot being read
     * @param prefix the key prefix given to {@link #writeTo}
     * @throws IllegalStateException when this buffer already holds bars
     * @throws io.quantplug.sdk.snapshot.SnapshotFormatException when a key is missing, a value is malformed, the
     *                                                           arrays differ in length or exceed the count
     * @throws IllegalArgumentException when a written bar is not a valid bar
     */
    public void readFrom(SnapshotReader in, String prefix) {
        if (count != 0) {
            throw new IllegalStateException("readFrom needs an empty bar ring buffer; this one has " + count
                    + " bars");
        }
        long total = in.getLong(prefix + ".count");
        long[] t = in.getLongs(prefix + ".openTime");
        double[][] v = {in.getDoubles(prefix + ".open"), in.getDoubles(prefix + ".high"),
            in.getDoubles(prefix + ".low"), in.getDoubles(prefix + ".close"), in.getDoubles(prefix + ".volume")};
        for (double[] column : v) {
            if (column.length != t.length) {
                throw new SnapshotFormatException("bar ring buffer '" + prefix
                        + "': columns hold " + t.length + " and " + column.length + " bars");
            }
        }
        if (total < t.length) {
            throw new SnapshotFormatException("bar ring buffer '" + prefix + "': count "
                    + total + " is below the " + t.length + " bars written");
        }
        for (int i = Math.max(0, t.length - capacity); i < t.length; i++) {
            append(t[i], v[0][i], v[1][i], v[2][i], v[3][i], v[4][i]);
        }
        count = total;
    }
}
