package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.param.Parameters;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The validated parameters of one {@link CircuitBreakerRule}; see {@link CircuitBreakerProvider} for each one's
 * meaning and range. A zero threshold disables its trigger.
 *
 * @param dailyLossPercent     trip when equity is this many percent below the start-of-day equity; 0 = off
 * @param drawdownPercent      trip when equity is this many percent below its peak in the window; 0 = off
 * @param drawdownWindowMillis the drawdown window, milliseconds
 * @param maxOpenPositions     trip when more positions than this are open; 0 = off
 * @param maxConsecutiveLosses trip when this many round trips in a row close at a loss; 0 = off
 * @param volatilityK          trip when a bar's measure is beyond this many rolling standard deviations; 0 = off
 * @param volatilityWindowBars bars in the rolling standard deviation
 * @param volatilityMeasure    which measure of the bar is watched
 * @param cooldownMillis       time OPEN before HALF_OPEN, milliseconds
 * @param probeOrders          orders adding exposure allowed while HALF_OPEN
 */
record BreakerSettings(BigDecimal dailyLossPercent, BigDecimal drawdownPercent, long drawdownWindowMillis,
                       int maxOpenPositions, int maxConsecutiveLosses, BigDecimal volatilityK, int volatilityWindowBars,
                       VolatilityMeasure volatilityMeasure, long cooldownMillis, int probeOrders) {

    private static final long MINUTE_MILLIS = 60_000L;

    /** Reads the parameters of {@link CircuitBreakerProvider#descriptor()}'s schema. */
    static BreakerSettings of(Parameters p) {
        return new BreakerSettings(
                p.getDecimal(CircuitBreakerProvider.DAILY_LOSS_PERCENT),
                p.getDecimal(CircuitBreakerProvider.DRAWDOWN_PERCENT),
                p.getLong(CircuitBreakerProvider.DRAWDOWN_WINDOW_MINUTES) * MINUTE_MILLIS,
                p.getInt(CircuitBreakerProvider.MAX_OPEN_POSITIONS),
                p.getInt(CircuitBreakerProvider.MAX_CONSECUTIVE_LOSSES),
                p.getDecimal(CircuitBreakerProvider.VOLATILITY_K),
                p.getInt(CircuitBreakerProvider.VOLATILITY_WINDOW_BARS),
                VolatilityMeasure.valueOf(p.getString(CircuitBreakerProvider.VOLATILITY_MEASURE)
                        .toUpperCase(Locale.ROOT)),
                p.getLong(CircuitBreakerProvider.COOLDOWN_MINUTES) * MINUTE_MILLIS,
                p.getInt(CircuitBreakerProvider.PROBE_ORDERS));
    }
}
