package io.quantplug.app.alerts;

import io.quantplug.runtime.QuantplugException;

/** A channel could not deliver an alert. The message names the channel and is free of secrets; no cause is kept. */
public final class AlertDeliveryException extends QuantplugException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, already masked
     */
    public AlertDeliveryException(String message) {
        super(message);
    }
}
