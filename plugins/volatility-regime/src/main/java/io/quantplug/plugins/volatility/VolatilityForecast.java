package io.quantplug.plugins.volatility;

import java.util.Map;

/**
 * A one-step-ahead forecast of the variance of the next bar's log return, updated bar by bar: after the return of
 * bar {@code t} it holds {@code sigma^2_{t+1|t}}, built from returns {@code 1..t} only. The one computation behind
 * the {@code black-swan-guard} risk rule's sigma and the {@code regime-trend} strategy's stop distance, created from
 * the same parameters by {@link ForecastSettings#newForecast()}. Implementations: {@link EwmaForecast} and
 * {@link WalkForwardGarchForecast}.
 *
 * <p>Mutable and not thread-safe: owned by one instance on the engine thread.
 */
sealed interface VolatilityForecast permits EwmaForecast, WalkForwardGarchForecast {

    /** Returns needed before a forecast is given. */
    int MIN_RETURNS = 20;

    /**
     * Takes the next bar's return.
     *
     * @param logReturn {@code r_t = ln(C_t / C_{t-1})}, finite
     */
    void update(double logReturn);

    /**
     * The forecast after the latest return.
     *
     * @return {@code sigma^2_{t+1|t}}, the variance of the next bar's log return (a pure number per bar), &ge; 0; NaN
     *         before {@value #MIN_RETURNS} returns
     */
    double variance();

    /**
     * The forecast standard deviation.
     *
     * @return {@code sqrt(variance())}, per bar, NaN before {@value #MIN_RETURNS} returns
     */
    default double volatility() {
        return Math.sqrt(variance());
    }

    /**
     * The returns taken so far.
     *
     * @return the count, &ge; 0
     */
    long returns();

    /**
     * Which model the current forecast comes from, for events and diagnostics.
     *
     * @return {@code ewma}, {@code garch}, or {@code ewma (garch warming up)} and the like
     */
    String source();

    /**
     * Writes the state, for a hot swap, under keys that start with a prefix.
     *
     * @param prefix e.g. {@code forecast.}
     * @param out    the snapshot values
     */
    void writeTo(String prefix, Map<String, String> out);

    /**
     * Replaces the state by one {@link #writeTo} wrote; meant for a fresh instance, which is dropped when this throws.
     *
     * @param prefix the prefix it was written with
     * @param in     the snapshot values
     * @throws IllegalArgumentException when a value is missing or unreadable
     */
    void readFrom(String prefix, Map<String, String> in);
}
