package io.quantplug.plugins.volatility;

import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.Parameters;

/**
 * The parameters of the {@code regime-trend} strategy (see {@link RegimeTrendStrategy} for the rule they drive).
 *
 * @param regime         the regime model's settings, shared with the {@code volatility-regime} enhancer
 * @param forecast       the sigma forecast of the stop
 * @param entryBars      bars of the entry channel
 * @param exitBars       bars of the exit channel
 * @param strengthLow    signal strength of an entry in LOW
 * @param strengthMedium signal strength of an entry in MEDIUM, &le; {@code strengthLow}
 * @param strengthHigh   signal strength of an entry in HIGH, &le; {@code strengthMedium}
 * @param stopMultiple   stop distance in forecast sigmas
 * @param allowShort     whether downside breakouts open shorts
 */
record TrendSettings(RegimeSettings regime, ForecastSettings forecast, int entryBars, int exitBars,
                     double strengthLow, double strengthMedium, double strengthHigh, double stopMultiple,
                     boolean allowShort) {

    /**
     * Reads and cross-checks the strategy's parameters.
     *
     * @param p parameters resolved against {@link RegimeTrendProvider}'s schema
     * @return the settings
     * @throws InvalidParameterException when the strengths do not fall as volatility rises
     *                                   ({@code strengthLow >= strengthMedium >= strengthHigh}), or a regime
     *                                   parameter is inconsistent ({@link RegimeSettings#of}); names the parameter
     */
    static TrendSettings of(Parameters p) {
        double low = p.getDouble(RegimeTrendProvider.STRENGTH_LOW);
        double medium = p.getDouble(RegimeTrendProvider.STRENGTH_MEDIUM);
        double high = p.getDouble(RegimeTrendProvider.STRENGTH_HIGH);
        if (medium > low) {
            throw new InvalidParameterException(RegimeTrendProvider.STRENGTH_MEDIUM, "parameter '"
                    + RegimeTrendProvider.STRENGTH_MEDIUM + "' = " + medium + " must not exceed "
                    + RegimeTrendProvider.STRENGTH_LOW + " (" + low + "): size falls as volatility rises");
        }
        if (high > medium) {
            throw new InvalidParameterException(RegimeTrendProvider.STRENGTH_HIGH, "parameter '"
                    + RegimeTrendProvider.STRENGTH_HIGH + "' = " + high + " must not exceed "
                    + RegimeTrendProvider.STRENGTH_MEDIUM + " (" + medium + "): size falls as volatility rises");
        }
        return new TrendSettings(RegimeSettings.of(p), ForecastSettings.of(p),
                p.getInt(RegimeTrendProvider.ENTRY_BARS), p.getInt(RegimeTrendProvider.EXIT_BARS), low, medium, high,
                p.getDouble(RegimeTrendProvider.STOP_MULTIPLE), p.getBoolean(RegimeTrendProvider.ALLOW_SHORT));
    }

    /**
     * The entry strength of a regime.
     *
     * @param regime LOW, MEDIUM or HIGH
     * @return the strength in {@code (0, 1]}
     * @throws IllegalArgumentException for EXTREME, where there is no entry
     */
    double strength(VolatilityRegime regime) {
        return switch (regime) {
            case LOW -> strengthLow;
            case MEDIUM -> strengthMedium;
            case HIGH -> strengthHigh;
            case EXTREME -> throw new IllegalArgumentException("no entry in EXTREME");
        };
    }
}
