package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.risk.RiskEvent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One state change of a {@link CircuitBreakerRule}: a trip, the end of a cooldown, or a reset. Immutable.
 *
 * @param seq        sequence number within the rule, from 1, continued across a hot swap
 * @param timeMillis when the change took effect, UTC epoch milliseconds (for {@link CircuitReason#COOLDOWN_ELAPSED},
 *                   the end of the cooldown, even when the rule noticed it at a later callback)
 * @param from       the state before
 * @param to         the state after
 * @param reason     why
 * @param message    what happened, with the numbers, for people
 * @param values     the same numbers by name, for machines (exact decimals as plain text); iteration order is the
 *                   order they appear in the message
 */
public record CircuitBreakerEvent(long seq, long timeMillis, CircuitState from, CircuitState to,
                                  CircuitReason reason, String message, Map<String, String> values) {

    /**
     * Checks and copies.
     *
     * @param seq        sequence number within the rule, from 1
     * @param timeMillis when the change took effect, UTC epoch milliseconds
     * @param from       the state before
     * @param to         the state after
     * @param reason     why
     * @param message    what happened, with the numbers
     * @param values     the same numbers by name
     * @throws NullPointerException when a component is null
     */
    public CircuitBreakerEvent {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The kind of event as the session's {@code risk_events.event_type} would name it.
     *
     * @return {@code TRIP} (to OPEN), {@code HALF_OPEN} or {@code RESET} (to CLOSED)
     */
    public String eventType() {
        return switch (to) {
            case OPEN -> "TRIP";
            case HALF_OPEN -> "HALF_OPEN";
            case CLOSED -> "RESET";
        };
    }

    /**
     * The event as the session records it: type {@link #eventType()}, code the reason's name, the message, the
     * values and the time.
     *
     * @return the risk event
     */
    public RiskEvent toRiskEvent() {
        return new RiskEvent(timeMillis, eventType(), reason.name(), message, values);
    }

    /**
     * The time as an instant.
     *
     * @return {@link #timeMillis()} as an instant
     */
    public Instant time() {
        return Instant.ofEpochMilli(timeMillis);
    }

    @Override
    public String toString() {
        return "#" + seq + " " + time() + " " + eventType() + " " + from + " -> " + to + " " + reason + ": " + message;
    }
}
