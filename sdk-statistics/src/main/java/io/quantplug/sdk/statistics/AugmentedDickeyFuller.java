package io.quantplug.sdk.statistics;

import java.util.Objects;

/**
 * The augmented Dickey-Fuller unit-root test: OLS of
 * {@code Δy_t = [a] + [b t] + γ y_{t-1} + Σ_{i=1..p} δ_i Δy_{t-i} + e_t} and the {@code τ} statistic of {@code γ}.
 *
 * <p>Dickey, D.A. and Fuller, W.A. (1979), "Distribution of the estimators for autoregressive time series with a
 * unit root", <i>JASA</i> 74, 427–431, give the test without lagged differences; Said, S.E. and Dickey, D.A. (1984),
 * "Testing for unit roots in autoregressive-moving average models of unknown order", <i>Biometrika</i> 71, 599–607,
 * add the {@code p} lagged differences that absorb serial correlation, with {@code p} growing like {@code n^(1/3)}
 * ({@link #cubeRootLags(int)}).
 *
 * <p>The regression is built exactly as R's {@code urca::ur.df} (urca 1.3.3) builds it: for {@code n = y.length - 1}
 * differences and {@code p} lags the rows are {@code t = p+1 .. n} (so {@code n - p} rows), the trend regressor is
 * the row's index {@code t} in {@code p+1 .. n}, and with {@link InformationCriterion lag selection} every candidate
 * {@code 1 .. p} is fitted on those same rows, the one with the smallest criterion is kept (the first on ties), and
 * the final regression keeps those rows too. As in {@code ur.df}, selection never picks zero lags. With
 * {@link DeterministicTerms#CONSTANT_AND_TREND} and fixed lags {@code k} this is also {@code tseries::adf.test(y, k)}
 * (tseries 0.10.53), whose p-value {@link InterpolatedAdfPValue} reproduces.
 *
 * <p>Stateless and thread-safe; each {@link #test(double[])} allocates its design matrix.
 */
public final class AugmentedDickeyFuller {

    private final DeterministicTerms terms;
    private final int lags;
    private final InformationCriterion criterion;

    /**
     * A test with a fixed number of lagged differences ({@code ur.df(y, type, lags)}).
     *
     * @param terms the deterministic terms, not null
     * @param lags  lagged differences {@code p >= 0}
     * @throws IllegalArgumentException when {@code lags < 0}
     */
    public AugmentedDickeyFuller(DeterministicTerms terms, int lags) {
        this(terms, lags, null);
    }

    private AugmentedDickeyFuller(DeterministicTerms terms, int lags, InformationCriterion criterion) {
        this.terms = Objects.requireNonNull(terms, "terms");
        if (lags < 0) {
            throw new IllegalArgumentException("lags must be >= 0, got " + lags);
        }
        this.lags = lags;
        this.criterion = criterion;
    }

    /**
     * A test that chooses its lagged differences among {@code 1 .. maxLags} by an information criterion
     * ({@code ur.df(y, type, lags = maxLags, selectlags = "AIC" | "BIC")}); with {@code maxLags = 0} it uses none.
     *
     * @param terms     the deterministic terms, not null
     * @param maxLags   the largest number of lagged differences considered, {@code >= 0}
     * @param criterion AIC or BIC, not null
     * @return the test
     * @throws IllegalArgumentException when {@code maxLags < 0}
     */
    public static AugmentedDickeyFuller selectingLags(DeterministicTerms terms, int maxLags,
                                                      InformationCriterion criterion) {
        return new AugmentedDickeyFuller(terms, maxLags, Objects.requireNonNull(criterion, "criterion"));
    }

    /**
     * The lag order {@code trunc((length - 1)^(1/3))}, the default {@code k} of {@code tseries::adf.test}, after Said
     * and Dickey's (1984) rate.
     *
     * @param length the series' length, {@code >= 2}
     * @return the number of lagged differences
     * @throws IllegalArgumentException when {@code length < 2}
     */
    public static int cubeRootLags(int length) {
        if (length < 2) {
            throw new IllegalArgumentException("length must be >= 2, got " + length);
        }
        return (int) Math.cbrt(length - 1.0);
    }

    /**
     * Runs the test on a series.
     *
     * @param y the series in time order (e.g. log prices), finite values, long enough that the regression keeps at
     *          least one degree of freedom: {@code y.length >= 2 + 2 p + terms.columns() + 1}
     * @return the statistic with its coefficient, standard error and the lags used
     * @throws IllegalArgumentException    when {@code y} is null, too short or holds a value that is not finite
     * @throws SingularRegressionException when the regressors are collinear (e.g. a constant series)
     */
    public AdfResult test(double[] y) {
        Objects.requireNonNull(y, "y");
        int fixed = 1 + terms.columns();
        int minimum = 2 + 2 * lags + fixed;
        if (y.length < minimum) {
            throw new IllegalArgumentException("y must hold at least " + minimum + " values for lags=" + lags
                    + " and terms=" + terms + ", got " + y.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] must be finite, got " + y[i]);
            }
        }
        int n = y.length - 1;
        int rows = n - lags;
        double[] response = new double[rows];
        for (int r = 0; r < rows; r++) {
            response[r] = y[lags + r + 1] - y[lags + r];
        }
        int chosen = lags;
        if (criterion != null && lags > 0) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 1; k <= lags; k++) {
                LeastSquares fit = LeastSquares.fit("ADF regression", response, design(y, k));
                double value = criterion.of(fit.residualSumOfSquares(), rows, fit.coefficientCount());
                if (value < best) {
                    best = value;
                    chosen = k;
                }
            }
        }
        LeastSquares fit = LeastSquares.fit("ADF regression", response, design(y, chosen));
        return new AdfResult(terms, chosen, rows, fit.coefficient(0), fit.standardError(0));
    }

    /** Columns y_{t-1}, [1], [t], Δy_{t-1} .. Δy_{t-k} on the rows t = p+1 .. n (1-based, as ur.df). */
    private double[][] design(double[] y, int k) {
        int rows = y.length - 1 - lags;
        double[][] x = new double[rows][1 + terms.columns() + k];
        for (int r = 0; r < rows; r++) {
            int t = lags + r;                       // 0-based index of y_{t-1} and of Δy_t's start
            double[] row = x[r];
            int c = 0;
            row[c++] = y[t];
            if (terms != DeterministicTerms.NONE) {
                row[c++] = 1.0;
            }
            if (terms == DeterministicTerms.CONSTANT_AND_TREND) {
                row[c++] = t + 1.0;
            }
            for (int i = 1; i <= k; i++) {
                row[c++] = y[t - i + 1] - y[t - i];
            }
        }
        return x;
    }

    /**
     * The deterministic terms.
     *
     * @return the terms of the regression
     */
    public DeterministicTerms terms() {
        return terms;
    }

    /**
     * The fixed number of lagged differences, or the largest considered when selecting.
     *
     * @return {@code p >= 0}
     */
    public int lags() {
        return lags;
    }
}
