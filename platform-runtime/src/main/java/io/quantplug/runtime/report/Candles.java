package io.quantplug.runtime.report;

import io.quantplug.api.market.Bar;

import java.util.Arrays;
import java.util.List;

/**
 * Bars of a run made few enough to draw: consecutive bars merged into candles of a whole number of bars' time each
 * (open of the first, highest high, lowest low, close of the last: OHLC aggregation, which keeps every extreme), so
 * that at most a given number of candles is left. Buckets are aligned on the first bar's open time and cut by time,
 * not by count, so a gap in the data stays a gap. {@code report.html} and the console's price chart use it; the
 * console asks again for the visible range as the user zooms, down to single bars. The arrays are the record's own
 * (not copied); do not change them.
 *
 * @param barSeconds    one bar's length in seconds
 * @param barsPerCandle how many bars' time one candle spans, &ge; 1
 * @param time          each candle's open time, UTC epoch seconds, ascending
 * @param open          each candle's open
 * @param high          each candle's high
 * @param low           each candle's low
 * @param close         each candle's close
 */
public record Candles(long barSeconds, int barsPerCandle, long[] time, double[] open, double[] high, double[] low,
                      double[] close) {

    /** The most candles the report and the console's first chart draw: a few per pixel of a wide screen. */
    public static final int DEFAULT_MAX = 4_000;

    /**
     * Aggregates every bar.
     *
     * @param bars       one series' bars, ascending by open time, one timeframe
     * @param maxCandles the most candles to return, &ge; 1
     * @return the candles
     * @throws IllegalArgumentException when {@code maxCandles < 1}
     */
    public static Candles of(List<Bar> bars, int maxCandles) {
        return of(bars, Long.MIN_VALUE, Long.MAX_VALUE, maxCandles);
    }

    /**
     * Aggregates the bars that open within a time range, at full resolution when they are few enough.
     *
     * @param bars       one series' bars, ascending by open time, one timeframe
     * @param fromMillis the range's start, UTC epoch milliseconds, inclusive
     * @param toMillis   the range's end, inclusive
     * @param maxCandles the most candles to return, &ge; 1
     * @return the candles of the range (none when no bar opens in it)
     * @throws IllegalArgumentException when {@code maxCandles < 1}
     */
    public static Candles of(List<Bar> bars, long fromMillis, long toMillis, int maxCandles) {
        if (maxCandles < 1) {
            throw new IllegalArgumentException("maxCandles must be >= 1, got " + maxCandles);
        }
        long barSeconds = bars.isEmpty() ? 60 : Math.max(1, bars.get(0).timeframe().millis() / 1000);
        int first = firstAtOrAfter(bars, fromMillis);
        int end = firstAtOrAfter(bars, toMillis == Long.MAX_VALUE ? toMillis : toMillis + 1);
        if (first >= end) {
            return new Candles(barSeconds, 1, new long[0], new double[0], new double[0], new double[0], new double[0]);
        }
        long firstSecond = bars.get(first).openTimeMillis() / 1000;
        long spanBars = (bars.get(end - 1).openTimeMillis() / 1000 - firstSecond) / barSeconds + 1;
        int factor = (int) Math.max(1, (spanBars + maxCandles - 1) / maxCandles);
        long bucketSeconds = barSeconds * factor;
        int capacity = Math.min(end - first, maxCandles);
        long[] time = new long[capacity];
        double[] o = new double[capacity];
        double[] h = new double[capacity];
        double[] l = new double[capacity];
        double[] c = new double[capacity];
        int n = -1;
        long current = Long.MIN_VALUE;
        for (int i = first; i < end; i++) {
            Bar bar = bars.get(i);
            long t = bar.openTimeMillis() / 1000;
            long bucket = firstSecond + Math.floorDiv(t - firstSecond, bucketSeconds) * bucketSeconds;
            if (bucket != current) {
                current = bucket;
                n++;
                time[n] = bucket;
                o[n] = bar.open();
                h[n] = bar.high();
                l[n] = bar.low();
            } else {
                h[n] = Math.max(h[n], bar.high());
                l[n] = Math.min(l[n], bar.low());
            }
            c[n] = bar.close();
        }
        int count = n + 1;
        return new Candles(barSeconds, factor, Arrays.copyOf(time, count), Arrays.copyOf(o, count),
                Arrays.copyOf(h, count), Arrays.copyOf(l, count), Arrays.copyOf(c, count));
    }

    /** The index of the first bar that opens at or after a time (the size when none does). */
    private static int firstAtOrAfter(List<Bar> bars, long millis) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).openTimeMillis() < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * How many candles there are.
     *
     * @return the count
     */
    public int size() {
        return time.length;
    }
}
