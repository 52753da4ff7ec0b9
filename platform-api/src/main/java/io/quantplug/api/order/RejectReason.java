package io.quantplug.api.order;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why an order or signal was refused: a typed, machine-readable code plus a message for people.
 *
 * @param source  who refused it
 * @param code    upper-snake-case code, e.g. {@code MAX_ORDER_NOTIONAL}, {@code INSUFFICIENT_FUNDS}
 * @param message what was exceeded and by how much, for people
 * @param ruleId  id of the risk rule that refused it when {@code source} is {@link RejectSource#RISK_RULE},
 *                otherwise null
 */
public record RejectReason(RejectSource source, String code, String message, String ruleId) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /**
     * Validates the reason.
     *
     * @param source who refused it
     * @param code upper-snake-case code, e.g. {@code MAX_ORDER_NOTIONAL}, {@code INSUFFICIENT_FUNDS}
     * @param message what was exceeded and by how much, for people
     * @param ruleId id of the risk rule that refused it when {@code source} is {@link RejectSource#RISK_RULE}, otherwise null
     * @throws IllegalArgumentException when the code is not upper-snake-case
     * 
     */
    public RejectReason {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("reject code '" + code + "' must be UPPER_SNAKE_CASE");
        }
    }
}
