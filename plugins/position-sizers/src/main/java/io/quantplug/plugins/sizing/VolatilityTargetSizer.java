package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SizingContext;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Volatility targeting: the position is scaled so that its expected annual volatility is the target.
 * <pre>
 *   sigma    = realised annual volatility of the instrument, close to close over the latest n returns
 *              ({@link RealisedVolatility}: n = volatilityBars, 365-day year)
 *   leverage = min(sigma_target / sigma, maxLeverage)         (sigma = 0: maxLeverage)
 *   notional = leverage x equity
 * </pre>
 * then the spot cash cap and lot rounding of {@link EntryNotional}. A position of notional {@code x E} in an
 * instrument of volatility {@code sigma} moves the equity with volatility {@code x sigma}, hence {@code x =
 * sigma_target / sigma}.
 *
 * <p>Source: Harvey, C. R., Hoyle, E., Korgaonkar, R., Rattray, S., Sargaison, M. and Van Hemert, O. (2018), "The
 * Impact of Volatility Targeting", <i>Journal of Portfolio Management</i> 45(1), 14–33: weight
 * {@code sigma_target / sigma_hat_t}, leverage capped. Related: Moreira, A. and Muir, T. (2017),
 * "Volatility-Managed Portfolios", <i>Journal of Finance</i> 72(4), 1611–1644, who scale by the inverse of the
 * realised variance instead.
 *
 * <p>Also the sizer of {@code risk-parity} (see {@link RiskParityProvider}), which holds {@code 1/N} of that
 * notional.
 *
 * <p>No trade when equity is not positive or while the history is shorter than {@code volatilityBars + 1} bars.
 * Flat prices (zero realised volatility) put the ratio at infinity, so the leverage cap decides. Stateless; engine
 * thread only.
 */
final class VolatilityTargetSizer implements PositionSizer {

    private final double targetVolatility;
    private final int volatilityBars;
    private final BigDecimal maxLeverage;
    private final BigDecimal cashBufferPercent;
    /** N of risk parity: the position holds {@code 1/N} of the scaled equity; 1 for plain volatility targeting. */
    private final int instrumentCount;

    VolatilityTargetSizer(double targetVolatility, int volatilityBars, BigDecimal maxLeverage,
                          BigDecimal cashBufferPercent) {
        this(targetVolatility, volatilityBars, maxLeverage, cashBufferPercent, 1);
    }

    /** The risk-parity form: {@code notional = equity x (1/N) x min(sigma_target / sigma, maxLeverage)}. */
    VolatilityTargetSizer(double targetVolatility, int volatilityBars, BigDecimal maxLeverage,
                          BigDecimal cashBufferPercent, int instrumentCount) {
        this.targetVolatility = targetVolatility;
        this.volatilityBars = volatilityBars;
        this.maxLeverage = maxLeverage;
        this.cashBufferPercent = cashBufferPercent;
        this.instrumentCount = instrumentCount;
    }

    @Override
    public BigDecimal size(Signal signal, SizingContext context) {
        BigDecimal equity = context.portfolio().equity();
        if (signal.direction() == SignalDirection.FLAT || equity.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        CommonParameters.requireHistoryFor(context.history(), CommonParameters.VOLATILITY_BARS, volatilityBars);
        double sigma = RealisedVolatility.annualised(context.history(), volatilityBars);
        if (Double.isNaN(sigma)) {
            return BigDecimal.ZERO;
        }
        BigDecimal leverage = scale(targetVolatility, sigma, maxLeverage);
        if (instrumentCount > 1) {
            leverage = leverage.divide(BigDecimal.valueOf(instrumentCount), MathContext.DECIMAL64);
        }
        return EntryNotional.toQuantity(leverage.multiply(equity), context, cashBufferPercent);
    }

    /**
     * {@code min(target / sigma, cap)}, the cap when {@code sigma} is zero.
     *
     * @param target the target volatility, &gt; 0
     * @param sigma  the realised volatility, &ge; 0
     * @param cap    the largest result
     * @return the scale
     */
    static BigDecimal scale(double target, double sigma, BigDecimal cap) {
        double ratio = target / sigma;
        if (!Double.isFinite(ratio) || ratio >= cap.doubleValue()) {
            return cap;
        }
        return EntryNotional.ratio(ratio).min(cap);
    }
}
