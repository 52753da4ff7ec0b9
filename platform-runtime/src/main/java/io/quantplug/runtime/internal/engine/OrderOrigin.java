package io.quantplug.runtime.internal.engine;

/** Why the engine sent an order. */
enum OrderOrigin {
    /** The signal pipeline, from a strategy's signal. */
    SIGNAL,
    /** A strategy's direct submission. */
    DIRECT,
    /** The engine closing a position at the end of the data. */
    END_OF_DATA,
    /** The engine closing a position because a risk rule asked it to. */
    RISK_CLOSE,
    /** The venue liquidating a perpetual position that reached its liquidation price. */
    LIQUIDATION
}
