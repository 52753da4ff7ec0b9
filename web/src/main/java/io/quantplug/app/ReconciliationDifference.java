package io.quantplug.app;

import java.util.Objects;

/**
 * One difference the start-up reconciliation of a live session ({@link LiveSession}) found between the exchange
 * account and the session's start. Immutable.
 *
 * @param kind   what differs, a stable word: {@code open-order-canceled}, {@code open-order-foreign},
 *               {@code missed-fill}, {@code trades-unavailable}, {@code base-balance} or {@code quote-balance}
 * @param detail the difference with the numbers on both sides, for people; not blank
 */
public record ReconciliationDifference(String kind, String detail) {

    /**
     * Checks the components.
     *
     * @param kind   what differs
     * @param detail for people
     * @throws NullPointerException when either is null
     */
    public ReconciliationDifference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * The difference on one line, as the command line and the audit log show it.
     *
     * @return {@code kind: detail}
     */
    public String line() {
        return kind + ": " + detail;
    }
}
