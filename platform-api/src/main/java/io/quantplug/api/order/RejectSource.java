package io.quantplug.api.order;

/** Who refused an order. */
public enum RejectSource {
    /** A risk rule in the pre-trade pipeline. */
    RISK_RULE,
    /** The order was malformed or broke an instrument rule (tick, lot, minimum notional). */
    VALIDATION,
    /** The venue (simulated or real) refused it, e.g. for insufficient balance. */
    VENUE,
    /** The engine refused it, e.g. a short signal on a spot instrument or trading halted. */
    ENGINE
}
