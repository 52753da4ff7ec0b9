package io.quantplug.sdk.volatility;

/** No start point of the GARCH(1,1) maximum-likelihood search converged within its evaluation budget. */
public final class UnableToFitGarchException extends VolatilityModelException {

    /**
     * An exception with a message and a cause.
     *
     * @param message the series length and the budget
     * @param cause   the last optimiser failure, may be null
     */
    public UnableToFitGarchException(String message, Throwable cause) {
        super(message, cause);
    }
}
