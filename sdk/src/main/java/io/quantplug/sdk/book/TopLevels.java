package io.quantplug.sdk.book;

/**
 * A caller-owned, reusable copy of the best N levels of each side of an {@link OrderBook}, in primitive arrays,
 * best level first. {@link OrderBook#copyTop(TopLevels)} refills it without allocating, so a strategy or a feed can
 * look at the top of the book on every update for free.
 *
 * <p>Not thread-safe: one thread fills and reads a view.
 */
public final class TopLevels {

    private final double[] bidPrices;
    private final double[] bidQuantities;
    private final double[] askPrices;
    private final double[] askQuantities;
    private int bidCount;
    private int askCount;

    /**
     * An empty view.
     *
     * @param capacity the N of top-N, at least 1
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public TopLevels(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        bidPrices = new double[capacity];
        bidQuantities = new double[capacity];
        askPrices = new double[capacity];
        askQuantities = new double[capacity];
    }

    void fill(BookSide bids, BookSide asks) {
        bidCount = Math.min(bidPrices.length, bids.size());
        bids.copyTop(bidPrices, bidQuantities, bidCount);
        askCount = Math.min(askPrices.length, asks.size());
        asks.copyTop(askPrices, askQuantities, askCount);
    }

    /**
     * The N this view holds at most per side.
     *
     * @return the capacity
     */
    public int capacity() {
        return bidPrices.length;
    }

    /**
     * Bid levels held, at most {@link #capacity()}.
     *
     * @return the count
     */
    public int bidCount() {
        return bidCount;
    }

    /**
     * Ask levels held, at most {@link #capacity()}.
     *
     * @return the count
     */
    public int askCount() {
        return askCount;
    }

    /**
     * Bid price at a depth.
     *
     * @param depth 0 for the best bid, below {@link #bidCount()} (not checked beyond the array bounds)
     * @return the price
     */
    public double bidPrice(int depth) {
        return bidPrices[depth];
    }

    /**
     * Bid quantity at a depth.
     *
     * @param depth 0 for the best bid, below {@link #bidCount()} (not checked beyond the array bounds)
     * @return the quantity
     */
    public double bidQuantity(int depth) {
        return bidQuantities[depth];
    }

    /**
     * Ask price at a depth.
     *
     * @param depth 0 for the best ask, below {@link #askCount()} (not checked beyond the array bounds)
     * @return the price
     */
    public double askPrice(int depth) {
        return askPrices[depth];
    }

    /**
     * Ask quantity at a depth.
     *
     * @param depth 0 for the best ask, below {@link #askCount()} (not checked beyond the array bounds)
     * @return the quantity
     */
    public double askQuantity(int depth) {
        return askQuantities[depth];
    }
}
