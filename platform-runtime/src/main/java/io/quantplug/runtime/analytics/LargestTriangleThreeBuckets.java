package io.quantplug.runtime.analytics;

import java.util.Arrays;

/**
 * Picks the points of a long series that a chart of a few thousand points should draw, by
 * Largest-Triangle-Three-Buckets (Sveinn Steinarsson, "Downsampling Time Series for Visual Representation", MSc
 * thesis, University of Iceland, 2013, section 4.2): the first and the last point are kept; the points between are
 * cut into {@code threshold - 2} buckets of (nearly) equal count, and from each bucket the point kept is the one that
 * makes the largest triangle with the point kept from the bucket before and the average of the bucket after. Peaks
 * and troughs make large triangles, so the shape and the extremes survive where averaging or taking every n-th point
 * would flatten them.
 *
 * <p>{@link #select(long[], double[], int, int, int[])} also keeps given points whatever their triangles (for an
 * equity curve: the peak and the trough of the maximum drawdown, so the drawdown drawn is the true one): they split
 * the series into segments, each segment gets a share of the points proportional to its length, and each is
 * downsampled on its own with its ends kept. Without such points it is exactly the published algorithm, bucket
 * boundaries and ties included (the first of equal triangles wins).
 *
 * <p>Stateless and thread-safe. The time axis is the {@code long} time of each point (any unit, ascending); the
 * areas are computed in {@code double}.
 */
public final class LargestTriangleThreeBuckets {

    private LargestTriangleThreeBuckets() {
    }

    /**
     * The indices of the points to keep, by the published algorithm.
     *
     * @param x         the times, ascending; only the first {@code length} are read
     * @param y         the values
     * @param length    how many points the series has, &ge; 0
     * @param threshold how many points to keep, &ge; 3 (a smaller number cannot keep both ends and a shape)
     * @return the indices kept, ascending: every index when {@code length <= threshold}
     * @throws IllegalArgumentException when {@code threshold < 3} or {@code length} exceeds the arrays
     */
    public static int[] select(long[] x, double[] y, int length, int threshold) {
        return select(x, y, length, threshold, new int[0]);
    }

    /**
     * The indices of the points to keep, keeping the given ones too (see the class comment).
     *
     * @param x         the times, ascending; only the first {@code length} are read
     * @param y         the values
     * @param length    how many points the series has, &ge; 0
     * @param threshold how many points to keep, &ge; 3; when the points that must be kept (with both ends) are
     *                  more, they alone are returned
     * @param keep      indices that must be kept, in any order; out-of-range ones are ignored
     * @return the indices kept, ascending: every index when {@code length <= threshold}
     * @throws IllegalArgumentException when {@code threshold < 3} or {@code length} exceeds the arrays
     */
    public static int[] select(long[] x, double[] y, int length, int threshold, int[] keep) {
        if (threshold < 3) {
            throw new IllegalArgumentException("threshold must be >= 3, got " + threshold);
        }
        if (length < 0 || length > x.length || length > y.length) {
            throw new IllegalArgumentException("length " + length + " is outside the arrays");
        }
        if (length <= threshold) {
            int[] all = new int[length];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] anchors = anchors(keep, length);
        if (anchors.length >= threshold) {
            return anchors;
        }
        int[] interior = shares(anchors, threshold - anchors.length);
        int[] out = new int[threshold];
        int n = 0;
        for (int s = 0; s + 1 < anchors.length; s++) {
            out[n++] = anchors[s];
            n = bucketsBetween(x, y, anchors[s], anchors[s + 1], interior[s], out, n);
        }
        out[n++] = anchors[anchors.length - 1];
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Both ends and the kept indices in range, ascending, without repeats. */
    private static int[] anchors(int[] keep, int length) {
        int[] a = new int[keep.length + 2];
        int n = 0;
        a[n++] = 0;
        a[n++] = length - 1;
        for (int k : keep) {
            if (k > 0 && k < length - 1) {
                a[n++] = k;
            }
        }
        a = Arrays.copyOf(a, n);
        Arrays.sort(a);
        int u = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[u - 1]) {
                a[u++] = a[i];
            }
        }
        return Arrays.copyOf(a, u);
    }

    /**
     * Splits {@code points} among the segments between anchors in proportion to the points strictly inside each, by
     * largest remainders (Hamilton's method), never more than a segment has.
     */
    private static int[] shares(int[] anchors, int points) {
        int segments = anchors.length - 1;
        int[] share = new int[segments];
        long inside = (long) anchors[segments] - anchors[0] + 1 - anchors.length;
        if (inside <= 0) {
            return share;
        }
        double[] remainder = new double[segments];
        int given = 0;
        for (int s = 0; s < segments; s++) {
            double exact = (double) points * (anchors[s + 1] - anchors[s] - 1) / inside;
            share[s] = (int) Math.floor(exact);
            remainder[s] = exact - share[s];
            given += share[s];
        }
        while (given < points) {
            int best = -1;
            for (int s = 0; s < segments; s++) {
                if (share[s] < anchors[s + 1] - anchors[s] - 1 && (best < 0 || remainder[s] > remainder[best])) {
                    best = s;
                }
            }
            if (best < 0) {
                break;
            }
            share[best]++;
            remainder[best] = -1;
            given++;
        }
        return share;
    }

    /**
     * Appends the {@code buckets} points kept strictly between {@code first} and {@code last} (both kept by the
     * caller) to {@code out} from {@code n}; returns the new count.
     */
    private static int bucketsBetween(long[] x, double[] y, int first, int last, int buckets, int[] out, int n) {
        int inside = last - first - 1;
        if (buckets >= inside) {
            for (int i = first + 1; i < last; i++) {
                out[n++] = i;
            }
            return n;
        }
        if (buckets <= 0) {
            return n;
        }
        int length = last - first + 1;
        double every = (double) (length - 2) / buckets;
        int a = first;
        for (int b = 0; b < buckets; b++) {
            int avgFrom = first + (int) Math.floor((b + 1) * every) + 1;
            int avgTo = Math.min(first + (int) Math.floor((b + 2) * every) + 1, last + 1);
            double avgX = 0;
            double avgY = 0;
            for (int i = avgFrom; i < avgTo; i++) {
                avgX += x[i];
                avgY += y[i];
            }
            avgX /= avgTo - avgFrom;
            avgY /= avgTo - avgFrom;
            int from = first + (int) Math.floor(b * every) + 1;
            int to = first + (int) Math.floor((b + 1) * every) + 1;
            double ax = x[a];
            double ay = y[a];
            double maxArea = -1;
            int chosen = from;
            for (int i = from; i < to; i++) {
                double area = Math.abs((ax - avgX) * (y[i] - ay) - (ax - x[i]) * (avgY - ay)) * 0.5;
                if (area > maxArea) {
                    maxArea = area;
                    chosen = i;
                }
            }
            out[n++] = chosen;
            a = chosen;
        }
        return n;
    }
}
