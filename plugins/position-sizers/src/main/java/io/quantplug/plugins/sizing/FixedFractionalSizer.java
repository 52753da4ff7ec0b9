package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SizingContext;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Fixed fractional sizing: each entry risks the same fraction {@code f} of equity, the loss taken if the stop is hit.
 * <pre>
 *   D        = s x P                      (stop = percent: s = stopPercent / 100, P = reference price)
 *   D        = k x ATR_n                  (stop = atr: k = atrMultiple, n = atrBars, see {@link AverageTrueRange})
 *   quantity = f x E / D                  (E = equity, f = riskPercent / 100)
 *   notional = quantity x P  capped at  maxLeverage x E
 * </pre>
 * then the spot cash cap and lot rounding of {@link EntryNotional}. With a percentage stop the notional is
 * {@code f x E / s}, independent of the price: 1 % risk with a 2 % stop holds half the equity.
 *
 * <p>Sources: Vince, R. (1990), <i>Portfolio Management Formulas</i>, and (1992), <i>The Mathematics of Money
 * Management</i> (fixed fractional trading: a fixed fraction of the account per unit of the largest loss); Tharp,
 * V. K. (2007), <i>Trade Your Way to Financial Freedom</i>, 2nd ed., the "percent risk" position sizing model
 * ({@code units = risk amount / risk per unit}); stops in ATRs as the "N" unit of Faith, C. M. (2007), <i>Way of the
 * Turtle</i>.
 *
 * <p>No trade when equity is not positive, or, with an ATR stop, while the history is shorter than
 * {@code atrBars + 1} bars or the ATR is zero (flat bars give no stop distance). Stateless; engine thread only.
 */
final class FixedFractionalSizer implements PositionSizer {

    private final BigDecimal riskFraction;
    private final boolean atrStop;
    private final BigDecimal stopFraction;
    private final double atrMultiple;
    private final int atrBars;
    private final BigDecimal maxLeverage;
    private final BigDecimal cashBufferPercent;

    FixedFractionalSizer(BigDecimal riskFraction, boolean atrStop, BigDecimal stopFraction, double atrMultiple,
                         int atrBars, BigDecimal maxLeverage, BigDecimal cashBufferPercent) {
        this.riskFraction = riskFraction;
        this.atrStop = atrStop;
        this.stopFraction = stopFraction;
        this.atrMultiple = atrMultiple;
        this.atrBars = atrBars;
        this.maxLeverage = maxLeverage;
        this.cashBufferPercent = cashBufferPercent;
    }

    @Override
    public BigDecimal size(Signal signal, SizingContext context) {
        BigDecimal equity = context.portfolio().equity();
        if (signal.direction() == SignalDirection.FLAT || equity.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal risk = riskFraction.multiply(equity);
        BigDecimal notional;
        if (atrStop) {
            CommonParameters.requireHistoryFor(context.history(), FixedFractionalProvider.ATR_BARS, atrBars);
            double stopDistance = atrMultiple * AverageTrueRange.of(context.history(), atrBars);
            double price = context.referencePrice();
            if (!(stopDistance > 0) || !(price > 0) || !Double.isFinite(price)) {
                return BigDecimal.ZERO;
            }
            notional = risk.multiply(EntryNotional.ratio(price / stopDistance));
        } else {
            notional = risk.divide(stopFraction, MathContext.DECIMAL64);
        }
        return EntryNotional.toQuantity(notional.min(maxLeverage.multiply(equity)), context, cashBufferPercent);
    }
}
