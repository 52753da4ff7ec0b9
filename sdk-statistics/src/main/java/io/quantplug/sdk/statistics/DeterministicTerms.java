package io.quantplug.sdk.statistics;

/**
 * The deterministic terms of a Dickey-Fuller test regression
 * {@code Δy_t = [a] + [b t] + γ y_{t-1} + Σ_{i=1..p} δ_i Δy_{t-i} + e_t}: none, a constant (drift), or a constant and
 * a linear time trend. They are the three cases of Dickey and Fuller (1979) ({@code τ}, {@code τ_μ},
 * {@code τ_τ}), the {@code type} argument {@code "none"}, {@code "drift"} and {@code "trend"} of R's
 * {@code urca::ur.df}, and MacKinnon's (2010) {@code nc}, {@code c} and {@code ct}.
 */
public enum DeterministicTerms {

    /** No deterministic term: the null is a random walk without drift, the alternative a zero-mean AR process. */
    NONE(0),
    /** A constant: the alternative is a stationary process with a non-zero mean ({@code urca}: "drift"). */
    CONSTANT(1),
    /** A constant and a linear trend {@code t}: the alternative is trend-stationary ({@code urca}: "trend"). */
    CONSTANT_AND_TREND(2);

    private final int columns;

    DeterministicTerms(int columns) {
        this.columns = columns;
    }

    /**
     * The number of regressors these terms add to the test regression.
     *
     * @return 0, 1 or 2
     */
    public int columns() {
        return columns;
    }
}
