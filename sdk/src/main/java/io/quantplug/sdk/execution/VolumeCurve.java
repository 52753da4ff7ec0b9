package io.quantplug.sdk.execution;

/**
 * The profile of traded volume over a repeating cycle (a day, an hour), from the trades seen: the cycle is cut into
 * equal buckets and each trade's quantity added to the bucket of its time within the cycle. {@link #share} is a
 * bucket's part of all the volume, what a {@link Vwap} slice at that time takes of its parent.
 *
 * <p>Not thread-safe. Allocates nothing per trade.
 */
public final class VolumeCurve {

    private final long cycleMillis;
    private final double[] volume;
    private double total;

    /**
     * An empty curve.
     *
     * @param cycleMillis the cycle, e.g. 86,400,000 for a day, &ge; the bucket count
     * @param buckets     how many buckets, 1 to 100,000
     * @throws IllegalArgumentException when out of range
     */
    public VolumeCurve(long cycleMillis, int buckets) {
        if (buckets < 1 || buckets > 100_000) {
            throw new IllegalArgumentException("buckets must be 1 to 100,000, got " + buckets);
        }
        if (cycleMillis < buckets) {
            throw new IllegalArgumentException("cycle must be at least one ms per bucket, got " + cycleMillis
                    + " ms for " + buckets + " buckets");
        }
        this.cycleMillis = cycleMillis;
        this.volume = new double[buckets];
    }

    /**
     * Adds a trade.
     *
     * @param timeMillis the trade's time, UTC epoch milliseconds
     * @param quantity   its quantity, &ge; 0 (others are ignored)
     */
    public void add(long timeMillis, double quantity) {
        if (quantity > 0 && Double.isFinite(quantity)) {
            volume[bucket(timeMillis)] += quantity;
            total += quantity;
        }
    }

    private int bucket(long timeMillis) {
        long inCycle = Math.floorMod(timeMillis, cycleMillis);
        return (int) (inCycle * volume.length / cycleMillis);
    }

    /**
     * The part of the volume traded in the bucket of a time.
     *
     * @param timeMillis a time, UTC epoch milliseconds
     * @return 0 to 1; 0 when no volume was added
     */
    public double share(long timeMillis) {
        return total > 0 ? volume[bucket(timeMillis)] / total : 0;
    }

    /**
     * The volume added.
     *
     * @return base units
     */
    public double total() {
        return total;
    }
}
