package io.quantplug.sdk.statistics;

/**
 * The base of the unexpected failures of these statistics, such as a regression whose regressors are collinear
 * ({@link SingularRegressionException}). Bad input is an {@link IllegalArgumentException} instead. Unchecked.
 */
public class StatisticsException extends RuntimeException {

    /**
     * An exception with a message and a cause.
     *
     * @param message what failed, with the values that matter
     * @param cause   the underlying failure, may be null
     */
    public StatisticsException(String message, Throwable cause) {
        super(message, cause);
    }
}
