package io.quantplug.sdk.volatility;

/**
 * The Garman–Klass open–high–low–close estimator, in its widely used simplified form.
 *
 * <pre>
 *   sigma^2 = 1/m * sum_{i=1..m} [ 1/2 (ln(H_i / L_i))^2 - (2 ln 2 - 1) (ln(C_i / O_i))^2 ]
 * </pre>
 * over all {@code m} bars. Garman, M. B. and Klass, M. J. (1980), "On the Estimation of Security Price Volatilities
 * from Historical Data", <i>Journal of Business</i> 53(1), 67–78: their best analytic scale-invariant estimator is
 * {@code 0.511 (u-d)^2 - 0.019 [c(u+d) - 2ud] - 0.383 c^2} with {@code u = ln(H/O)}, {@code d = ln(L/O)},
 * {@code c = ln(C/O)}; the form above, with weights 1/2 and {@code 2 ln 2 - 1 = 0.386}, is their practical
 * approximation of it and what R's {@code TTR::volatility(calc = "garman.klass")} computes. Assumes no drift and
 * no opening gap. Each term is &ge; 0 because {@code |ln(C/O)| <= ln(H/L)}.
 *
 * <p>{@link #variance(OhlcBars)} is per bar, in squared log-return units; {@link VolatilityEstimator} annualises it.
 * Stateless and thread-safe.
 */
public final class GarmanKlassEstimator implements VolatilityEstimator {

    private static final double TWO_LN_2_MINUS_1 = 2.0 * Math.log(2.0) - 1.0;

    /** Creates the estimator. */
    public GarmanKlassEstimator() {
    }

    @Override
    public String name() {
        return "garman-klass";
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
            double co = Math.log(bars.close(i) / bars.open(i));
            sum += 0.5 * hl * hl - TWO_LN_2_MINUS_1 * co * co;
        }
        return sum / m;
    }
}
