package io.quantplug.testkit;

/**
 * What closed a {@link ClosedTrade}: the origin of the order whose fill made the position flat. The test kit's own
 * type, so that a plugin's tests depend on the test kit and the API only, never on the runtime's classes.
 */
public enum TradeExit {
    /** A strategy signal, through the enhancer, sizer and risk pipeline. */
    SIGNAL,
    /** A market order the strategy submitted directly. */
    MARKET,
    /** A limit order, e.g. a take-profit. */
    LIMIT,
    /** A stop order, e.g. a stop-loss. */
    STOP,
    /** The data ended: the engine closed the position at the last bar's close (fee charged, no slippage). */
    END_OF_DATA,
    /** A risk rule asked the engine to close the position; its market order filled at the next opportunity. */
    RISK_RULE
}
