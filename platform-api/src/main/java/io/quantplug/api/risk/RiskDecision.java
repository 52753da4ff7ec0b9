package io.quantplug.api.risk;

import java.math.BigDecimal;
import java.util.Objects;

/** A risk rule's answer: {@link Approve}, {@link Reject} or {@link Resize}. */
public sealed interface RiskDecision {

    /**
     * Let the order through unchanged.
     *
     * @return the approval
     */
    static RiskDecision approve() {
        return Approve.INSTANCE;
    }

    /**
     * Refuse the order.
     *
     * @param code    upper-snake-case code, e.g. {@code MAX_POSITION_NOTIONAL}
     * @param message what was exceeded, with the numbers
     * @return the rejection
     */
    static RiskDecision reject(String code, String message) {
        return new Reject(code, message);
    }

    /**
     * Let the order through with a smaller quantity.
     *
     * @param quantity the new quantity, base units, &gt; 0
     * @param message  why, with the numbers
     * @return the resize
     */
    static RiskDecision resize(BigDecimal quantity, String message) {
        return new Resize(quantity, message);
    }

    /** Approve the order unchanged. */
    enum Approve implements RiskDecision {
        /** The only instance. */
        INSTANCE
    }

    /**
     * Refuse the order.
     *
     * @param code    upper-snake-case code
     * @param message what was exceeded, with the numbers
     */
    record Reject(String code, String message) implements RiskDecision {
        /**
         * Checks both are present.
         *
         * @param code upper-snake-case code
         * @param message what was exceeded, with the numbers
         */
        public Reject {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Replace the order quantity.
     *
     * @param quantity new quantity, base units, &gt; 0
     * @param message  why
     */
    record Resize(BigDecimal quantity, String message) implements RiskDecision {
        /**
         * @throws IllegalArgumentException when the quantity is not positive
         *
         * @param quantity new quantity, base units, &gt; 0
         * @param message why
         * @throws IllegalArgumentException when the quantity is not positive
         */
        public Resize {
            Objects.requireNonNull(message, "message");
            if (quantity.signum() <= 0) {
                throw new IllegalArgumentException("resize quantity must be > 0; reject the order instead");
            }
        }
    }
}
