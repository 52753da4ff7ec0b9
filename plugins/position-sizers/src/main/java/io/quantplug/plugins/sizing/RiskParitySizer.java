package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.enhancement.SizingContext;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Naive risk parity (inverse-volatility weights) across a universe of {@code N} instruments: each instrument's
 * position gets an equal share of a volatility budget, so every instrument contributes the same risk.
 * <pre>
 *   sigma_i    = realised annual volatility of instrument i ({@link RealisedVolatility}, n = volatilityBars)
 *   notional_i = equity x (1/N) x min(sigma_target / sigma_i, maxLeverage)      (sigma_i = 0: maxLeverage)
 * </pre>
 * then the spot cash cap and lot rounding of {@link EntryNotional}. The weight {@code w_i = notional_i / equity}
 * is proportional to {@code 1/sigma_i}, and {@code w_i x sigma_i = sigma_target / N} is the same for every
 * instrument: equal standalone risk. The whole universe holds at most {@code maxLeverage x equity}.
 *
 * <p>Source: Maillard, S., Roncalli, T. and Teïletche, J. (2010), "The Properties of Equally Weighted Risk
 * Contribution Portfolios", <i>Journal of Portfolio Management</i> 36(4), 60–70. Their equal risk contribution
 * (ERC) portfolio equalises {@code w_i (Sigma w)_i}; when every pairwise correlation is the same it reduces to the
 * inverse-volatility weights {@code w_i = sigma_i^-1 / sum_j sigma_j^-1}, the special case used here.
 *
 * <h2>What a sizer can see, and the budget form</h2>
 * A {@link SizingContext} shows the history of the signal's instrument only, and a session trades one instrument,
 * so the other instruments' volatilities (and the correlations full ERC needs) are out of reach. The normalised
 * weights {@code sigma_i^-1 / sum_j sigma_j^-1} are therefore replaced by the budget form above, which needs only
 * {@code sigma_i} and the configured count {@code N}: it gives the same weights, fully invested, when
 * {@code sigma_target} is the harmonic mean {@code N / sum_j sigma_j^-1} of the universe's volatilities, and
 * otherwise runs the universe at a chosen volatility instead of at 100 % of equity. With equal pairwise
 * correlation {@code rho} the universe's volatility is {@code sigma_target x sqrt((1 + (N - 1) rho) / N)}.
 * Configure the same parameters on every instrument of the universe; with {@code N = 1} this is
 * {@link VolatilityTargetSizer}.
 *
 * <p>No trade when equity is not positive or while the history is shorter than {@code volatilityBars + 1} bars.
 * Stateless; engine thread only.
 */
final class RiskParitySizer implements PositionSizer {

    private final int instrumentCount;
    private final double targetVolatility;
    private final int volatilityBars;
    private final BigDecimal maxLeverage;
    private final BigDecimal cashBufferPercent;

    RiskParitySizer(int instrumentCount, double targetVolatility, int volatilityBars, BigDecimal maxLeverage,
                    BigDecimal cashBufferPercent) {
        this.instrumentCount = instrumentCount;
        this.targetVolatility = targetVolatility;
        this.volatilityBars = volatilityBars;
        this.maxLeverage = maxLeverage;
        this.cashBufferPercent = cashBufferPercent;
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
        BigDecimal weight = VolatilityTargetSizer.scale(targetVolatility, sigma, maxLeverage)
                .divide(BigDecimal.valueOf(instrumentCount), MathContext.DECIMAL64);
        return EntryNotional.toQuantity(weight.multiply(equity), context, cashBufferPercent);
    }
}
