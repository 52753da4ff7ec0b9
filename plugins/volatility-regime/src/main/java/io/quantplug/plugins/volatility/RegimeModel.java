package io.quantplug.plugins.volatility;

import java.util.Map;

/**
 * How the volatility regime of the latest bar is derived from the close-to-close log returns seen so far: the one
 * computation behind both the {@code volatility-regime} enhancer ({@link VolatilityRegimeEnhancer}) and the
 * {@code regime-trend} strategy ({@link RegimeTrendStrategy}), created from the same parameters by
 * {@link RegimeSettings#newModel()}. Causal by contract: the regime after return {@code t} depends on returns
 * {@code 1..t} only.
 *
 * <p>Mutable and not thread-safe: owned by one instance on the engine thread.
 */
sealed interface RegimeModel permits EwmaRankRegime, HmmRegime {

    /**
     * Takes the next bar's return.
     *
     * @param logReturn {@code ln(C_t / C_{t-1})}, finite
     */
    void update(double logReturn);

    /**
     * The regime after the latest return.
     *
     * @return the regime, or null while the model is warming up
     */
    VolatilityRegime regime();

    /**
     * How sure the model is of {@link #regime()}, written as the signal score
     * {@link VolatilityRegimeEnhancer#SCORE_PROBABILITY} when it has a meaning.
     *
     * @return a probability in {@code [0, 1]}, or NaN when the model has none (the rank model) or is warming up
     */
    double regimeProbability();

    /**
     * The model's own diagnostics, merged into {@link VolatilityRegimeEnhancer#diagnostics()} after the regime.
     *
     * @param barsPerYear bars in a year, to annualise per-bar volatilities
     * @return JDK values only, in display order
     */
    Map<String, Object> diagnostics(double barsPerYear);

    /**
     * The snapshot layout this model writes, the format of the enhancer's snapshot.
     *
     * @return e.g. {@code volatility-regime/1}
     */
    String snapshotFormat();

    /**
     * Writes the state, for a hot swap.
     *
     * @param out the snapshot values; keys are the model's own
     */
    void writeTo(Map<String, String> out);

    /**
     * Replaces the state by one {@link #writeTo} wrote; meant for a fresh instance, which is dropped when this throws.
     *
     * @param in the snapshot values
     * @throws IllegalArgumentException when a value is missing or unreadable
     */
    void readFrom(Map<String, String> in);
}
