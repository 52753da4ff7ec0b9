package io.quantplug.sdk.volatility;

/**
 * The base of the unexpected failures of the volatility models, such as a maximum-likelihood fit that does not converge
 * ({@link UnableToFitGarchException}). Bad input is an {@link IllegalArgumentException} instead. Unchecked; not final,
 * so a plugin's own models (e.g. a hidden Markov model fit) may extend it.
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
