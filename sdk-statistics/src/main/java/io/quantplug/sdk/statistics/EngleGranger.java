package io.quantplug.sdk.statistics;

import java.util.Objects;

/**
 * The Engle-Granger two-step cointegration test of two series: OLS of {@code y_t = α + β x_t + u_t}, then an
 * augmented Dickey-Fuller test without deterministic terms on the residuals {@code u_t}, whose {@code τ} is compared
 * with MacKinnon's critical values for two series ({@link MacKinnonCriticalValues#engleGranger}), not with the
 * single-series ones: the residuals are fitted, which shifts the distribution left.
 *
 * <p>Engle, R.F. and Granger, C.W.J. (1987), "Co-integration and error correction: representation, estimation, and
 * testing", <i>Econometrica</i> 55, 251–276; critical values from MacKinnon (2010). In R this is
 * {@code e <- residuals(lm(y ~ x)); urca::ur.df(e, type = "none", lags = p)} (the {@code τ}, not urca's
 * single-series critical values). The regression goes through Commons Math's OLS, as the ADF regression does.
 *
 * <p>Stateless and thread-safe; for the per-bar hedge ratio of a running strategy use {@link RollingHedgeRatio}.
 */
public final class EngleGranger {

    private final AugmentedDickeyFuller residualTest;

    /**
     * A test whose residual regression has a fixed number of lagged differences.
     *
     * @param lags lagged differences {@code p >= 0} of the residual ADF regression
     * @throws IllegalArgumentException when {@code lags < 0}
     */
    public EngleGranger(int lags) {
        this(new AugmentedDickeyFuller(DeterministicTerms.NONE, lags));
    }

    private EngleGranger(AugmentedDickeyFuller residualTest) {
        this.residualTest = residualTest;
    }

    /**
     * A test whose residual regression chooses its lagged differences among {@code 1 .. maxLags} by a criterion.
     *
     * @param maxLags   the largest number of lagged differences considered, {@code >= 0}
     * @param criterion AIC or BIC, not null
     * @return the test
     * @throws IllegalArgumentException when {@code maxLags < 0}
     */
    public static EngleGranger selectingLags(int maxLags, InformationCriterion criterion) {
        return new EngleGranger(AugmentedDickeyFuller.selectingLags(DeterministicTerms.NONE, maxLags, criterion));
    }

    /**
     * Tests {@code y} against {@code x}.
     *
     * @param y the dependent series (e.g. log closes of one coin), finite, in time order
     * @param x the other series at the same times, finite, {@code x.length == y.length}
     * @return the hedge ratio, intercept and residual test
     * @throws IllegalArgumentException    when an array is null, the lengths differ, a value is not finite or the
     *                                     series are too short for the residual regression
     * @throws SingularRegressionException when {@code x} is constant
     */
    public EngleGrangerResult test(double[] y, double[] x) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got x.length=" + x.length
                    + " and y.length=" + y.length);
        }
        if (y.length < 3) {
            throw new IllegalArgumentException("y and x must hold at least 3 values, got " + y.length);
        }
        double[][] design = new double[x.length][2];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] must be finite, got " + x[i]);
            }
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] must be finite, got " + y[i]);
            }
            design[i][0] = 1.0;
            design[i][1] = x[i];
        }
        LeastSquares fit = LeastSquares.fit("cointegrating regression", y, design);
        return new EngleGrangerResult(fit.coefficient(0), fit.coefficient(1), residualTest.test(fit.residuals()));
    }
}
