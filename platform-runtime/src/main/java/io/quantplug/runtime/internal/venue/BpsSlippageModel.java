package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A fixed slippage in basis points against the trader: a buy fills at {@code price * (1 + bps/10,000)} rounded up
 * to the tick, a sell at {@code price * (1 - bps/10,000)} rounded down.
 */
public final class BpsSlippageModel implements SlippageModel {

    private final BigDecimal fraction;

    /**
     * Creates the model.
     *
     * @param bps slippage, bps of price, &ge; 0
     * @throws IllegalArgumentException when negative
     */
    public BpsSlippageModel(BigDecimal bps) {
        if (bps.signum() < 0) {
            throw new IllegalArgumentException("slippage bps must be >= 0, got " + bps.toPlainString());
        }
        this.fraction = bps.movePointLeft(4);
    }

    @Override
    public BigDecimal apply(BigDecimal price, Side side, Instrument instrument) {
        if (fraction.signum() == 0) {
            return price;
        }
        return side == Side.BUY
                ? instrument.roundPrice(price.multiply(BigDecimal.ONE.add(fraction)), RoundingMode.UP)
                : instrument.roundPrice(price.multiply(BigDecimal.ONE.subtract(fraction)), RoundingMode.DOWN);
    }
}
