package io.quantplug.app.alerts;

/** What an alert is about; a channel's {@code kinds} list in {@code alerts.yaml} filters by these names. */
public enum AlertKind {
    /** A risk rule tripped (a circuit breaker opened, a guard halted trading): a {@code TRIP} or {@code HALT} event. */
    CIRCUIT_BREAKER,
    /** An exchange connection has been down longer than the configured threshold. */
    DISCONNECT,
    /** Live trading found the venue and the journal disagreeing (an order, a fill or a balance). */
    RECONCILIATION,
    /** An order was rejected (by a risk rule, validation, the engine or the venue). */
    ORDER_REJECTED,
    /** A plugin callback threw and the fault policy acted. */
    PLUGIN_FAULT,
    /** A test alert sent by {@code quantplug alerts test}; every channel takes it whatever its kinds. */
    TEST
}
