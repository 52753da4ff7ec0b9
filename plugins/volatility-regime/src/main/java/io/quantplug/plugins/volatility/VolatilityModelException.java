package io.quantplug.plugins.volatility;

/**
 * The base of the unexpected failures of this plugin's models (bad input is an {@link IllegalArgumentException}
 * instead). Unchecked.
 */
public class VolatilityModelException extends RuntimeException {

    /**
     * An exception with a message and a cause.
     *
     * @param message what failed, with the values that matter
     * @param cause   the underlying failure, may be null
     */
    public VolatilityModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
