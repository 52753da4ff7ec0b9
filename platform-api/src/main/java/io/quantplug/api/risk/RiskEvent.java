package io.quantplug.api.risk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a risk rule noticed outside an order check: a circuit breaker tripping or resetting, a guard closing
 * positions. A rule hands it to {@link RiskContext#report}; the session records it with the rule's id (in the
 * store's {@code risk_events}, for a stored run) and shows it to its listeners. Immutable.
 *
 * @param timeMillis when it took effect, UTC epoch milliseconds
 * @param eventType  upper-snake-case kind, at most 16 characters, e.g. {@code TRIP}, {@code RESET}, {@code HALT}
 * @param code       upper-snake-case cause, at most 64 characters, e.g. {@code DAILY_LOSS}
 * @param message    what happened, with the numbers, for people; not blank
 * @param values     the same numbers by name, for machines (exact decimals as plain text); iteration order kept
 */
public record RiskEvent(long timeMillis, String eventType, String code, String message, Map<String, String> values) {

    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]*");

    /**
     * Checks and copies.
     *
     * @param timeMillis when it took effect, UTC epoch milliseconds
     * @param eventType  upper-snake-case kind, 1–16 characters
     * @param code       upper-snake-case cause, 1–64 characters
     * @param message    what happened, not blank
     * @param values     the numbers by name; may be empty, not null
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the type or code is not upper snake case or too long, or the message is
     *                                  blank
     */
    public RiskEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!UPPER_SNAKE.matcher(eventType).matches() || eventType.length() > 16) {
            throw new IllegalArgumentException("risk event type must be upper snake case, 1-16 characters, got '"
                    + eventType + "'");
        }
        if (!UPPER_SNAKE.matcher(code).matches() || code.length() > 64) {
            throw new IllegalArgumentException("risk event code must be upper snake case, 1-64 characters, got '"
                    + code + "'");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("a risk event needs a message");
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
