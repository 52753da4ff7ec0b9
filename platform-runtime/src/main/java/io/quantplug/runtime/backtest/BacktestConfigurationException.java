package io.quantplug.runtime.backtest;

import io.quantplug.runtime.QuantplugException;

/**
 * A backtest cannot start as configured: an unknown extension id, a parameter out of range, a strategy that fails
 * to build. The message names the extension and the parameter.
 */
public class BacktestConfigurationException extends QuantplugException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public BacktestConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong
     * @param cause   the underlying failure
     */
    public BacktestConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
