package io.quantplug.app.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Watches an exchange connection by polling its state (e.g. {@code ExchangeBarSource::connected}) and raises a
 * {@link AlertKind#DISCONNECT} alert once a connection has been down for the threshold, and another when it is back
 * after such an alert. Run it every second or so from a scheduler ({@link #run()}); the outage is measured on the
 * injected clock, so a poll interval coarser than the threshold only delays the alert.
 *
 * <p>Threading: one scheduler thread calls {@link #run()}; the suppliers must be safe to read from it.
 */
public final class DisconnectWatch implements Runnable {

    private final BooleanSupplier connected;
    private final Supplier<String> detail;
    private final Duration threshold;
    private final Clock clock;
    private final AlertSink sink;
    private final String session;
    private final String instrument;
    private long downSinceMillis = -1;
    private boolean reported;

    /**
     * Creates the watch.
     *
     * @param connected  whether the connection is up now
     * @param detail     the connection's last reported detail (e.g. the close reason)
     * @param threshold  how long it may be down before the alert, positive
     * @param clock      the time source
     * @param sink       where the alerts go
     * @param session    the session, as alerts name it
     * @param instrument the session's instrument, or null
     */
    public DisconnectWatch(BooleanSupplier connected, Supplier<String> detail, Duration threshold, Clock clock,
                           AlertSink sink, String session, String instrument) {
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("disconnect threshold must be positive, got " + threshold);
        }
        this.connected = connected;
        this.detail = detail;
        this.threshold = threshold;
        this.clock = clock;
        this.sink = sink;
        this.session = session;
        this.instrument = instrument;
    }

    /** Looks at the connection once, and alerts when an outage crossed the threshold or ended after an alert. */
    @Override
    public void run() {
        long now = clock.millis();
        if (connected.getAsBoolean()) {
            if (reported) {
                sink.publish(new Alert(AlertKind.DISCONNECT, now, session, instrument, "connection back after "
                        + seconds(now - downSinceMillis) + " s down", "reconnected"));
            }
            downSinceMillis = -1;
            reported = false;
            return;
        }
        if (downSinceMillis < 0) {
            downSinceMillis = now;
        }
        if (!reported && now - downSinceMillis >= threshold.toMillis()) {
            reported = true;
            sink.publish(new Alert(AlertKind.DISCONNECT, now, session, instrument, "connection down for "
                    + seconds(now - downSinceMillis) + " s (threshold " + threshold.toSeconds() + " s): "
                    + detail.get(), "disconnected"));
        }
    }

    private static long seconds(long millis) {
        return millis / 1_000;
    }
}
