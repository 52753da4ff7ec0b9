package io.quantplug.api.order;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Trade at the limit price or better. In a backtest a resting limit order fills when a later bar trades through
 * its price: at the limit price, or at the bar's open when the bar opens beyond it.
 *
 * @param clientOrderId the client's id
 * @param instrument    the instrument
 * @param side          buy or sell
 * @param quantity      base units, &gt; 0 (rounded down to the lot size by the venue)
 * @param limitPrice    quote per base, &gt; 0 (rounded to the tick, towards the passive side, by the venue)
 * @param timeInForce   how long it works
 */
public record LimitOrder(ClientOrderId clientOrderId, InstrumentId instrument, Side side, BigDecimal quantity,
                         BigDecimal limitPrice, TimeInForce timeInForce) implements Order {

    /**
     * Validates the order.
     *
     * @param clientOrderId the client's id
     * @param instrument the instrument
     * @param side buy or sell
     * @param quantity base units, &gt; 0 (rounded down to the lot size by the venue)
     * @param limitPrice quote per base, &gt; 0 (rounded to the tick, towards the passive side, by the venue)
     * @param timeInForce how long it works
     * @throws IllegalArgumentException when quantity or price is not positive
     * 
     */
    public LimitOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (quantity.signum() <= 0 || limitPrice.signum() <= 0) {
            throw new IllegalArgumentException("limit order " + clientOrderId + ": quantity and price must be > 0");
        }
    }

    @Override
    public OrderSize size() {
        return OrderSize.base(quantity);
    }
}
