package io.quantplug.sdk.orderflow;

/**
 * Volumes per price bin for a bounded span of adjacent bins, in primitive arrays addressed modulo their capacity
 * (a ring over bin indices), so adding and removing volume never allocates. Two volumes per bin (e.g. bid and ask)
 * and a count of the entries that went into it, so a bin whose entries all left reads exactly zero, with no rounding
 * left behind.
 *
 * <p>The bin of a price {@code p} with bin size {@code s} is {@code floor(p / s + 1e-9)}: a decimal price that is an
 * exact multiple of the step lands in its own bin even when {@code p / s} rounds just below the whole number in
 * binary. Its row price is {@code bin * s}, the lower edge of {@code [bin * s, (bin + 1) * s)}.
 */
final class PriceBins {

    /** Relative guard added before flooring, in bins (see the class comment). */
    private static final double EDGE_GUARD = 1e-9;

    private final String owner;
    private final int capacity;
    private final double[] first;
    private final double[] second;
    private final int[] counts;
    private long low;
    private long high;
    private boolean empty = true;

    PriceBins(String owner, int capacity) {
        this.owner = owner;
        this.capacity = capacity;
        this.first = new double[capacity];
        this.second = new double[capacity];
        this.counts = new int[capacity];
    }

    static long binOf(double price, double binSize) {
        return (long) Math.floor(price / binSize + EDGE_GUARD);
    }

    void add(long bin, double a, double b) {
        if (empty) {
            low = bin;
            high = bin;
            empty = false;
        } else if (bin < low || bin > high) {
            long newLow = Math.min(low, bin);
            long newHigh = Math.max(high, bin);
            if (newHigh - newLow >= capacity) {
                throw new IllegalStateException(owner + ": prices span " + (newHigh - newLow + 1)
                        + " bins, more than maxBins = " + capacity + "; use a larger bin size or maxBins");
            }
            low = newLow;
            high = newHigh;
        }
        int slot = slot(bin);
        first[slot] += a;
        second[slot] += b;
        counts[slot]++;
    }

    void remove(long bin, double a, double b) {
        int slot = slot(bin);
        if (--counts[slot] == 0) {
            first[slot] = 0.0;
            second[slot] = 0.0;
        } else {
            first[slot] -= a;
            second[slot] -= b;
        }
        while (low <= high && counts[slot(low)] == 0) {
            low++;
        }
        while (high >= low && counts[slot(high)] == 0) {
            high--;
        }
        empty = low > high;
    }

    void clear() {
        if (!empty) {
            for (long bin = low; bin <= high; bin++) {
                int slot = slot(bin);
                first[slot] = 0.0;
                second[slot] = 0.0;
                counts[slot] = 0;
            }
        }
        empty = true;
    }

    boolean isEmpty() {
        return empty;
    }

    long low() {
        return low;
    }

    long high() {
        return high;
    }

    double first(long bin) {
        return empty || bin < low || bin > high ? 0.0 : first[slot(bin)];
    }

    double second(long bin) {
        return empty || bin < low || bin > high ? 0.0 : second[slot(bin)];
    }

    private int slot(long bin) {
        return (int) Math.floorMod(bin, (long) capacity);
    }
}
