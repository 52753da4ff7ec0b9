package io.quantplug.runtime.analytics;

/** What closed a round trip: the origin of the order whose fill made the position flat. */
public enum ExitReason {
    /** A strategy signal (through the pipeline). */
    SIGNAL,
    /** A market order the strategy submitted directly. */
    MARKET,
    /** A limit order (e.g. a take-profit). */
    LIMIT,
    /** A stop order (e.g. a stop-loss). */
    STOP,
    /** The data ended; the position was closed at the last bar's close. */
    END_OF_DATA,
    /**
     * A risk rule asked the session to close the position ({@code RiskContext.closePosition}); the engine's market
     * order filled at the next opportunity.
     */
    RISK_RULE,
    /** The venue liquidated a perpetual position whose margin balance fell to its maintenance margin. */
    LIQUIDATION
}
