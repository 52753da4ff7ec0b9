package io.quantplug.api.order;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The order id chosen by the client, deterministic so that an order can be reconciled after a restart instead of
 * resubmitted blindly. Its alphabet and length follow Binance's {@code newClientOrderId}
 * ({@code ^[.A-Z:/a-z0-9_-]{1,36}$}).
 *
 * @param value the id text
 */
public record ClientOrderId(String value) {

    private static final Pattern VALID = Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}");

    /**
     * Validates the id.
     *
     * @throws IllegalArgumentException when it is empty, longer than 36 characters, or has other characters
     */
    public ClientOrderId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("client order id '" + value
                    + "' must be 1-36 characters of A-Z a-z 0-9 . : / _ -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
