package io.quantplug.runtime.data;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable series of OHLCV bars of one timeframe, oldest first, stored as columns of primitives so a million
 * bars cost about 48 MB rather than a million objects. Open times are strictly increasing; the series may have gaps
 * (see {@link ImportReport#gaps()}). It does not know its instrument: {@link #bar(int, InstrumentId)} attaches one.
 *
 * <p>Instances are immutable and safe to share between threads. Slices share the columns of the series they were
 * cut from.
 */
public final class BarSeries {

    private final Timeframe timeframe;
    private final long[] openTimes;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final int offset;
    private final int size;

    /** Wraps columns that the caller has validated and will never change. */
    BarSeries(Timeframe timeframe, long[] openTimes, double[] open, double[] high, double[] low, double[] close,
              double[] volume, int offset, int size) {
        this.timeframe = timeframe;
        this.openTimes = openTimes;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.offset = offset;
        this.size = size;
    }

    /**
     * Builds a series from columns, copying them.
     *
     * @param timeframe      the bar length
     * @param openTimeMillis bar open times, UTC epoch milliseconds, strictly increasing
     * @param open           open prices, one per open time
     * @param high           high prices
     * @param low            low prices
     * @param close          close prices
     * @param volume         base volumes
     * @return the series; empty when the arrays are
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the arrays differ in length, open times do not strictly increase, or a
     *                                  bar fails {@link Bar#check}; the message names the index
     */
    public static BarSeries of(Timeframe timeframe, long[] openTimeMillis, double[] open, double[] high,
                               double[] low, double[] close, double[] volume) {
        check(timeframe, openTimeMillis, open, high, low, close, volume);
        return new BarSeries(timeframe, openTimeMillis.clone(), open.clone(), high.clone(), low.clone(),
                close.clone(), volume.clone(), 0, openTimeMillis.length);
    }

    /** As {@link #of}, keeping the arrays, which the caller hands over (the bar cache's freshly read columns). */
    static BarSeries adopt(Timeframe timeframe, long[] openTimeMillis, double[] open, double[] high, double[] low,
                           double[] close, double[] volume) {
        check(timeframe, openTimeMillis, open, high, low, close, volume);
        return new BarSeries(timeframe, openTimeMillis, open, high, low, close, volume, 0, openTimeMillis.length);
    }

    private static void check(Timeframe timeframe, long[] openTimeMillis, double[] open, double[] high,
                              double[] low, double[] close, double[] volume) {
        Objects.requireNonNull(timeframe, "timeframe");
        int n = openTimeMillis.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("columns must have equal lengths: time " + n + ", open "
                    + open.length + ", high " + high.length + ", low " + low.length + ", close " + close.length
                    + ", volume " + volume.length);
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && openTimeMillis[i] <= openTimeMillis[i - 1]) {
                throw new IllegalArgumentException("open times must strictly increase: bar " + i + " at "
                        + Instant.ofEpochMilli(openTimeMillis[i]) + " follows " + Instant.ofEpochMilli(openTimeMillis[i - 1]));
            }
            String problem = Bar.check(open[i], high[i], low[i], close[i], volume[i]);
            if (problem != null) {
                throw new IllegalArgumentException("bar " + i + " at " + Instant.ofEpochMilli(openTimeMillis[i])
                        + ": " + problem);
            }
        }
    }

    /**
     * The bar length.
     *
     * @return the timeframe of every bar
     */
    public Timeframe timeframe() {
        return timeframe;
    }

    /**
     * The number of bars.
     *
     * @return &ge; 0
     */
    public int size() {
        return size;
    }

    /**
     * Whether the series has no bar.
     *
     * @return true when {@link #size()} is 0
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * A bar's open time.
     *
     * @param i index, 0 for the oldest bar
     * @return UTC epoch milliseconds
     * @throws IndexOutOfBoundsException when {@code i} is not in {@code [0, size())}
     */
    public long openTimeMillis(int i) {
        return openTimes[at(i)];
    }

    /**
     * A bar's open price.
     *
     * @param i index, 0 for the oldest bar
     * @return quote per base, &gt; 0
     * @throws IndexOutOfBoundsException when {@code i} is not in {@code [0, size())}
     */
    public double open(int i) {
        return open[at(i)];
    }

    /**
     * A bar's high price.
     *
     * @param i index, 0 for the oldest bar
     * @return quote per base, &gt; 0
     * @throws IndexOutOfBoundsException when {@code i} is not in {@code [0, size())}
     */
    public double high(int i) {
        return high[at(i)];
    }

    /**
     * A bar's low price.
     *
     * @param i index, 0 for the oldest bar
     * @return quote per base, &gt; 0
     * @throws IndexOutOfBoundsException when {@code i} is not in {@code [0, size())}
     */
    public double low(int i) {
        return low[at(i)];
    }

    /**
     * A bar's close price.
     *
     * @param i index, 0 for the oldest bar
     * @return quote per base, &gt; 0
     * @throws IndexOutOfBoundsException when {@code i} is not in {@code [0, size())}
     */
    public double close(int i) {
        return close[at(i)];
    }

    /**
     * A bar's traded volume.
     *
     * @param i index, 0 for the oldest bar
     * @return base units, &ge; 0
     * @throws IndexOutOfBoundsException when {@code i} is not in {@code [0, size())}
     */
    public double volume(int i) {
        return volume[at(i)];
    }

    /**
     * One bar as a value object.
     *
     * @param i          index, 0 for the oldest bar
     * @param instrument the instrument the bars belong to
     * @return a new bar
     * @throws IndexOutOfBoundsException when {@code i} is not in {@code [0, size())}
     * @throws NullPointerException      when {@code instrument} is null
     */
    public Bar bar(int i, InstrumentId instrument) {
        int k = at(i);
        return new Bar(instrument, timeframe, openTimes[k], open[k], high[k], low[k], close[k], volume[k]);
    }

    /**
     * Every bar as a value object, oldest first.
     *
     * @param instrument the instrument the bars belong to
     * @return an unmodifiable list of {@link #size()} new bars
     * @throws NullPointerException when {@code instrument} is null
     */
    public List<Bar> toBars(InstrumentId instrument) {
        Objects.requireNonNull(instrument, "instrument");
        List<Bar> bars = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            bars.add(bar(i, instrument));
        }
        return Collections.unmodifiableList(bars);
    }

    /**
     * Every bar as a value object, oldest first, made only when read: a list view that holds no bar, so that a long
     * series streams through a backtest without a million bar objects alive at once ({@link #toBars} makes them
     * all).
     *
     * @param instrument the instrument the bars belong to
     * @return an unmodifiable random-access view of {@link #size()} bars; each {@code get} makes a new bar
     * @throws NullPointerException when {@code instrument} is null
     */
    public List<Bar> asBars(InstrumentId instrument) {
        Objects.requireNonNull(instrument, "instrument");
        return new BarView(instrument);
    }

    /** The list {@link #asBars} answers. */
    private final class BarView extends AbstractList<Bar> implements RandomAccess {

        private final InstrumentId instrument;

        BarView(InstrumentId instrument) {
            this.instrument = instrument;
        }

        @Override
        public Bar get(int index) {
            return bar(index, instrument);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /**
     * The bars that open in {@code [fromMillisInclusive, toMillisExclusive)}, sharing this series' storage.
     *
     * @param fromMillisInclusive earliest open time kept, UTC epoch milliseconds
     * @param toMillisExclusive   open times at or after this are left out, UTC epoch milliseconds
     * @return the slice; empty when no bar opens in the range
     * @throws IllegalArgumentException when {@code toMillisExclusive < fromMillisInclusive}
     */
    public BarSeries slice(long fromMillisInclusive, long toMillisExclusive) {
        if (toMillisExclusive < fromMillisInclusive) {
            throw new IllegalArgumentException("slice end " + Instant.ofEpochMilli(toMillisExclusive)
                    + " is before its start " + Instant.ofEpochMilli(fromMillisInclusive));
        }
        int from = firstIndexAtOrAfter(fromMillisInclusive);
        int to = firstIndexAtOrAfter(toMillisExclusive);
        return new BarSeries(timeframe, openTimes, open, high, low, close, volume, offset + from, to - from);
    }

    /** The index of the first bar opening at or after {@code millis}, or {@code size} when there is none. */
    private int firstIndexAtOrAfter(long millis) {
        int found = Arrays.binarySearch(openTimes, offset, offset + size, millis);
        return (found >= 0 ? found : -found - 1) - offset;
    }

    private int at(int i) {
        return offset + Objects.checkIndex(i, size);
    }

    /**
     * A short description.
     *
     * @return e.g. {@code BarSeries[1m, 30240 bars, 2023-03-01T00:00:00Z .. 2023-03-21T23:59:00Z]}
     */
    @Override
    public String toString() {
        if (size == 0) {
            return "BarSeries[" + timeframe + ", 0 bars]";
        }
        return "BarSeries[" + timeframe + ", " + size + " bars, " + Instant.ofEpochMilli(openTimeMillis(0)) + " .. "
                + Instant.ofEpochMilli(openTimeMillis(size - 1)) + "]";
    }
}
