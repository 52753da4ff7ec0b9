package io.quantplug.sdk.statistics;

/**
 * The p-value of an augmented Dickey-Fuller test with a constant and a trend, interpolated in a table of quantiles
 * exactly as R's {@code tseries::adf.test} (tseries 0.10.53) computes it, so results compare with R's.
 *
 * <p>The table holds the 1, 2.5, 5, 10, 90, 95, 97.5 and 99 % quantiles of {@code τ_τ} for sample sizes 25, 50, 100,
 * 250, 500 and ∞ (tseries uses 100000): Banerjee, A., Dolado, J., Galbraith, J.W. and Hendry, D.F. (1993),
 * <i>Co-Integration, Error Correction, and the Econometric Analysis of Non-Stationary Data</i>, Oxford University
 * Press, Table 4.2, p. 103 (after Fuller 1976, Table 8.5.2), as cited by {@code ?adf.test}. Like {@code adf.test},
 * each quantile is first interpolated linearly in the sample size (held at the table's ends outside
 * {@code [25, 100000]}), then the probability linearly in the statistic, held at 0.01 below the 1 % quantile and at
 * 0.99 above the 99 % one ({@code approx(..., rule = 2)}). The alternative is stationarity (the lower tail).
 *
 * <p>The table is for {@link DeterministicTerms#CONSTANT_AND_TREND} only; for the other terms compare the statistic
 * with {@link MacKinnonCriticalValues}. Stateless and thread-safe.
 */
public final class InterpolatedAdfPValue {

    private static final double[] SAMPLE_SIZES = {25, 50, 100, 250, 500, 100_000};
    private static final double[] PROBABILITIES = {0.01, 0.025, 0.05, 0.1, 0.9, 0.95, 0.975, 0.99};
    // [probability][sample size]
    private static final double[][] QUANTILES = {
            {-4.38, -4.15, -4.04, -3.99, -3.98, -3.96},
            {-3.95, -3.80, -3.73, -3.69, -3.68, -3.66},
            {-3.60, -3.50, -3.45, -3.43, -3.42, -3.41},
            {-3.24, -3.18, -3.15, -3.13, -3.13, -3.12},
            {-1.14, -1.19, -1.22, -1.23, -1.24, -1.25},
            {-0.80, -0.87, -0.90, -0.92, -0.93, -0.94},
            {-0.50, -0.58, -0.62, -0.64, -0.65, -0.66},
            {-0.15, -0.24, -0.28, -0.31, -0.32, -0.33},
    };

    /**
     * The p-value of a {@code τ_τ} statistic.
     *
     * @param statistic   the ADF statistic of a regression with a constant and a trend, finite
     * @param differences the number of differences of the tested series, {@code y.length - 1} (tseries' {@code n},
     *                    whatever the lag order), {@code >= 1}
     * @return the interpolated p-value, in {@code [0.01, 0.99]}
     * @throws IllegalArgumentException when {@code statistic} is not finite or {@code differences < 1}
     */
    public double pValue(double statistic, int differences) {
        if (!Double.isFinite(statistic)) {
            throw new IllegalArgumentException("statistic must be finite, got " + statistic);
        }
        if (differences < 1) {
            throw new IllegalArgumentException("differences must be >= 1, got " + differences);
        }
        double[] quantiles = new double[PROBABILITIES.length];
        for (int i = 0; i < quantiles.length; i++) {
            quantiles[i] = interpolate(SAMPLE_SIZES, QUANTILES[i], differences);
        }
        return interpolate(quantiles, PROBABILITIES, statistic);
    }

    /** Linear interpolation in increasing {@code xs}, held at the end values outside them (R's approx, rule 2). */
    private static double interpolate(double[] xs, double[] ys, double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        int last = xs.length - 1;
        if (x >= xs[last]) {
            return ys[last];
        }
        int i = 1;
        while (xs[i] < x) {
            i++;
        }
        return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
    }
}
