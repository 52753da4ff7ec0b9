package io.quantplug.plugins.volatility;

/**
 * The volatility regime of the latest bar, from calmest to wildest. Relative to the recent past: with the rank model
 * it says where the current EWMA volatility ranks among the recent window's, with the HMM which of the states fitted
 * to the recent window (ordered by their volatility) is the most probable now; see {@link VolatilityRegimeEnhancer}.
 * Its {@link #ordinal()} is the signal score {@value VolatilityRegimeEnhancer#SCORE_REGIME}.
 */
public enum VolatilityRegime {
    /** Rank model: below the low percentile of the window. HMM: the calmest state. */
    LOW,
    /** Rank model: between the low and the high percentile. HMM: the second calmest state (3 or 4 states). */
    MEDIUM,
    /** Rank model: between the high and the extreme percentile. HMM: the third calmest of 4 states. */
    HIGH,
    /** Rank model: at or above the extreme percentile. HMM: the wildest state. New entries stand aside. */
    EXTREME
}
