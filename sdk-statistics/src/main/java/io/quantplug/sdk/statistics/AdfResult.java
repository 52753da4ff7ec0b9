package io.quantplug.sdk.statistics;

/**
 * The outcome of one augmented Dickey-Fuller regression
 * {@code Δy_t = [a] + [b t] + γ y_{t-1} + Σ_{i=1..p} δ_i Δy_{t-i} + e_t}: the estimate of {@code γ}, its standard
 * error and their ratio, the {@code τ} statistic. The null of a unit root ({@code γ = 0}) is rejected for a
 * {@code τ} below the critical value of {@link MacKinnonCriticalValues}. Immutable.
 *
 * @param terms         the deterministic terms of the regression
 * @param lags          the lagged differences {@code p} in the regression (the chosen number when selected)
 * @param observations  the regression's rows: the series' length minus one minus the largest lag considered
 * @param coefficient   the estimate of {@code γ}, the coefficient of {@code y_{t-1}} (units of {@code y} cancel)
 * @param standardError the OLS standard error of {@code γ}, {@code > 0}
 */
public record AdfResult(DeterministicTerms terms, int lags, int observations, double coefficient,
                        double standardError) {

    /**
     * The Dickey-Fuller {@code τ} statistic, {@code γ / se(γ)}: {@code urca::ur.df}'s {@code teststat[1]} and
     * {@code tseries::adf.test}'s {@code statistic}.
     *
     * @return the statistic (negative under stationarity)
     */
    public double statistic() {
        return coefficient / standardError;
    }

    /**
     * MacKinnon's (2010) critical value of this test (one series, {@code N = 1}) at its own sample size.
     *
     * @param level the size of the test
     * @return the critical value of {@code τ}
     */
    public double criticalValue(SignificanceLevel level) {
        return new MacKinnonCriticalValues().unitRoot(terms, level, observations);
    }

    /**
     * Whether the unit-root null is rejected at {@code level}: {@code τ} below {@link #criticalValue}.
     *
     * @param level the size of the test
     * @return true when the series looks stationary at that level
     */
    public boolean rejectsUnitRoot(SignificanceLevel level) {
        return statistic() < criticalValue(level);
    }
}
