package io.quantplug.sdk.statistics;

import java.util.Objects;

/**
 * MacKinnon's response-surface critical values of the Dickey-Fuller {@code τ} statistic, for a unit-root test
 * ({@code N = 1} series) and for the Engle-Granger cointegration test of two series ({@code N = 2}):
 * {@code C(T) = β∞ + β1/T + β2/T² + β3/T³} at a sample size {@code T}.
 *
 * <p>The coefficients are those of MacKinnon, J.G. (2010), "Critical values for cointegration tests", Queen's
 * Economics Department Working Paper 1227, its table of response-surface coefficients (an update of MacKinnon
 * 1991), for the constant ({@code c}) and constant-plus-trend ({@code ct}) cases and, for {@code N = 1} only, the
 * no-constant case ({@code nc}), which goes back to MacKinnon, J.G. (1996), "Numerical distribution functions for
 * unit root and cointegration tests", <i>Journal of Applied Econometrics</i> 11, 601–618. Transcriptions of the table
 * differ in one coefficient used here, {@code β2} of {@code N = 2}, {@code c}, 1 %: this class uses −22.527, as
 * Schaffer's Stata {@code egranger} does; statsmodels' {@code adfvalues.py} has −33.527 (the two give critical
 * values 0.0011 apart at {@code T = 100} and 0.000001 apart at {@code T = 4000}). For {@code N = 2} the deterministic
 * terms are those of the cointegrating regression; the test regression on its residuals has none
 * ({@link EngleGranger}). {@code T = ∞} gives the asymptotic values, e.g. −3.43035, −2.86154 and −2.56677 at
 * 1, 5 and 10 % for {@code N = 1} with a constant.
 *
 * <p>Stateless and thread-safe.
 */
public final class MacKinnonCriticalValues {

    // [case][level 1 %, 5 %, 10 %][β∞, β1, β2, β3]
    private static final double[][][] UNIT_ROOT = {
            {{-2.56574, -2.2358, -3.627, 0}, {-1.94100, -0.2686, -3.365, 31.223},
                    {-1.61682, 0.2656, -2.714, 25.364}},
            {{-3.43035, -6.5393, -16.786, -79.433}, {-2.86154, -2.8903, -4.234, -40.040},
                    {-2.56677, -1.5384, -2.809, 0}},
            {{-3.95877, -9.0531, -28.428, -134.155}, {-3.41049, -4.3904, -9.036, -45.374},
                    {-3.12705, -2.5856, -3.925, -22.380}},
    };
    private static final double[][][] TWO_SERIES = {
            null,
            {{-3.89644, -10.9519, -22.527, 0}, {-3.33613, -6.1101, -6.823, 0}, {-3.04445, -4.2412, -2.720, 0}},
            {{-4.32762, -15.4387, -35.679, 0}, {-3.78057, -9.5106, -12.074, 0}, {-3.49631, -7.0815, -7.538, 21.892}},
    };

    /**
     * The critical value of an augmented Dickey-Fuller test ({@code N = 1}).
     *
     * @param terms        the test regression's deterministic terms, not null
     * @param level        the size of the test, not null
     * @param observations the sample size {@code T >= 1} (use the regression's rows), or
     *                     {@link Double#POSITIVE_INFINITY} for the asymptotic value
     * @return the critical value of {@code τ}
     * @throws IllegalArgumentException when {@code observations} is below 1 or NaN
     */
    public double unitRoot(DeterministicTerms terms, SignificanceLevel level, double observations) {
        return surface(UNIT_ROOT[Objects.requireNonNull(terms, "terms").ordinal()], level, observations);
    }

    /**
     * The critical value of the Engle-Granger test of two series ({@code N = 2}): the {@code τ} of an ADF regression
     * without deterministic terms on the residuals of a cointegrating regression with {@code cointegratingTerms}.
     *
     * @param cointegratingTerms the cointegrating regression's terms: {@link DeterministicTerms#CONSTANT} or
     *                           {@link DeterministicTerms#CONSTANT_AND_TREND}
     * @param level              the size of the test, not null
     * @param observations       the sample size {@code T >= 1}, or {@link Double#POSITIVE_INFINITY}
     * @return the critical value of {@code τ}
     * @throws IllegalArgumentException when {@code cointegratingTerms} is {@code NONE} (not tabulated) or
     *                                  {@code observations} is below 1 or NaN
     */
    public double engleGranger(DeterministicTerms cointegratingTerms, SignificanceLevel level, double observations) {
        if (Objects.requireNonNull(cointegratingTerms, "cointegratingTerms") == DeterministicTerms.NONE) {
            throw new IllegalArgumentException("cointegratingTerms must be CONSTANT or CONSTANT_AND_TREND"
                    + " (MacKinnon tabulates no N = 2 case without a constant), got NONE");
        }
        return surface(TWO_SERIES[cointegratingTerms.ordinal()], level, observations);
    }

    private static double surface(double[][] byLevel, SignificanceLevel level, double observations) {
        Objects.requireNonNull(level, "level");
        if (!(observations >= 1)) {
            throw new IllegalArgumentException("observations must be >= 1 or +Infinity, got " + observations);
        }
        double[] b = byLevel[level.ordinal()];
        double inverse = 1.0 / observations;
        return b[0] + inverse * (b[1] + inverse * (b[2] + inverse * b[3]));
    }
}
