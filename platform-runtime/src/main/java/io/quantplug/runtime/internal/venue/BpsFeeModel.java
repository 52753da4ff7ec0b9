package io.quantplug.runtime.internal.venue;

import io.quantplug.api.order.Liquidity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fees in basis points of notional: {@code fee = notional * bps / 10,000}, rounded half-up to 8 decimal places,
 * the precision of Binance's {@code commission} field.
 */
public final class BpsFeeModel implements FeeModel {

    /** Decimal places of a fee. */
    public static final int FEE_SCALE = 8;

    private final BigDecimal makerRate;
    private final BigDecimal takerRate;

    /**
     * Creates the model.
     *
     * @param makerBps fee of a fill that rested on the book, bps of notional, &ge; 0
     * @param takerBps fee of a fill that took liquidity, bps of notional, &ge; 0
     * @throws IllegalArgumentException when a rate is negative
     */
    public BpsFeeModel(BigDecimal makerBps, BigDecimal takerBps) {
        if (makerBps.signum() < 0 || takerBps.signum() < 0) {
            throw new IllegalArgumentException("fee bps must be >= 0");
        }
        this.makerRate = makerBps.movePointLeft(4);
        this.takerRate = takerBps.movePointLeft(4);
    }

    /**
     * One rate for maker and taker fills.
     *
     * @param bps fee, bps of notional
     * @return the model
     */
    public static BpsFeeModel flat(BigDecimal bps) {
        return new BpsFeeModel(bps, bps);
    }

    @Override
    public BigDecimal fee(BigDecimal notional, Liquidity liquidity) {
        BigDecimal rate = rate(liquidity);
        if (rate.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return notional.multiply(rate).setScale(FEE_SCALE, RoundingMode.HALF_UP);
    }

    @Override
    public BigDecimal rate(Liquidity liquidity) {
        return liquidity == Liquidity.MAKER ? makerRate : takerRate;
    }
}
