package io.quantplug.sdk.volatility;

/**
 * Parkinson's high–low range estimator.
 *
 * <pre>
 *   sigma^2 = 1/(4 ln 2) * 1/m * sum_{i=1..m} (ln(H_i / L_i))^2
 * </pre>
 * over all {@code m} bars. {@code 4 ln 2} is {@code E[(ln(H/L))^2]} of a driftless Brownian motion with unit variance
 * over the bar (Parkinson, M. (1980), "The Extreme Value Method for Estimating the Variance of the Rate of Return",
 * <i>Journal of Business</i> 53(1), 61–65). It assumes no drift and continuous trading, so it ignores gaps between a
 * bar's open and the previous close; on 24/7 crypto bars those gaps are tiny.
 *
 * <p>{@link #variance(OhlcBars)} is per bar, in squared log-return units; {@link VolatilityEstimator} annualises it.
 * Stateless and thread-safe.
 */
public final class ParkinsonEstimator implements VolatilityEstimator {

    private static final double FOUR_LN_2 = 4.0 * Math.log(2.0);

    /** Creates the estimator. */
    public ParkinsonEstimator() {
    }

    @Override
    public String name() {
        return "parkinson";
    }

    @Override
    public int minimumBars() {
        return 1;
    }

    @Override
    public double variance(OhlcBars bars) {
        bars.requireAtLeast(minimumBars(), name());
        int m = bars.size();
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double hl = Math.log(bars.high(i) / bars.low(i));
            sum += hl * hl;
        }
        return sum / (FOUR_LN_2 * m);
    }
}
