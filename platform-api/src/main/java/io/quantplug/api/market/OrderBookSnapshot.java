package io.quantplug.api.market;

import io.quantplug.api.instrument.InstrumentId;

import java.util.List;
import java.util.Objects;

/**
 * The visible top of an order book at one moment: an immutable {@link OrderBookView}.
 *
 * @param instrument the instrument
 * @param timeMillis snapshot time, UTC epoch milliseconds
 * @param bids       bid levels, best (highest) first
 * @param asks       ask levels, best (lowest) first
 */
public record OrderBookSnapshot(InstrumentId instrument, long timeMillis, List<BookLevel> bids,
                                List<BookLevel> asks) implements OrderBookView {

    /**
     * Copies the level lists.
     *
     * @param instrument the instrument
     * @param timeMillis snapshot time, UTC epoch milliseconds
     * @param bids bid levels, best (highest) first
     * @param asks ask levels, best (lowest) first
     */
    public OrderBookSnapshot {
        Objects.requireNonNull(instrument, "instrument");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** {@inheritDoc} */
    @Override
    public int bidLevels() {
        return bids.size();
    }

    /** {@inheritDoc} */
    @Override
    public int askLevels() {
        return asks.size();
    }

    /** {@inheritDoc} */
    @Override
    public double bidPrice(int level) {
        return bids.get(level).price();
    }

    /** {@inheritDoc} */
    @Override
    public double bidQuantity(int level) {
        return bids.get(level).quantity();
    }

    /** {@inheritDoc} */
    @Override
    public double askPrice(int level) {
        return asks.get(level).price();
    }

    /** {@inheritDoc} */
    @Override
    public double askQuantity(int level) {
        return asks.get(level).quantity();
    }

    /**
     * This snapshot itself: it is immutable already.
     *
     * @return this
     */
    @Override
    public OrderBookSnapshot snapshot() {
        return this;
    }
}
