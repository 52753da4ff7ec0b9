package io.quantplug.sdk.orderflow;

import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.order.Side;

/**
 * Flags likely spoofing in an order book: a large resting level that is canceled, rather than traded, soon after it
 * appeared. The legal definition (U.S. Commodity Exchange Act section 4c(a)(5)(C), added by the Dodd-Frank Act
 * section 747) is "bidding or offering with the intent to cancel the bid or offer before execution"; intent is not in
 * the data, so this detector flags the observable pattern studied by E. J. Lee, K. S. Eom and K. S. Park,
 * "Microstructure-based manipulation: strategic behavior and performance of spoofing traders", <i>Journal of
 * Financial Markets</i> 16(2), 2013: a large order placed and withdrawn without execution. A flag is evidence to
 * weigh, not a finding.
 *
 * <p>Exactly: on each {@link #onBook book update}, a level among the best {@code depth} of a side whose quantity is
 * at least {@code sizeMultiple} times the rolling median of visible level sizes (the last {@code medianPeriod} sizes
 * recorded, every visible level of every earlier update) starts to be watched, with its peak quantity {@code Q}
 * (the largest seen while watched) and the time it appeared. Trades at its price against its side
 * ({@link #onTrade}: a taker SELL at a bid level, a taker BUY at an ask level) add to its traded quantity {@code X}.
 * It is flagged a spoof when, at an update no later than {@code windowMillis} after it appeared, its price still lies
 * within the side's visible levels and {@code Q - current - X >= cancelFraction * Q}: most of it left without
 * trading. A watched level is dropped (no flag) when it is flagged, when its window passes, or when its price leaves
 * the visible levels (it cannot be seen any more). At most {@code maxWatched} levels are watched at once; further
 * large levels are not watched while all slots are taken ({@link #unwatched()} counts them).
 *
 * <p>Prices are compared exactly (a venue's levels and trades carry the same decimal prices). No allocation after
 * construction; not thread-safe.
 */
public final class SpoofDetector {

    private static final String NAME = "SpoofDetector";

    private final int depth;
    private final double sizeMultiple;
    private final long windowMillis;
    private final double cancelFraction;
    private final RollingMedian levelSizes;
    private final boolean[] used;
    private final boolean[] bid;
    private final double[] price;
    private final double[] peak;
    private final double[] traded;
    private final long[] since;
    private long bidSpoofs;
    private long askSpoofs;
    private long unwatched;
    private double lastSpoofPrice = Double.NaN;
    private long lastSpoofMillis;

    /**
     * Creates a detector.
     *
     * @param depth          best levels per side looked at, 1..1,000
     * @param medianPeriod   level sizes in the rolling median, 1..100,000
     * @param sizeMultiple   how many times the median size a large level is, finite and &gt; 0 (e.g. 10)
     * @param windowMillis   how soon after appearing a cancel counts, milliseconds, &gt; 0
     * @param cancelFraction the share of the peak quantity that must leave without trading, in (0, 1] (e.g. 0.8)
     * @param maxWatched     large levels watched at once, 1..10,000
     * @throws IllegalArgumentException when a parameter is outside its range (the message names it)
     */
    public SpoofDetector(int depth, int medianPeriod, double sizeMultiple, long windowMillis, double cancelFraction,
                         int maxWatched) {
        this.depth = Checks.intInRange(NAME, "depth", depth, 1, 1_000);
        this.levelSizes = new RollingMedian(medianPeriod);
        this.sizeMultiple = Checks.positive(NAME, "sizeMultiple", sizeMultiple);
        this.windowMillis = Checks.positive(NAME, "windowMillis", windowMillis);
        this.cancelFraction = Checks.fraction(NAME, "cancelFraction", cancelFraction);
        Checks.intInRange(NAME, "maxWatched", maxWatched, 1, 10_000);
        used = new boolean[maxWatched];
        bid = new boolean[maxWatched];
        price = new double[maxWatched];
        peak = new double[maxWatched];
        traded = new double[maxWatched];
        since = new long[maxWatched];
    }

