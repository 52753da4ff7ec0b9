package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.SizingContext;
import io.quantplug.api.instrument.InstrumentKind;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The last step every sizer of this plugin shares: a notional (account currency) becomes the base quantity the
 * engine receives.
 * <pre>
 *   notional' = min(notional, cash x (1 - cashBufferPercent / 100))     on a SPOT instrument only
 *   quantity  = roundDownToLot(notional' / referencePrice)
 * </pre>
 * A spot buy is paid in full from cash, and the venue refuses one whose cost at the fill price exceeds the cash (see
 * {@link io.quantplug.api.enhancement.PositionSizer}); the buffer leaves room for the fee and for the move from the
 * reference price (the last close) to the fill price (the next open). Perpetuals and futures are margined, so their
 * notional is bounded by each sizer's leverage cap instead.
 *
 * <p>The result is rounded down to the lot size here already (the engine does the same), so a sizer never asks for
 * more than its formula allows. A notional that is not positive, a reference price that is not finite and positive,
 * or no cash on a spot instrument gives zero: no trade.
 */
final class EntryNotional {

    /**
     * Significant digits kept when a ratio computed in {@code double} (a volatility ratio, an ATR) enters the
     * decimal arithmetic: far more than an estimate carries, and few enough that floating-point noise of 1e-16 does
     * not push an exact quantity one lot down.
     */
    static final MathContext RATIO_DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EntryNotional() {
    }

    /**
     * A {@code double} ratio as an exact decimal of {@link #RATIO_DIGITS} significant digits.
     *
     * @param value a finite value
     * @return the decimal
     */
    static BigDecimal ratio(double value) {
        return new BigDecimal(value, RATIO_DIGITS);
    }

    /**
     * A percentage parameter as a fraction: {@code 2 -> 0.02}.
     *
     * @param percent the percentage
     * @return percent / 100, exactly
     */
    static BigDecimal fraction(BigDecimal percent) {
        return percent.divide(HUNDRED);
    }

    /**
     * The base quantity for a notional.
     *
     * @param notional          the wanted position value, account currency
     * @param context           the sizing context (instrument, cash, reference price)
     * @param cashBufferPercent the share of cash a spot buy leaves unspent, percent
     * @return base units rounded down to the lot size, &ge; 0
     */
    static BigDecimal toQuantity(BigDecimal notional, SizingContext context, BigDecimal cashBufferPercent) {
        if (notional.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        double price = context.referencePrice();
        if (!(price > 0) || !Double.isFinite(price)) {
            return BigDecimal.ZERO;
        }
        BigDecimal capped = notional;
        if (context.instrument().kind() == InstrumentKind.SPOT) {
            BigDecimal spendable = context.portfolio().cash()
                    .multiply(BigDecimal.ONE.subtract(fraction(cashBufferPercent)));
            capped = capped.min(spendable);
            if (capped.signum() <= 0) {
                return BigDecimal.ZERO;
            }
        }
        BigDecimal quantity = capped.divide(BigDecimal.valueOf(price), MathContext.DECIMAL64);
        return context.instrument().roundQuantityDown(quantity).max(BigDecimal.ZERO);
    }
}
