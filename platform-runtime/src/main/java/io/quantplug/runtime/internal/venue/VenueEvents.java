package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the venues do the same way: a fill with its fee in the quote asset, the refusal of an instrument the venue
 * does not trade, the end-of-data close at the last price (the simulated venues), and connecting the session's
 * listener once (all of them).
 */
final class VenueEvents {

    private VenueEvents() {
    }

    /** The refusal of an order for an instrument the venue does not trade ({@code VALIDATION/UNKNOWN_INSTRUMENT}). */
    static OrderRejected unknownInstrument(Order order, long timeMillis) {
        return new OrderRejected(order.clientOrderId(), order.instrument(), timeMillis,
                OrderRounding.reject("UNKNOWN_INSTRUMENT", "the venue does not trade " + order.instrument()));
    }

    /** A fill of {@code qty} at {@code price} with the fee model's fee for the liquidity, in the quote asset. */
    static OrderFilled fill(Order order, Instrument instrument, BigDecimal price, BigDecimal qty, FeeModel fees,
                            Liquidity liquidity, long timeMillis, BigDecimal remaining) {
        BigDecimal fee = fees.fee(price.multiply(qty), liquidity);
        return new OrderFilled(new Fill(order.clientOrderId(), order.instrument(), order.side(), price, qty, fee,
                instrument.quoteAsset(), liquidity, timeMillis), remaining);
    }

    /**
     * The end-of-data close: the whole base quantity at the last price rounded to the tick, as a taker with the
     * taker fee, no slippage and no funds check; a refusal for an unknown instrument ({@code instrument} null).
     */
    static OrderEvent closeAtLastPrice(MarketOrder order, Instrument instrument, double lastPrice, long timeMillis,
                                       FeeModel fees) {
        if (instrument == null) {
            return unknownInstrument(order, timeMillis);
        }
        BigDecimal qty = ((OrderSize.Base) order.size()).quantity();
        return fill(order, instrument, instrument.toTickPrice(lastPrice), qty, fees, Liquidity.TAKER, timeMillis,
                BigDecimal.ZERO);
    }

    /**
     * The listener a venue keeps after {@link Venue#connect}: the new one, when none is connected yet.
     *
     * @throws IllegalStateException when {@code current} is not null
     */
    static Venue.Listener connectOnce(Venue.Listener current, Venue.Listener listener) {
        Objects.requireNonNull(listener, "listener");
        if (current != null) {
            throw new IllegalStateException("the venue is connected to a session already");
        }
        return listener;
    }
}
