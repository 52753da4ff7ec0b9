package io.quantplug.sdk.statistics;

/**
 * How {@link AugmentedDickeyFuller} chooses the number of lagged differences when asked to: by Akaike's (AIC) or
 * Schwarz's Bayesian (BIC) information criterion, as {@code selectlags = "AIC"} or {@code "BIC"} of R's
 * {@code urca::ur.df}.
 *
 * <p>Both are {@code -2 ln L + k m} of the Gaussian regression, with {@code ln L = -n/2 (ln(2π) + 1 + ln(RSS/n))},
 * {@code m} the number of regression coefficients plus one (the error variance), and {@code k = 2} for AIC or
 * {@code k = ln n} for BIC, {@code n} the regression's rows: R's {@code stats::AIC} of an {@code lm} fit
 * (Akaike 1974; Schwarz 1978).
 */
public enum InformationCriterion {

    /** Akaike's information criterion, penalty 2 per parameter. */
    AIC,
    /** Schwarz's Bayesian information criterion, penalty {@code ln n} per parameter. */
    BIC;

    /**
     * The criterion of a least-squares fit.
     *
     * @param residualSumOfSquares the fit's residual sum of squares, {@code > 0}
     * @param rows                 the regression's rows {@code n}
     * @param coefficients         the number of estimated coefficients (without the error variance)
     * @return {@code -2 ln L + penalty (coefficients + 1)}; smaller is better
     * @throws IllegalArgumentException when {@code residualSumOfSquares} is not finite and positive, {@code rows < 1}
     *                                  or {@code coefficients < 0}
     */
    public double of(double residualSumOfSquares, int rows, int coefficients) {
        if (!(residualSumOfSquares > 0 && Double.isFinite(residualSumOfSquares))) {
            throw new IllegalArgumentException("residualSumOfSquares must be finite and > 0, got "
                    + residualSumOfSquares);
        }
        if (rows < 1 || coefficients < 0) {
            throw new IllegalArgumentException("rows must be >= 1 and coefficients >= 0, got rows=" + rows
                    + ", coefficients=" + coefficients);
        }
        double logLikelihood = -0.5 * rows * (Math.log(2 * Math.PI) + 1 + Math.log(residualSumOfSquares / rows));
        double penalty = this == AIC ? 2.0 : Math.log(rows);
        return -2 * logLikelihood + penalty * (coefficients + 1);
    }
}
