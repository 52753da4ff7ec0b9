package io.quantplug.api.order;

import java.util.Objects;

/**
 * The order id chosen by the client, deterministic so that an order can be reconciled after a restart instead of
 * resubmitted blindly. Its alphabet and length follow Binance's {@code newClientOrderId}
 * ({@code ^[.A-Z:/a-z0-9_-]{1,36}$}).
 *
 * @param value the id text
 */
public record ClientOrderId(String value) {


    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws IllegalArgumentException when it is empty, longer than 36 characters, or has other characters
     * 
     */
    public ClientOrderId {
        Objects.requireNonNull(value, "value");
        if (!valid(value)) {
            throw new IllegalArgumentException("client order id '" + value
                    + "' must be 1-36 characters of A-Z a-z 0-9 . : / _ -");
        }
    }

    private static boolean valid(String v) {
        if (v.isEmpty() || v.length() > 36) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == ':' || c == '/' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
