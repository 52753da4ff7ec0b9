package io.quantplug.runtime.analytics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Account equity over time: one point at the start of the data (the initial capital) and one at the close of
 * every bar, marked at that bar's close. Values are {@code double}: a valuation at market prices for analysis; the
 * exact final equity is in the result. Immutable.
 */
public final class EquityCurve {

    private final long[] timesMillis;
    private final double[] values;
    private final int size;

    /**
     * Creates a curve; the arrays are copied.
     *
     * @param timesMillis point times, UTC epoch milliseconds, non-decreasing
     * @param values      equity at each time, account currency
     * @throws IllegalArgumentException when the lengths differ or times decrease
     */
    public EquityCurve(long[] timesMillis, double[] values) {
        this(checkLengths(timesMillis, values), values, true);
    }

    private static long[] checkLengths(long[] timesMillis, double[] values) {
        if (timesMillis.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        return timesMillis;
    }

    /**
     * A curve of the first {@code length} points of two arrays, copied once.
     *
     * @param timesMillis point times, UTC epoch milliseconds, non-decreasing
     * @param values      equity at each time
     * @param length      how many points to take
     * @return the curve
     * @throws IllegalArgumentException when times decrease
     */
    public static EquityCurve copyOf(long[] timesMillis, double[] values, int length) {
        return new EquityCurve(Arrays.copyOf(timesMillis, length), Arrays.copyOf(values, length), false);
    }

    /**
     * A curve over the first {@code length} points of two arrays the caller hands over: no copy and no check, for
     * an engine that recorded them in time order and will never write them again. Anyone else should use
     * {@link #copyOf}.
     *
     * @param timesMillis point times, UTC epoch milliseconds, non-decreasing (not checked)
     * @param values      equity at each time
     * @param length      how many points are valid, at most either array's length
     * @return the curve, sharing the arrays
     */
    public static EquityCurve adopt(long[] timesMillis, double[] values, int length) {
        if (length > timesMillis.length || length > values.length) {
            throw new IllegalArgumentException("length " + length + " exceeds the arrays");
        }
        return new EquityCurve(timesMillis, values, length);
    }

    private EquityCurve(long[] timesMillis, double[] values, int length) {
        this.timesMillis = timesMillis;
        this.values = values;
        this.size = length;
    }

    private EquityCurve(long[] timesMillis, double[] values, boolean copy) {
        for (int i = 1; i < timesMillis.length; i++) {
            if (timesMillis[i] < timesMillis[i - 1]) {
                throw new IllegalArgumentException("equity times decrease at point " + i);
            }
        }
        this.timesMillis = copy ? timesMillis.clone() : timesMillis;
        this.values = copy ? values.clone() : values;
        this.size = timesMillis.length;
    }

    /**
     * The number of points.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * The time of a point.
     *
     * @param i 0-based index
     * @return UTC epoch milliseconds
     */
    public long timeMillis(int i) {
        return timesMillis[Objects.checkIndex(i, size)];
    }

    /**
     * The equity at a point.
     *
     * @param i 0-based index
     * @return equity in the account currency
     */
    public double equity(int i) {
        return values[Objects.checkIndex(i, size)];
    }

    /**
     * The drawdown at a point: the fall from the highest equity so far, as a fraction of that high.
     *
     * @return one value per point, each in [0, 1] for positive equity
     */
    public double[] drawdowns() {
        double[] dd = new double[size];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            peak = Math.max(peak, values[i]);
            dd[i] = peak > 0 ? (peak - values[i]) / peak : 0.0;
        }
        return dd;
    }

    /**
     * The points a chart of at most {@code maxPoints} points should draw: {@link LargestTriangleThreeBuckets},
     * keeping the first and last points, the highest and the lowest equity, and the peak and the trough of the
     * maximum drawdown (the latest highest point before the deepest fall below it, and the point of that fall), so
     * that a drawdown chart drawn from these points shows the true maximum drawdown.
     *
     * @param maxPoints the most points to keep, &ge; 8
     * @return the indices kept, ascending; every index when the curve has at most {@code maxPoints} points
     * @throws IllegalArgumentException when {@code maxPoints < 8}
     */
    public int[] chartIndices(int maxPoints) {
        if (maxPoints < 8) {
            throw new IllegalArgumentException("maxPoints must be >= 8, got " + maxPoints);
        }
        int high = 0;
        int low = 0;
        int peak = 0;
        int ddPeak = 0;
        int ddTrough = 0;
        double depth = 0;
        for (int i = 1; i < size; i++) {
            double e = values[i];
            if (e > values[high]) {
                high = i;
            }
            if (e < values[low]) {
                low = i;
            }
            if (e >= values[peak]) {
                peak = i;
            } else if (values[peak] > 0 && (values[peak] - e) / values[peak] > depth) {
                depth = (values[peak] - e) / values[peak];
                ddPeak = peak;
                ddTrough = i;
            }
        }
        return LargestTriangleThreeBuckets.select(timesMillis, values, size, maxPoints,
                new int[] {high, low, ddPeak, ddTrough});
    }

    /**
     * A copy of the equity values.
     *
     * @return the values
     */
    public double[] values() {
        return Arrays.copyOf(values, size);
    }

    /**
     * A copy of the times.
     *
     * @return UTC epoch milliseconds
     */
    public long[] timesMillis() {
        return Arrays.copyOf(timesMillis, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EquityCurve c && Arrays.equals(c.timesMillis, 0, c.size, timesMillis, 0, size)
                && Arrays.equals(c.values, 0, c.size, values, 0, size);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(timesMillis()) + Arrays.hashCode(values());
    }
}
