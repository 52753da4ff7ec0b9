package io.quantplug.sdk.statistics;

import java.util.Objects;

/**
 * The outcome of an {@link EngleGranger} test of {@code y} on {@code x}: the cointegrating regression
 * {@code y_t = α + β x_t + u_t} and the ADF test of its residuals. Immutable.
 *
 * @param intercept    {@code α}, in units of {@code y}
 * @param hedgeRatio   {@code β}: units of {@code y} per unit of {@code x} (with log prices, the ratio of notionals)
 * @param residualTest the ADF regression on the residuals {@code u_t}, without deterministic terms, not null
 */
public record EngleGrangerResult(double intercept, double hedgeRatio, AdfResult residualTest) {

    /**
     * Checks the residual test.
     *
     * @param intercept    {@code α}
     * @param hedgeRatio   {@code β}
     * @param residualTest the residuals' ADF regression, not null
     * @throws NullPointerException when {@code residualTest} is null
     */
    public EngleGrangerResult {
        Objects.requireNonNull(residualTest, "residualTest");
    }

    /**
     * The Engle-Granger {@code τ} statistic, the ADF statistic of the residuals.
     *
     * @return the statistic (more negative: stronger evidence of cointegration)
     */
    public double statistic() {
        return residualTest.statistic();
    }

    /**
     * MacKinnon's (2010) critical value for two series with a constant in the cointegrating regression, at the
     * residual regression's sample size.
     *
     * @param level the size of the test
     * @return the critical value of {@code τ}
     */
    public double criticalValue(SignificanceLevel level) {
        return new MacKinnonCriticalValues().engleGranger(DeterministicTerms.CONSTANT, level,
                residualTest.observations());
    }

    /**
     * Whether the null of no cointegration is rejected at {@code level}.
     *
     * @param level the size of the test
     * @return true when the statistic is below {@link #criticalValue}
     */
    public boolean rejectsNoCointegration(SignificanceLevel level) {
        return statistic() < criticalValue(level);
    }

    /**
     * The spread {@code y - α - β x} of one pair of values.
     *
     * @param y a value of the dependent series
     * @param x the value of the other series at the same time
     * @return the spread, in units of {@code y}
     */
    public double spread(double y, double x) {
        return y - intercept - hedgeRatio * x;
    }
}
