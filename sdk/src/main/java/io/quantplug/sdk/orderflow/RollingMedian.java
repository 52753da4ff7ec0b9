package io.quantplug.sdk.orderflow;

import java.util.Arrays;

/**
 * The median of the last {@code period} values (e.g. trade sizes or resting level sizes): the middle value of the
 * window sorted, or the mean of the two middle values when the window holds an even number of values (the usual
 * sample median).
 *
 * <p>The window is kept sorted in a primitive array beside a ring of arrival order: an update is a binary search and
 * an array shift, O(period), and allocates nothing. Until {@code period} values arrived the median is over the values
 * seen so far. Not thread-safe.
 */
public final class RollingMedian {

    private final double[] ring;
    private final double[] sorted;
    private int size;
    private int next;

    /**
     * Creates an empty window.
     *
     * @param period how many of the latest values the median is over, 1..100,000
     * @throws IllegalArgumentException when {@code period} is outside 1..100,000
     */
    public RollingMedian(int period) {
        Checks.intInRange("RollingMedian", "period", period, 1, 100_000);
        this.ring = new double[period];
        this.sorted = new double[period];
    }

    /**
     * Adds a value, dropping the oldest when the window is full.
     *
     * @param value the value, finite
     * @return the median after adding
     * @throws IllegalArgumentException when the value is not finite
     */
    public double update(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("RollingMedian value must be finite, got " + value);
        }
        if (size == ring.length) {
            int at = Arrays.binarySearch(sorted, 0, size, ring[next]);
            System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
            size--;
        }
        int at = Arrays.binarySearch(sorted, 0, size, value);
        int insert = at >= 0 ? at : -at - 1;
        System.arraycopy(sorted, insert, sorted, insert + 1, size - insert);
        sorted[insert] = value;
        size++;
        ring[next] = value;
        next = (next + 1) % ring.length;
        return value();
    }

    /**
     * The median of the window.
     *
     * @return the median, NaN before the first value
     */
    public double value() {
        if (size == 0) {
            return Double.NaN;
        }
        int mid = size / 2;
        return (size & 1) == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /**
     * Whether the window is full.
     *
     * @return true once {@code period} values arrived
     */
    public boolean isReady() {
        return size == ring.length;
    }

    /**
     * How many values the window holds.
     *
     * @return 0..period
     */
    public int size() {
        return size;
    }
}
