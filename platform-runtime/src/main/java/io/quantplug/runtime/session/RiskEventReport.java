package io.quantplug.runtime.session;

import io.quantplug.api.risk.RiskEvent;

import java.util.Objects;

/**
 * A risk event as the session recorded it: what a rule handed to
 * {@link io.quantplug.api.risk.RiskContext#report}, tagged with the rule's id and the strategy whose order or fill
 * the rule was looking at. Immutable; holds only API and JDK types, so keeping it keeps no plugin class loader alive.
 *
 * @param ruleId   the id the rule was bound under in the session (its provider id), e.g. {@code circuit-breaker}
 * @param strategy the strategy instance (or signal group) whose order was being checked or whose fill was being
 *                 seen; null when the rule reported from {@code onBar} or about one of the engine's own orders
 * @param event    the event as reported
 */
public record RiskEventReport(String ruleId, String strategy, RiskEvent event) {

    /**
     * Checks the required components.
     *
     * @param ruleId   the rule's id
     * @param strategy the strategy instance, or null
     * @param event    the event
     * @throws NullPointerException when the rule id or the event is null
     */
    public RiskEventReport {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(event, "event");
    }

    /**
     * When the event took effect.
     *
     * @return the event's time, UTC epoch milliseconds
     */
    public long timeMillis() {
        return event.timeMillis();
    }
}
