package io.quantplug.api.order;

import io.quantplug.api.instrument.InstrumentId;

import java.util.Objects;

/**
 * Trade now at the best available price. In a backtest it fills at the open of the next bar, plus slippage.
 *
 * @param clientOrderId the client's id
 * @param instrument    the instrument
 * @param side          buy or sell
 * @param size          a base quantity or a quote amount
 */
public record MarketOrder(ClientOrderId clientOrderId, InstrumentId instrument, Side side, OrderSize size)
        implements Order {

    /**
     * Checks that no component is null.
     *
     * @param clientOrderId the client's id
     * @param instrument the instrument
     * @param side buy or sell
     * @param size a base quantity or a quote amount
     */
    public MarketOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(size, "size");
    }

    /**
     * Market orders are immediate: whatever does not fill at once is canceled.
     *
     * @return {@link TimeInForce#IOC}
     */
    @Override
    public TimeInForce timeInForce() {
        return TimeInForce.IOC;
    }
}
