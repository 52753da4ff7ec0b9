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

    /** Allowed characters below 64 ({@code - . / 0-9 :}) and from 64 to 127 ({@code A-Z _ a-z}), as bit sets. */
    private static final long LOW = bits("-./0123456789:");
    private static final long HIGH = bits("ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    private static long bits(String chars) {
        long mask = 0;
        for (int i = 0; i < chars.length(); i++) {
            mask |= 1L << (chars.charAt(i) & 63);
        }
        return mask;
    }

    private static boolean valid(String v) {
        int n = v.length();
        if (n == 0 || n > 36) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            long mask = c < 64 ? LOW : c < 128 ? HIGH : 0L;
            if ((mask & (1L << (c & 63))) == 0) {
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
