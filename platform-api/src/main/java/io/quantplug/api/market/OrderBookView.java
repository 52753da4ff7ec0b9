package io.quantplug.api.market;

import io.quantplug.api.instrument.InstrumentId;

import java.util.ArrayList;
import java.util.List;

/**
 * A read-only L2 view of an order book: aggregated quantity per price level, best level first on each side, up to a
 * depth the session chose. The engine hands strategies its own live book through this view on every book update
 * ({@link io.quantplug.api.strategy.Strategy#onOrderBook(OrderBookView)}), so reading it allocates nothing.
 *
 * <p>Level {@code 0} is the best bid (highest price) or best ask (lowest price); level {@code i + 1} is worse than
 * level {@code i}. Prices are quote per base, quantities base units, both {@code double} (market data, not money).
 *
 * <p>Validity and threading: a view handed to a callback is valid only during that callback, on the engine thread;
 * the engine changes it with the next update. Keep a copy with {@link #snapshot()}. An {@link OrderBookSnapshot} is
 * itself an immutable view.
 */
public interface OrderBookView {

    /**
     * The instrument.
     *
     * @return the instrument, never null
     */
    InstrumentId instrument();

    /**
     * The time of the last update applied, as the venue stamped it.
     *
     * @return UTC epoch milliseconds
     */
    long timeMillis();

    /**
     * How many bid levels the view shows.
     *
     * @return 0 when the bid side is empty, at most the session's book depth
     */
    int bidLevels();

    /**
     * How many ask levels the view shows.
     *
     * @return 0 when the ask side is empty, at most the session's book depth
     */
    int askLevels();

    /**
     * A bid level's price.
     *
     * @param level 0 for the best bid, below {@link #bidLevels()}
     * @return the price, quote per base
     * @throws IndexOutOfBoundsException when {@code level} is negative or not below {@link #bidLevels()}
     */
    double bidPrice(int level);

    /**
     * A bid level's resting quantity.
     *
     * @param level 0 for the best bid, below {@link #bidLevels()}
     * @return the quantity, base units, &gt; 0
     * @throws IndexOutOfBoundsException when {@code level} is negative or not below {@link #bidLevels()}
     */
    double bidQuantity(int level);

    /**
     * An ask level's price.
     *
     * @param level 0 for the best ask, below {@link #askLevels()}
     * @return the price, quote per base
     * @throws IndexOutOfBoundsException when {@code level} is negative or not below {@link #askLevels()}
     */
    double askPrice(int level);

    /**
     * An ask level's resting quantity.
     *
     * @param level 0 for the best ask, below {@link #askLevels()}
     * @return the quantity, base units, &gt; 0
     * @throws IndexOutOfBoundsException when {@code level} is negative or not below {@link #askLevels()}
     */
    double askQuantity(int level);

    /**
     * The best bid price.
     *
     * @return the price, or NaN when the bid side is empty
     */
    default double bestBid() {
        return bidLevels() == 0 ? Double.NaN : bidPrice(0);
    }

    /**
     * The best ask price.
     *
     * @return the price, or NaN when the ask side is empty
     */
    default double bestAsk() {
        return askLevels() == 0 ? Double.NaN : askPrice(0);
    }

    /**
     * The mid price, halfway between the best bid and the best ask.
     *
     * @return (best bid + best ask) / 2, or NaN when either side is empty
     */
    default double midPrice() {
        return (bestBid() + bestAsk()) / 2;
    }

    /**
     * An immutable copy of the levels the view shows now, to keep beyond the callback. Allocates.
     *
     * @return the copy
     */
    default OrderBookSnapshot snapshot() {
        List<BookLevel> bids = new ArrayList<>(bidLevels());
        for (int i = 0, n = bidLevels(); i < n; i++) {
            bids.add(new BookLevel(bidPrice(i), bidQuantity(i)));
        }
        List<BookLevel> asks = new ArrayList<>(askLevels());
        for (int i = 0, n = askLevels(); i < n; i++) {
            asks.add(new BookLevel(askPrice(i), askQuantity(i)));
        }
        return new OrderBookSnapshot(instrument(), timeMillis(), bids, asks);
    }
}
