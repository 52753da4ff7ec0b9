package io.quantplug.runtime.store;

import io.quantplug.runtime.QuantplugException;

/** The database cannot be reached or prepared. The message names the URL with its password masked. */
public final class StoreUnavailableException extends QuantplugException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message a one-line message, already masked
     * @param cause   the cause, or null
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
