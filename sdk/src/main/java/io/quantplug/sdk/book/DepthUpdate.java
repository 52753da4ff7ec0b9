package io.quantplug.sdk.book;

import java.util.Arrays;

/**
 * One diff-depth event, as a reusable mutable holder: the update-id range it covers and the new absolute
 * quantity of each changed price level. A decoder fills one instance per message ({@link #reset()}, the ids, then
 * {@link #addBid}/{@link #addAsk}); the arrays grow by doubling and are kept, so refilling allocates nothing once
 * the largest message has been seen.
 *
 * <p>Update ids follow Binance's diff-depth events: {@code U} = {@link #firstUpdateId()}, {@code u} =
 * {@link #finalUpdateId()}, and, on futures streams only, {@code pu} = {@link #previousFinalUpdateId()} (the
 * {@code u} of the event before it on the stream; {@code -1} when the stream does not send it).
 *
 * <p>Not thread-safe. {@link #copy()} gives an independent instance (used when updates are buffered).
 */
public final class DepthUpdate {

    private long firstUpdateId;
    private long finalUpdateId;
    private long previousFinalUpdateId = -1;
    private long eventTimeMillis;
    private double[] bids = new double[32];
    private double[] asks = new double[32];
    private int bidCount;
    private int askCount;

    /** An empty update. */
    public DepthUpdate() {
    }

    /** Empties the levels and sets the ids to 0 ({@code pu} to -1) and the event time to 0. */
    public void reset() {
        firstUpdateId = 0;
        finalUpdateId = 0;
        previousFinalUpdateId = -1;
        eventTimeMillis = 0;
        bidCount = 0;
        askCount = 0;
    }

    /**
     * Sets the update ids.
     *
     * @param first    {@code U}, the first update id in the event
     * @param last     {@code u}, the final update id in the event
     * @param previous {@code pu}, the final update id of the previous event (futures), or -1 if not sent
     * @return this update
     */
    public DepthUpdate ids(long first, long last, long previous) {
        firstUpdateId = first;
        finalUpdateId = last;
        previousFinalUpdateId = previous;
        return this;
    }

    /**
     * Sets {@code U}.
     *
     * @param id the first update id
     */
    public void firstUpdateId(long id) {
        firstUpdateId = id;
    }

    /**
     * Sets {@code u}.
     *
     * @param id the final update id
     */
    public void finalUpdateId(long id) {
        finalUpdateId = id;
    }

    /**
     * Sets {@code pu}.
     *
     * @param id the previous event's final update id, or -1
     */
    public void previousFinalUpdateId(long id) {
        previousFinalUpdateId = id;
    }

    /**
     * Sets the venue's event time.
     *
     * @param millis UTC epoch milliseconds
     */
    public void eventTimeMillis(long millis) {
        eventTimeMillis = millis;
    }

    /**
     * Adds a changed bid level.
     *
     * @param price    the price
     * @param quantity the new absolute quantity, 0 to remove the level
     */
    public void addBid(double price, double quantity) {
        bids = put(bids, bidCount++, price, quantity);
    }

    /**
     * Adds a changed ask level.
     *
     * @param price    the price
     * @param quantity the new absolute quantity, 0 to remove the level
     */
    public void addAsk(double price, double quantity) {
        asks = put(asks, askCount++, price, quantity);
    }

    /** Stores level {@code index} as a (price, quantity) pair, doubling the array when full. */
    private static double[] put(double[] levels, int index, double price, double quantity) {
        double[] out = 2 * index == levels.length ? Arrays.copyOf(levels, levels.length * 2) : levels;
        out[2 * index] = price;
        out[2 * index + 1] = quantity;
        return out;
    }

    /**
     * {@code U}.
     *
     * @return the first update id
     */
    public long firstUpdateId() {
        return firstUpdateId;
    }

    /**
     * {@code u}.
     *
     * @return the final update id
     */
    public long finalUpdateId() {
        return finalUpdateId;
    }

    /**
     * {@code pu}.
     *
     * @return the previous event's final update id, or -1 when the stream does not send it
     */
    public long previousFinalUpdateId() {
        return previousFinalUpdateId;
    }

    /**
     * The venue's event time.
     *
     * @return UTC epoch milliseconds, 0 if not set
     */
    public long eventTimeMillis() {
        return eventTimeMillis;
    }

    /**
     * Changed bid levels.
     *
     * @return the count
     */
    public int bidCount() {
        return bidCount;
    }

    /**
     * Changed ask levels.
     *
     * @return the count
     */
    public int askCount() {
        return askCount;
    }

    /**
     * A changed bid's price.
     *
     * @param i index below {@link #bidCount()}
     * @return the price
     */
    public double bidPrice(int i) {
        return bids[2 * i];
    }

    /**
     * A changed bid's new quantity.
     *
     * @param i index below {@link #bidCount()}
     * @return the quantity, 0 for a removal
     */
    public double bidQuantity(int i) {
        return bids[2 * i + 1];
    }

    /**
     * A changed ask's price.
     *
     * @param i index below {@link #askCount()}
     * @return the price
     */
    public double askPrice(int i) {
        return asks[2 * i];
    }

    /**
     * A changed ask's new quantity.
     *
     * @param i index below {@link #askCount()}
     * @return the quantity, 0 for a removal
     */
    public double askQuantity(int i) {
        return asks[2 * i + 1];
    }

    /**
     * An independent copy, sized to its content.
     *
     * @return a new update with the same ids, time and levels
     */
    public DepthUpdate copy() {
        DepthUpdate c = new DepthUpdate();
        c.ids(firstUpdateId, finalUpdateId, previousFinalUpdateId);
        c.eventTimeMillis = eventTimeMillis;
        c.bids = Arrays.copyOf(bids, Math.max(2, 2 * bidCount));
        c.asks = Arrays.copyOf(asks, Math.max(2, 2 * askCount));
        c.bidCount = bidCount;
        c.askCount = askCount;
        return c;
    }

    @Override
    public String toString() {
        return "DepthUpdate[U=" + firstUpdateId + ", u=" + finalUpdateId + ", pu=" + previousFinalUpdateId
                + ", bids=" + bidCount + ", asks=" + askCount + "]";
    }
}
