package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * The venue's copy of an instrument's last L2 book: the engine's view is valid only during its callback, so the
 * levels are copied into arrays reused from update to update (no allocation once they are large enough). Prices are
 * compared on the instrument's tick grid. Engine thread only.
 *
 * <p>The copy is made only when something reads it: while the venue has no order, an update just remembers the
 * view ({@link #defer}), which shows that update's state until the next one (see {@link Venue#onBook}), and the
 * first order copies it ({@link #refresh}). Copying a deep book on every update (a thousand levels a side) would
 * cost a replay far more than the update itself.
 */
final class BookLevels {

    /** Significant digits a market-data quantity keeps on its way to a decimal: drops binary noise (1e-16). */
    private static final MathContext MARKET_DIGITS = new MathContext(12);

    private double[] bidPrices = new double[0];
    private double[] bidQuantities = new double[0];
    private double[] askPrices = new double[0];
    private double[] askQuantities = new double[0];
    private int bids;
    private int asks;

    /** The view of the last update, not yet copied; null when the copy is current. */
    private OrderBookView deferred;

    /** Remembers the view of an update without copying it: nothing reads the levels before the next update. */
    void defer(OrderBookView book) {
        deferred = book;
    }

    /** Copies a remembered view, if any: before anything reads the levels. */
    void refresh() {
        if (deferred != null) {
            copy(deferred);
        }
    }

    /** Copies the levels the view shows now. */
    void copy(OrderBookView book) {
        deferred = null;
        bids = book.bidLevels();
        asks = book.askLevels();
        if (bidPrices.length < bids) {
            bidPrices = Arrays.copyOf(bidPrices, bids);
            bidQuantities = Arrays.copyOf(bidQuantities, bids);
        }
        if (askPrices.length < asks) {
            askPrices = Arrays.copyOf(askPrices, asks);
            askQuantities = Arrays.copyOf(askQuantities, asks);
        }
        for (int i = 0; i < bids; i++) {
            bidPrices[i] = book.bidPrice(i);
            bidQuantities[i] = book.bidQuantity(i);
        }
        for (int i = 0; i < asks; i++) {
            askPrices[i] = book.askPrice(i);
            askQuantities[i] = book.askQuantity(i);
        }
    }

    /** How many levels the side resting orders of {@code side} join shows (bids for a buy). */
    int levels(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    /** A level's price on the side orders of {@code side} rest on, level 0 the best. */
    double price(Side side, int level) {
        return side == Side.BUY ? bidPrices[level] : askPrices[level];
    }

    /** A level's quantity on the side orders of {@code side} rest on, base units. */
    double quantity(Side side, int level) {
        return side == Side.BUY ? bidQuantities[level] : askQuantities[level];
    }

    /**
     * The quantity resting at a price on the side orders of {@code side} join: the level's quantity, 0 when the
     * book shows no level at that price within its depth, NaN when the price is beyond the depth shown (unknown).
     */
    double quantityAt(Side side, BigDecimal price, Instrument instrument) {
        int n = levels(side);
        for (int i = 0; i < n; i++) {
            int c = instrument.toTickPrice(price(side, i)).compareTo(price);
            if (c == 0) {
                return quantity(side, i);
            }
            // bids fall and asks rise with the level: past the price, it has no level of its own
            if (side == Side.BUY ? c < 0 : c > 0) {
                return 0;
            }
        }
        return n == 0 ? 0 : Double.NaN;
    }

    /**
     * Whether the opposite side's best price reaches a resting order's limit: the best ask at or below a buy's
     * limit, the best bid at or above a sell's.
     */
    boolean crosses(Side side, BigDecimal limit, Instrument instrument) {
        Side opposite = side.opposite();
        if (levels(opposite) == 0) {
            return false;
        }
        int c = instrument.toTickPrice(price(opposite, 0)).compareTo(limit);
        return side == Side.BUY ? c <= 0 : c >= 0;
    }

    /**
     * A market-data quantity as whole lots: the {@code double} to 12 significant digits (so that 1.5999999999999996
     * is 1.6), then down to a multiple of the lot size; 0 for a quantity that is not positive.
     */
    static BigDecimal toLots(double quantity, Instrument instrument) {
        if (!(quantity > 0)) {
            return BigDecimal.ZERO;
        }
        return instrument.roundQuantityDown(BigDecimal.valueOf(quantity).round(MARKET_DIGITS));
    }
}
