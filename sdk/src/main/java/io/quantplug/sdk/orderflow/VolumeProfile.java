package io.quantplug.sdk.orderflow;

import io.quantplug.api.market.TradeTick;

/**
 * Traded volume per price bin over a rolling time window, with its point of control and value area: a streaming
 * volume profile.
 *
 * <p>Bins: a trade at price {@code p} counts into bin {@code floor(p / binSize)} (with a 1e-9-bin guard so that a
 * decimal price on a bin edge lands in the upper bin despite binary rounding); a bin is reported by its row price,
 * its lower edge {@code bin * binSize} (quote per base). Window: after a trade or {@link #expire(long)} at time
 * {@code t}, the profile holds the trades with time {@code > t - windowMillis}, at most the last {@code maxTrades} of
 * them (older ones are evicted first when more arrive); times must not decrease.
 *
 * <p>Point of control (POC): the bin with the most volume; on a tie (exactly equal volumes) the bin nearest the
 * middle of the profile's range of non-empty bins, and of two equally near the lower one. Value area: the
 * method of the CBOT Market Profile guide as described in J. Dalton, E. Jones and R. Dalton, <i>Mind Over
 * Markets</i> (1990), appendix "volume value area", and in Linn Software's "Method A"
 * (linnsoft.com/qa/a/123.htm): start with the POC, then repeatedly compare the volume of the <b>two rows</b> just
 * above the area with the two rows just below it and add the larger pair (the pair above on a tie; a single row
 * where only one is left on that side; the other side once one side is exhausted), until the area holds at least
 * {@code valueAreaFraction} (70 % by convention) of the window's volume. VAH and VAL are the row prices of the
 * area's highest and lowest bin.
 *
 * <p>Cost: {@link #update} is O(1) amortised and allocates nothing (trades and bins live in primitive arrays sized at
 * construction); the POC and value area are computed on the first query after a change, in O(span of bins). Not
 * thread-safe: one thread owns an instance.
 */
public final class VolumeProfile {

    private static final String NAME = "VolumeProfile";

    private final double binSize;
    private final long windowMillis;
    private final double valueAreaFraction;
    private final PriceBins bins;
    private final long[] tradeTimes;
    private final long[] tradeBins;
    private final double[] tradeQuantities;
    private int head;
    private int size;
    private long lastMillis = Long.MIN_VALUE;
    private boolean dirty = true;
    private long pocBin;
    private long vahBin;
    private long valBin;
    private double totalVolume;
    private double valueAreaVolume;

    /**
     * Creates an empty profile.
     *
     * @param binSize           the price step of a bin, quote per base, finite and &gt; 0 (e.g. 5.0 USDT)
     * @param windowMillis      the rolling window, milliseconds, &gt; 0
     * @param valueAreaFraction the share of the window's volume the value area holds, in (0, 1] (0.70 by convention)
     * @param maxTrades         the most trades the window holds, 1..10,000,000
     * @param maxBins           the widest span of bins (lowest to highest non-empty bin) the window may cover,
     *                          1..1,000,000
     * @throws IllegalArgumentException when a parameter is outside its range (the message names it)
     */
    public VolumeProfile(double binSize, long windowMillis, double valueAreaFraction, int maxTrades, int maxBins) {
        this.binSize = Checks.positive(NAME, "binSize", binSize);
        this.windowMillis = Checks.positive(NAME, "windowMillis", windowMillis);
        this.valueAreaFraction = Checks.fraction(NAME, "valueAreaFraction", valueAreaFraction);
        Checks.intInRange(NAME, "maxTrades", maxTrades, 1, 10_000_000);
        this.bins = new PriceBins(NAME, Checks.intInRange(NAME, "maxBins", maxBins, 1, 1_000_000));
        this.tradeTimes = new long[maxTrades];
        this.tradeBins = new long[maxTrades];
        this.tradeQuantities = new double[maxTrades];
    }

    /**
     * Adds a trade (its time, price and quantity; the aggressor side does not matter here).
     *
     * @param trade the trade, not null; its time not before the last one seen
     * @throws IllegalArgumentException when the time goes back
     * @throws IllegalStateException when the window's prices would span more than {@code maxBins} bins
     */
    public void update(TradeTick trade) {
        update(trade.timeMillis(), trade.price(), trade.quantity());
    }

