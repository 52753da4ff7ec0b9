package io.quantplug.sdk.book;

/**
 * A level-2 (price-level) order book of one instrument: for each price the total resting quantity, on the bid
 * and the ask side.
 *
 * <p>Prices and quantities are market data, so they are {@code double}s in the venue's units (quote currency per
 * unit of base for prices, base units or contracts for quantities). A level update carries the new absolute
 * quantity of a price; a quantity of 0 removes the level, and removing a level that is not in the book is not an
 * error (venues send such removals, Binance's diff-depth stream among them).
 *
 * <p>Complexity: each side keeps its levels sorted in primitive-array blocks of 64; a level update anywhere in
 * the book is O(log n + 64) (binary searches, then a shift inside one block); best bid/ask is O(1) and the level
 * at depth {@code d} O(1 + d / 64). Once the book has reached its working size nothing is allocated per update
 * (emptied blocks are recycled); the top-N view is read into a caller-owned {@link TopLevels}.
 *
 * <p>Threading: not thread-safe. One thread owns a book (the thread that decodes the venue's stream, or the
 * engine thread in a replay); other threads get copies.
 *
 * <pre>{@code
 * OrderBook book = new OrderBook();
 * book.applyBid(61837.63, 3.78826);
 * book.applyAsk(61837.64, 1.54698);
 * book.applyAsk(61837.64, 0.0);            // removes the level
 * double spread = book.bestAskPrice() - book.bestBidPrice();   // NaN while a side is empty
 * }</pre>
 */
public final class OrderBook {

    private final BookSide bids;
    private final BookSide asks;

    /** An empty book. */
    public OrderBook() {
        bids = new BookSide(true);
        asks = new BookSide(false);
    }

    /**
     * Sets the quantity resting at a bid price.
     *
     * @param price    the price, finite and &gt; 0
     * @param quantity the new absolute quantity, finite and &gt;= 0; 0 removes the level
     * @throws IllegalArgumentException if price or quantity is out of range (the book is unchanged)
     */
    public void applyBid(double price, double quantity) {
        check(price, quantity);
        bids.set(price, quantity);
    }

    /**
     * Sets the quantity resting at an ask price.
     *
     * @param price    the price, finite and &gt; 0
     * @param quantity the new absolute quantity, finite and &gt;= 0; 0 removes the level
     * @throws IllegalArgumentException if price or quantity is out of range (the book is unchanged)
     */
    public void applyAsk(double price, double quantity) {
        check(price, quantity);
        asks.set(price, quantity);
    }

    /**
     * Applies every level of a depth update (bids, then asks). The update ids are not looked at: sequencing is
     * the job of {@link DepthSequencer}.
     *
     * @param update the levels to apply, not null
     * @throws IllegalArgumentException if a level is out of range; the levels before it are applied
     */
    public void apply(DepthUpdate update) {
        for (int i = 0; i < update.bidCount(); i++) {
            applyBid(update.bidPrice(i), update.bidQuantity(i));
        }
        for (int i = 0; i < update.askCount(); i++) {
            applyAsk(update.askPrice(i), update.askQuantity(i));
        }
    }

    /**
     * Replaces the whole book by a snapshot's levels.
     *
     * @param snapshot the snapshot, not null
     * @throws IllegalArgumentException if a level is out of range; the book is then left empty
     */
    public void load(DepthSnapshot snapshot) {
        clear();
        try {
            for (int i = 0; i < snapshot.bidCount(); i++) {
                applyBid(snapshot.bidPrices()[i], snapshot.bidQuantities()[i]);
            }
            for (int i = 0; i < snapshot.askCount(); i++) {
                applyAsk(snapshot.askPrices()[i], snapshot.askQuantities()[i]);
            }
        } catch (IllegalArgumentException e) {
            clear();
            throw e;
        }
    }

    /** Removes every level (the arrays are kept for reuse). */
    public void clear() {
        bids.clear();
        asks.clear();
    }

    /**
     * The number of bid levels.
     *
     * @return 0 or more
     */
    public int bidLevels() {
        return bids.size();
    }

    /**
     * The number of ask levels.
     *
     * @return 0 or more
     */
    public int askLevels() {
        return asks.size();
    }

    /**
     * The highest bid price.
     *
     * @return the price, or {@code NaN} when there is no bid
     */
    public double bestBidPrice() {
        return bids.size() == 0 ? Double.NaN : bids.price(0);
    }

    /**
     * The quantity at the highest bid price.
     *
     * @return the quantity, or {@code NaN} when there is no bid
     */
    public double bestBidQuantity() {
        return bids.size() == 0 ? Double.NaN : bids.quantity(0);
    }

    /**
     * The lowest ask price.
     *
     * @return the price, or {@code NaN} when there is no ask
     */
    public double bestAskPrice() {
        return asks.size() == 0 ? Double.NaN : asks.price(0);
    }

    /**
     * The quantity at the lowest ask price.
     *
     * @return the quantity, or {@code NaN} when there is no ask
     */
    public double bestAskQuantity() {
        return asks.size() == 0 ? Double.NaN : asks.quantity(0);
    }

    /**
     * The bid price at a depth.
     *
     * @param depth 0 for the best bid, 1 for the next, ... below {@link #bidLevels()}
     * @return the price
     * @throws IndexOutOfBoundsException if depth is out of range
     */
    public double bidPrice(int depth) {
        return bids.price(checkDepth(depth, bids.size()));
    }

    /**
     * The bid quantity at a depth.
     *
     * @param depth 0 for the best bid, below {@link #bidLevels()}
     * @return the quantity
     * @throws IndexOutOfBoundsException if depth is out of range
     */
    public double bidQuantity(int depth) {
        return bids.quantity(checkDepth(depth, bids.size()));
    }

    /**
     * The ask price at a depth.
     *
     * @param depth 0 for the best ask, 1 for the next, ... below {@link #askLevels()}
     * @return the price
     * @throws IndexOutOfBoundsException if depth is out of range
     */
    public double askPrice(int depth) {
        return asks.price(checkDepth(depth, asks.size()));
    }

    /**
     * The ask quantity at a depth.
     *
     * @param depth 0 for the best ask, below {@link #askLevels()}
     * @return the quantity
     * @throws IndexOutOfBoundsException if depth is out of range
     */
    public double askQuantity(int depth) {
        return asks.quantity(checkDepth(depth, asks.size()));
    }

    /**
     * Copies the best {@code view.capacity()} levels of each side into a caller-owned view, best first. Allocates
     * nothing; O(N).
     *
     * @param view where to write, not null; its counts are set to the levels copied
     */
    public void copyTop(TopLevels view) {
        view.fill(bids, asks);
    }

    private static int checkDepth(int depth, int size) {
        if (depth < 0 || depth >= size) {
            throw new IndexOutOfBoundsException("depth " + depth + " outside 0.." + (size - 1));
        }
        return depth;
    }

    private static void check(double price, double quantity) {
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be finite and > 0, got " + price);
        }
        if (!(quantity >= 0) || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity must be finite and >= 0, got " + quantity);
        }
    }
}
