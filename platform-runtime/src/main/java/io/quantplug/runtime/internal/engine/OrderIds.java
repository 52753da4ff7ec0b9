package io.quantplug.runtime.internal.engine;

import io.quantplug.api.order.ClientOrderId;

/**
 * Makes a session's client order ids: an owner's local id (such as {@code sma-crossover-7} or {@code end-of-data-1})
 * behind the session's prefix. A backtest or paper session has no prefix; a live session gets a short run tag, so
 * that the ids of two sessions trading on one exchange account never clash (Binance refuses a client order id it has
 * seen, and a restarted session must tell its own orders from an earlier session's).
 *
 * <p>An id is at most 36 characters of {@code A-Z a-z 0-9 . : / _ -} (Binance's {@code newClientOrderId} rule,
 * which {@link ClientOrderId} enforces). When prefix and local id are longer, the local id loses characters from its
 * start: its end, which carries the owner's sequence number, is kept. Immutable.
 */
final class OrderIds {

    /** The longest client order id. */
    static final int MAX_LENGTH = 36;

    private final String prefix;

    /**
     * Creates the maker.
     *
     * @param prefix put before every local id; empty for none; at most 12 characters
     * @throws IllegalArgumentException when the prefix is longer or not of the allowed characters
     */
    OrderIds(String prefix) {
        if (prefix.length() > 12 || !prefix.isEmpty() && !valid(prefix)) {
            throw new IllegalArgumentException("order id prefix must be at most 12 characters of A-Z a-z 0-9 . : / _ -,"
                    + " got '" + prefix + "'");
        }
        this.prefix = prefix;
    }

    private static boolean valid(String prefix) {
        try {
            new ClientOrderId(prefix);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The session's id for an owner's local id.
     *
     * @param local the owner's id, e.g. {@code sma-crossover-7}
     * @return the prefixed id, cut to 36 characters from the local id's start when longer
     */
    ClientOrderId of(String local) {
        if (prefix.isEmpty()) {
            return new ClientOrderId(local);
        }
        int room = MAX_LENGTH - prefix.length();
        return new ClientOrderId(prefix + (local.length() <= room ? local : local.substring(local.length() - room)));
    }

    /**
     * The prefix.
     *
     * @return it, empty when none
     */
    String prefix() {
        return prefix;
    }
}