    /**
     * Adds a trade.
     *
     * @param timeMillis trade time, UTC epoch milliseconds, not before the last time seen
     * @param price      trade price, quote per base, finite and &gt; 0
     * @param quantity   traded quantity, base units, finite and &gt; 0
     * @throws IllegalArgumentException when the time goes back or the price or quantity is not positive
     * @throws IllegalStateException when the window's prices would span more than {@code maxBins} bins
     */
    public void update(long timeMillis, double price, double quantity) {
        Checks.trade(NAME, price, quantity);
        expire(timeMillis);
        if (size == tradeTimes.length) {
            evictOldest();
        }
        long bin = PriceBins.binOf(price, binSize);
        bins.add(bin, quantity, 0.0);
        int slot = (head + size) % tradeTimes.length;
        tradeTimes[slot] = timeMillis;
        tradeBins[slot] = bin;
        tradeQuantities[slot] = quantity;
        size++;
        dirty = true;
    }

    /**
     * Moves the window's end to {@code timeMillis} without a trade: trades at or before
     * {@code timeMillis - windowMillis} drop out.
     *
     * @param timeMillis the time now, UTC epoch milliseconds, not before the last time seen
     * @throws IllegalArgumentException when the time goes back
     */
    public void expire(long timeMillis) {
        Checks.notEarlier(NAME, timeMillis, lastMillis);
        lastMillis = timeMillis;
        long cutoff = timeMillis - windowMillis;
        while (size > 0 && tradeTimes[head] <= cutoff) {
            evictOldest();
        }
    }

    private void evictOldest() {
        bins.remove(tradeBins[head], tradeQuantities[head], 0.0);
        head = (head + 1) % tradeTimes.length;
        size--;
        dirty = true;
    }

    /**
     * The price step of a bin.
     *
     * @return quote per base
     */
    public double binSize() {
        return binSize;
    }

    /**
     * How many trades the window holds.
     *
     * @return 0..maxTrades
     */
    public int tradeCount() {
        return size;
    }

    /**
     * The volume traded in the bin holding {@code price}, within the window.
     *
     * @param price any price, quote per base
     * @return base units, 0 when nothing traded there
     */
    public double volumeAt(double price) {
        return bins.first(PriceBins.binOf(price, binSize));
    }

    /**
     * The volume of all trades in the window.
     *
     * @return base units, 0 when empty
     */
    public double totalVolume() {
        compute();
        return totalVolume;
    }

    /**
     * The row price of the point of control.
     *
     * @return the lower edge of the bin with the most volume (tie rule in the class comment), NaN when empty
     */
    public double pointOfControl() {
        compute();
        return size == 0 ? Double.NaN : pocBin * binSize;
    }

    /**
     * The value area high.
     *
     * @return the row price (lower edge) of the value area's highest bin, NaN when empty
     */
    public double valueAreaHigh() {
        compute();
        return size == 0 ? Double.NaN : vahBin * binSize;
    }

    /**
     * The value area low.
     *
     * @return the row price (lower edge) of the value area's lowest bin, NaN when empty
     */
    public double valueAreaLow() {
        compute();
        return size == 0 ? Double.NaN : valBin * binSize;
    }

    /**
     * The volume inside the value area, at least {@code valueAreaFraction} of {@link #totalVolume()}.
     *
     * @return base units, 0 when empty
     */
    public double valueAreaVolume() {
        compute();
        return valueAreaVolume;
    }

    private void compute() {
        if (!dirty) {
            return;
        }
        dirty = false;
        totalVolume = 0.0;
        valueAreaVolume = 0.0;
        if (size == 0) {
            return;
        }
        long low = bins.low();
        long high = bins.high();
        long twiceMiddle = low + high;
        long best = low;
        double bestVolume = -1.0;
        for (long bin = low; bin <= high; bin++) {
            double v = bins.first(bin);
            totalVolume += v;
            boolean nearerTie = v == bestVolume && Math.abs(2 * bin - twiceMiddle) < Math.abs(2 * best - twiceMiddle);
            if (v > bestVolume || nearerTie) {
                best = bin;
                bestVolume = v;
            }
        }
        pocBin = best;
        growValueArea(low, high, bestVolume);
    }

    /** The two-row value area walk of the class comment, from the POC outwards. */
    private void growValueArea(long low, long high, double pocVolume) {
        double target = valueAreaFraction * totalVolume;
        long up = pocBin;
        long down = pocBin;
        double area = pocVolume;
        while (area < target && (up < high || down > low)) {
            double above = up < high ? bins.first(up + 1) + (up + 1 < high ? bins.first(up + 2) : 0.0) : -1.0;
            double below = down > low ? bins.first(down - 1) + (down - 1 > low ? bins.first(down - 2) : 0.0) : -1.0;
            if (below > above) {
                down = Math.max(low, down - 2);
                area += below;
            } else {
                up = Math.min(high, up + 2);
                area += above;
            }
        }
        vahBin = up;
        valBin = down;
        valueAreaVolume = area;
    }
}