    /**
     * Counts a trade against the watched level at its price, if any.
     *
     * @param price     trade price
     * @param quantity  traded quantity, base units
     * @param aggressor the taker's side: {@link Side#SELL} trades against bids, {@link Side#BUY} against asks
     */
    public void onTrade(double price, double quantity, Side aggressor) {
        boolean againstBids = aggressor == Side.SELL;
        for (int i = 0; i < used.length; i++) {
            if (used[i] && bid[i] == againstBids && this.price[i] == price) {
                traded[i] += quantity;
            }
        }
    }

    /**
     * Checks the watched levels against the book, then watches its new large levels, then records its level sizes.
     *
     * @param book the book after an update, read during the call only; its time is the update's
     * @return how many levels this update flagged
     */
    public int onBook(OrderBookView book) {
        long now = book.timeMillis();
        int flagged = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i] && check(i, book, now)) {
                flagged++;
            }
        }
        double threshold = levelSizes.isReady() ? sizeMultiple * levelSizes.value() : Double.POSITIVE_INFINITY;
        int bids = Math.min(depth, book.bidLevels());
        int asks = Math.min(depth, book.askLevels());
        for (int l = 0; l < bids; l++) {
            watchIfLarge(true, book.bidPrice(l), book.bidQuantity(l), threshold, now);
        }
        for (int l = 0; l < asks; l++) {
            watchIfLarge(false, book.askPrice(l), book.askQuantity(l), threshold, now);
        }
        for (int l = 0; l < bids; l++) {
            levelSizes.update(book.bidQuantity(l));
        }
        for (int l = 0; l < asks; l++) {
            levelSizes.update(book.askQuantity(l));
        }
        return flagged;
    }

    /** Updates or concludes one watched level; true when it is flagged. */
    private boolean check(int i, OrderBookView book, long now) {
        int levels = Math.min(depth, bid[i] ? book.bidLevels() : book.askLevels());
        double worst = levels == 0 ? Double.NaN : bid[i] ? book.bidPrice(levels - 1) : book.askPrice(levels - 1);
        boolean visible = levels > 0 && (bid[i] ? price[i] >= worst : price[i] <= worst);
        if (now - since[i] > windowMillis || !visible) {
            used[i] = false;
            return false;
        }
        double current = 0.0;
        for (int l = 0; l < levels; l++) {
            if ((bid[i] ? book.bidPrice(l) : book.askPrice(l)) == price[i]) {
                current = bid[i] ? book.bidQuantity(l) : book.askQuantity(l);
            }
        }
        if (peak[i] - current - traded[i] >= cancelFraction * peak[i]) {
            used[i] = false;
            if (bid[i]) {
                bidSpoofs++;
            } else {
                askSpoofs++;
            }
            lastSpoofPrice = price[i];
            lastSpoofMillis = now;
            return true;
        }
        peak[i] = Math.max(peak[i], current);
        return false;
    }

    private void watchIfLarge(boolean isBid, double levelPrice, double quantity, double threshold, long now) {
        if (quantity < threshold) {
            return;
        }
        int free = -1;
        for (int i = 0; i < used.length; i++) {
            if (used[i] && bid[i] == isBid && price[i] == levelPrice) {
                return;
            }
            if (!used[i] && free < 0) {
                free = i;
            }
        }
        if (free < 0) {
            unwatched++;
            return;
        }
        used[free] = true;
        bid[free] = isBid;
        price[free] = levelPrice;
        peak[free] = quantity;
        traded[free] = 0.0;
        since[free] = now;
    }

    /**
     * Bid levels flagged so far.
     *
     * @return the count
     */
    public long bidSpoofs() {
        return bidSpoofs;
    }

    /**
     * Ask levels flagged so far.
     *
     * @return the count
     */
    public long askSpoofs() {
        return askSpoofs;
    }

    /**
     * Large levels not watched because every slot was taken.
     *
     * @return the count
     */
    public long unwatched() {
        return unwatched;
    }

    /**
     * The price of the last flagged level.
     *
     * @return quote per base, NaN before the first flag
     */
    public double lastSpoofPrice() {
        return lastSpoofPrice;
    }

    /**
     * When the last flag was raised.
     *
     * @return the book time of the update that flagged it, UTC epoch milliseconds; 0 before the first flag
     */
    public long lastSpoofMillis() {
        return lastSpoofMillis;
    }
}
