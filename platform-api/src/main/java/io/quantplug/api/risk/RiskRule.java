package io.quantplug.api.risk;

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
}
