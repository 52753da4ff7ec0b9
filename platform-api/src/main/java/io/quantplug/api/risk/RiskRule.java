package io.quantplug.api.risk;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.Fill;

/**
 * A pre-trade check and post-trade monitor. Rules run in the order they were configured; the first rejection
 * wins, and a resize replaces the quantity seen by the rules after it. Called on the engine thread only.
 */
public interface RiskRule {

    /**
     * Checks one order before it is sent.
     *
     * @param intent  the order and its estimated quantity and notional
     * @param context portfolio and market state
     * @return approve, reject with a reason, or resize to a smaller quantity
     */
    RiskDecision check(OrderIntent intent, RiskContext context);

    /**
     * Sees every fill of the session, after the portfolio has booked it.
     *
     * @param fill    the fill
     * @param context portfolio and market state
     */
    default void onFill(Fill fill, RiskContext context) {
    }

    /**
     * Sees every completed bar, after the portfolio has been marked to it.
     *
     * @param bar     the bar
     * @param context portfolio and market state
     */
    default void onBar(Bar bar, RiskContext context) {
    }

    /**
     * The plugin of this rule is being swapped for another version under a running session: returns the state the
     * new version's rule should continue from (e.g. a circuit breaker's state and counters). Called on the engine
     * thread between two events; the old rule is used until the new one is ready, and no callback follows.
     *
     * @return the state to hand over, or null (the default) when the new rule should start fresh
     */
    default StateSnapshot snapshot() {
        return null;
    }

    /**
     * Continues from the state of the previous version's rule, on a new rule created for a hot swap, before its first
     * event.
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned; never null
     * @return true when restored, false (the default) when the snapshot's format is not one this version reads
     */
    default boolean restore(StateSnapshot snapshot) {
        return false;
    }
}
