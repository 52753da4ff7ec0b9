package io.quantplug.plugins.volatility;

import java.util.Map;

/**
 * The highs and lows of the last bars, for Donchian channels: the highest high and the lowest low of the last
 * {@code n} bars added (Donchian, R. (1960), "High finance in copper", <i>Financial Analysts Journal</i> 16(6); the
 * breakout rules of the Turtle traders, Faith, C. (2007), <i>Way of the Turtle</i>, McGraw-Hill, chapter 2).
 *
 * <p>O(n) per query over a ring of {@code capacity} bars. Not thread-safe.
 */
final class PriceChannel {

    private final double[] highs;
    private final double[] lows;
    private long count;

    /**
     * @param capacity the most bars any query looks back, &ge; 1
     */
    PriceChannel(int capacity) {
        this.highs = new double[capacity];
        this.lows = new double[capacity];
    }

    /** Adds the next bar. */
    void add(double high, double low) {
        int i = (int) (count % highs.length);
        highs[i] = high;
        lows[i] = low;
        count++;
    }

    /** @return whether at least {@code n} bars were added */
    boolean has(int n) {
        return count >= n;
    }

    /** @return the highest high of the last {@code n} bars added ({@code n} &le; capacity and &le; the count) */
    double highest(int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= n; k++) {
            max = Math.max(max, highs[(int) ((count - k) % highs.length)]);
        }
        return max;
    }

    /** @return the lowest low of the last {@code n} bars added */
    double lowest(int n) {
        double min = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= n; k++) {
            min = Math.min(min, lows[(int) ((count - k) % lows.length)]);
        }
        return min;
    }

    void writeTo(Map<String, String> out) {
        int n = (int) Math.min(count, highs.length);
        double[] h = new double[n];
        double[] l = new double[n];
        for (int k = 0; k < n; k++) {
            int i = (int) ((count - n + k) % highs.length);
            h[k] = highs[i];
            l[k] = lows[i];
        }
        out.put("channelHighs", SnapshotValues.join(h));
        out.put("channelLows", SnapshotValues.join(l));
    }

    void readFrom(Map<String, String> in) {
        double[] h = SnapshotValues.doubles(in, "channelHighs");
        double[] l = SnapshotValues.doubles(in, "channelLows");
        if (h.length != l.length) {
            throw new IllegalArgumentException("snapshot channel highs and lows differ in length");
        }
        int keep = Math.min(h.length, highs.length);
        count = 0;
        for (int k = h.length - keep; k < h.length; k++) {
            add(h[k], l[k]);
        }
    }
}
