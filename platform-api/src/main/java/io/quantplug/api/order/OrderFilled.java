package io.quantplug.api.order;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;

/**
 * The order executed, fully or partly.
 *
 * @param fill              the execution
 * @param remainingQuantity what is still working, base units; zero when the order is complete
 */
public record OrderFilled(Fill fill, BigDecimal remainingQuantity) implements OrderEvent {

    @Override
    public ClientOrderId clientOrderId() {
        return fill.clientOrderId();
    }

    @Override
    public InstrumentId instrument() {
        return fill.instrument();
    }

    @Override
    public long timeMillis() {
        return fill.timeMillis();
    }

    /**
     * Whether nothing remains to fill.
     *
     * @return true when {@link #remainingQuantity()} is zero
     */
    public boolean complete() {
        return remainingQuantity.signum() == 0;
    }
}
