package io.quantplug.app.alerts;

/** Takes alerts for delivery. Implementations never block the caller (the engine thread calls it). */
@FunctionalInterface
public interface AlertSink {

    /** Takes no alert: what a session without {@code alerts.yaml} uses. */
    AlertSink NONE = alert -> {
    };

    /**
     * Hands an alert over for delivery; returns at once.
     *
     * @param alert the alert
     */
    void publish(Alert alert);
}
