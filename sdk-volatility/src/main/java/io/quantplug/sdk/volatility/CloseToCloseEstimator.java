package io.quantplug.sdk.volatility;

/**
 * The classical close-to-close estimator: the sample variance of the log returns between consecutive closes.
 *
 * <p>With {@code m} bars there are {@code n = m - 1} returns {@code r_i = ln(C_i / C_{i-1})}, {@code i = 1..n}, and
 * <pre>
 *   sigma^2 = 1/(n - 1) * sum_i (r_i - rbar)^2,   rbar = 1/n * sum_i r_i
 * </pre>
 * the unbiased sample variance, which subtracts the mean return (the drift). This is Yang and Zhang's {@code V_CC}
 * (Yang, D. and Zhang, Q. (2000), "Drift-Independent Volatility Estimation Based on High, Low, Open, and Close
 * Prices", <i>Journal of Business</i> 73(3), 477–491), the benchmark every range-based estimator's
 * efficiency is measured against. It matches R's {@code sd(diff(log(close)))^2}.
 *
 * <p>{@link #variance(OhlcBars)} is per bar, in squared log-return units; {@link VolatilityEstimator} annualises it.
 * Stateless and thread-safe.
 */
public final class CloseToCloseEstimator implements VolatilityEstimator {

    /** Creates the estimator. */
    public CloseToCloseEstimator() {
    }

    @Override
    public String name() {
        return "close-to-close";
    }

    /** {@inheritDoc} Three bars: two returns are the fewest a sample variance is defined for. */
    @Override
    public int minimumBars() {
        return 3;
    }

    @Override
    public double variance(OhlcBars bars) {
        bars.requireAtLeast(minimumBars(), name());
        int n = bars.size() - 1;
        double sum = 0;
        for (int i = 1; i <= n; i++) {
            sum += Math.log(bars.close(i) / bars.close(i - 1));
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 1; i <= n; i++) {
            double d = Math.log(bars.close(i) / bars.close(i - 1)) - mean;
            squares += d * d;
        }
        return squares / (n - 1);
    }
}
