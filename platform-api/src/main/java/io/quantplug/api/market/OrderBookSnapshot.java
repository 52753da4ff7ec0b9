package io.quantplug.api.market;

import io.quantplug.api.instrument.InstrumentId;

import java.util.List;
import java.util.Objects;

/**
 * The visible top of an order book at one moment.
 *
 * @param instrument the instrument
 * @param timeMillis snapshot time, UTC epoch milliseconds
 * @param bids       bid levels, best (highest) first
 * @param asks       ask levels, best (lowest) first
 */
public record OrderBookSnapshot(InstrumentId instrument, long timeMillis, List<BookLevel> bids,
                                List<BookLevel> asks) {

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
}
