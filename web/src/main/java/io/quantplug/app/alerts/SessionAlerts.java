package io.quantplug.app.alerts;

import io.quantplug.runtime.session.SessionListener;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The alerts of the Quantplug home, as a session front end (the {@code paper} and {@code live} commands, the console)
 * plugs them in: a listener that raises alerts from the session's events, a watch of its exchange connection and the
 * start-up reconciliation's differences. When the home has no {@code alerts.yaml}, all do nothing and the listener
 * is the next one itself.
 *
 * <p>Threading: create and close on one thread; the listener runs on the engine thread, the watch on a scheduler;
 * {@link #reconciliation} may be called from any thread.
 */
public final class SessionAlerts implements AutoCloseable {

    private final AlertDispatcher dispatcher;
    private final AlertsFile file;
    private final Clock clock;

    private SessionAlerts(AlertDispatcher dispatcher, AlertsFile file, Clock clock) {
        this.dispatcher = dispatcher;
        this.file = file;
        this.clock = clock;
    }

    /**
     * Reads the home's {@code alerts.yaml} and starts its dispatcher.
     *
     * @param home        the Quantplug home
     * @param environment the process environment, where secrets are read
     * @param clock       the time rate limits and the disconnect threshold run on
     * @return the alerts, inactive when the home has no {@code alerts.yaml}
     * @throws io.quantplug.app.UserInputException naming the file, line and key when the file is malformed or a
     *                                              secret is missing
     */
    public static SessionAlerts open(Path home, Map<String, String> environment, Clock clock) {
        Path path = home.resolve(AlertsFile.FILE_NAME);
        return AlertsFile.inHome(home)
                .map(f -> new SessionAlerts(f.openDispatcher(path, environment, clock), f, clock))
                .orElseGet(() -> new SessionAlerts(null, null, clock));
    }

    /**
     * Whether a file configured channels.
     *
     * @return true when alerts are sent
     */
    public boolean active() {
        return dispatcher != null;
    }

    /**
     * The listener that raises alerts from a session's events.
     *
     * @param session    the session, as alerts name it
     * @param instrument the session's instrument, or null
     * @param next       the listener events pass on to
     * @return the alerting listener, or {@code next} itself when inactive
     */
    public SessionListener listener(String session, String instrument, SessionListener next) {
        return dispatcher == null ? next : new AlertingListener(dispatcher, session, instrument, next);
    }

    /**
     * A watch of an exchange connection with the file's {@code disconnectAfterSeconds}, to run every second.
     *
     * @param connected  whether the connection is up
     * @param detail     its last detail
     * @param session    the session, as alerts name it
     * @param instrument the session's instrument, or null
     * @return the watch, or a task that does nothing when inactive
     */
    public Runnable disconnectWatch(BooleanSupplier connected, Supplier<String> detail, String session,
                                    String instrument) {
        return dispatcher == null ? () -> { }
                : new DisconnectWatch(connected, detail, file.disconnectAfter(), clock, dispatcher, session, instrument);
    }

    /**
     * Sends a {@link AlertKind#RECONCILIATION} alert for a difference a live session's start-up reconciliation
     * found, timed on this object's clock. Each distinct difference is its own condition (the kind and the detail
     * are the de-duplication source), so a channel's minimum interval never hides one of several differences.
     *
     * @param session    the session, as alerts name it
     * @param instrument the session's instrument, or null
     * @param kind       what differs, e.g. {@code open-order-foreign}
     * @param detail     the difference with its numbers
     */
    public void reconciliation(String session, String instrument, String kind, String detail) {
        if (dispatcher != null) {
            dispatcher.publish(new Alert(AlertKind.RECONCILIATION, clock.millis(), session, instrument,
                    kind + ": " + detail, kind + "|" + detail));
        }
    }

    /** Delivers what is pending (at most 10 s) and stops the dispatcher. */
    @Override
    public void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }
}
