package io.quantplug.plugins.circuitbreaker;

/**
 * Why a {@link CircuitBreakerRule} changed state. The first six trip the breaker (to {@link CircuitState#OPEN}); the
 * last two are the way back. {@link #name()} is the upper-snake-case code carried by events and rejections.
 */
public enum CircuitReason {
    /** Equity fell the configured percentage below the start-of-day equity (UTC day). */
    DAILY_LOSS_LIMIT,
    /** Equity fell the configured percentage below its peak within the drawdown window. */
    RAPID_DRAWDOWN,
    /** More positions are open than allowed. */
    MAX_OPEN_POSITIONS,
    /** The configured number of round trips in a row closed at a loss. */
    CONSECUTIVE_LOSSES,
    /** A bar's |log return| or log range was beyond its rolling threshold. */
    VOLATILITY_SPIKE,
    /** The probe round trip of a HALF_OPEN breaker closed at a loss: OPEN again, with a new cooldown. */
    PROBE_LOSS,
    /** The cooldown after a trip elapsed: OPEN to HALF_OPEN. */
    COOLDOWN_ELAPSED,
    /** The probe round trip of a HALF_OPEN breaker closed without a loss: back to CLOSED. */
    PROBE_WIN;

    /**
     * Whether this reason opens the breaker.
     *
     * @return true for the trip reasons, false for {@link #COOLDOWN_ELAPSED} and {@link #PROBE_WIN}
     */
    public boolean trips() {
        return this != COOLDOWN_ELAPSED && this != PROBE_WIN;
    }
}
