package io.quantplug.plugins.volatility;

/**
 * The volatility regime of the latest bar, from calmest to wildest. Relative, not absolute: a regime says where the
 * current volatility ranks among the recent window's (see {@link VolatilityRegimeEnhancer}).
 */
public enum VolatilityRegime {
    /** Below the low percentile of the window. */
    LOW,
    /** Between the low and the high percentile. */
    MEDIUM,
    /** Between the high and the extreme percentile. */
    HIGH,
    /** At or above the extreme percentile: new entries stand aside. */
    EXTREME
}
