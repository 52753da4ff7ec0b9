package io.quantplug.plugins.volatility;

import io.quantplug.sdk.volatility.VolatilityModelException;

/** No start point of the Baum–Welch fit of a Gaussian hidden Markov model reached a finite log-likelihood. */
public final class UnableToFitHmmException extends VolatilityModelException {

    /**
     * An exception with a message.
     *
     * @param message the series length and the number of states
     */
    public UnableToFitHmmException(String message) {
        super(message, null);
    }
}
