package io.quantplug.app.alerts;

/**
 * Where alerts go: a webhook, a chat, a mailbox. Implementations do blocking network I/O; the
 * {@link AlertDispatcher} calls them from its sender thread only, one call at a time.
 */
public interface AlertChannel extends AutoCloseable {

    /**
     * The channel's name as {@code alerts.yaml} gives it, for logs and {@code quantplug alerts test}.
     *
     * @return the name, not blank
     */
    String name();

    /**
     * Delivers one alert, blocking until the far end accepted it or refused it.
     *
     * @param alert the alert
     * @throws AlertDeliveryException when it was not accepted; its message names the channel and never carries a
     *                                secret (token, password, secret URL)
     */
    void send(Alert alert);

    /** Frees the channel's resources (connections, threads); the default has none. Never throws. */
    @Override
    default void close() {
    }
}
