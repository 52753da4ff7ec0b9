package io.quantplug.plugins.mlregime;

import io.quantplug.api.signal.SignalDirection;

/**
 * The four market regimes the classifier tells apart, defined by what the next {@code h} bars do (see
 * {@link RegimeLabeler} for the thresholds). The ordinal is the {@code mlRegime} score a passing signal carries.
 */
public enum MarketRegime {
    /** Ordinal 0: the price rises by more than the trend threshold over the horizon, without a volatility burst. */
    TREND_UP,
    /** Ordinal 1: the price falls by more than the trend threshold over the horizon, without a volatility burst. */
    TREND_DOWN,
    /** Ordinal 2: neither a trend nor a volatility burst: the price moves less than the trend threshold. */
    RANGE,
    /** Ordinal 3: the realised volatility over the horizon is a multiple of its recent level, whatever the return. */
    HIGH_VOLATILITY;

    /**
     * Whether an entry in a direction goes against this regime: a LONG in {@link #TREND_DOWN}, a SHORT in
     * {@link #TREND_UP}, and any entry in {@link #HIGH_VOLATILITY}. An exit (FLAT) never does.
     *
     * @param direction the direction of the signal, not null
     * @return true when the regime speaks against entering that way
     */
    public boolean contradicts(SignalDirection direction) {
        return switch (direction) {
            case FLAT -> false;
            case LONG -> this == TREND_DOWN || this == HIGH_VOLATILITY;
            case SHORT -> this == TREND_UP || this == HIGH_VOLATILITY;
        };
    }
}
