package io.quantplug.plugins.circuitbreaker;

/**
 * The state of a {@link CircuitBreakerRule}, named after the electrical breaker (and Nygard's software pattern in
 * <i>Release It!</i>, 2007): current flows while the breaker is closed.
 */
public enum CircuitState {
    /** Normal trading: every order is approved by the breaker (other rules still apply). */
    CLOSED,
    /**
     * Tripped: orders that add exposure are refused; orders that only reduce a position pass, and an order that would
     * reverse a position is cut to the quantity that closes it. Lasts until the cooldown ends.
     */
    OPEN,
    /**
     * Probing after the cooldown: a limited number of orders that add exposure pass (the probe); the first round trip
     * they open decides: a loss re-opens the breaker, a win (P&amp;L &ge; 0) closes it.
     */
    HALF_OPEN
}
