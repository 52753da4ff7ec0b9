package io.quantplug.api.order;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A stop-market order: becomes a market order once the price trades at or through the stop price (at or above
 * it for a buy, at or below it for a sell). In a backtest it fills at the stop price, or at the bar's open when
 * the bar gaps through it, plus slippage.
 *
 * @param clientOrderId the client's id
 * @param instrument    the instrument
 * @param side          buy or sell
 * @param quantity      base units, &gt; 0
 * @param stopPrice     trigger price, quote per base, &gt; 0
 * @param timeInForce   how long it works
 */
public record StopOrder(ClientOrderId clientOrderId, InstrumentId instrument, Side side, BigDecimal quantity,
                        BigDecimal stopPrice, TimeInForce timeInForce) implements Order {

    /**
     * Validates the order.
     *
     * @param clientOrderId the client's id
     * @param instrument the instrument
     * @param side buy or sell
     * @param quantity base units, &gt; 0
     * @param stopPrice trigger price, quote per base, &gt; 0
     * @param timeInForce how long it works
     * @throws IllegalArgumentException when quantity or price is not positive
     * 
     */
    public StopOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (quantity.signum() <= 0 || stopPrice.signum() <= 0) {
            throw new IllegalArgumentException("stop order " + clientOrderId + ": quantity and price must be > 0");
        }
    }

    @Override
    public OrderSize size() {
        return OrderSize.base(quantity);
    }
}
