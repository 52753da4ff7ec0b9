package io.quantplug.app.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification for people: what happened, where and when. Immutable.
 *
 * @param kind       what it is about
 * @param timeMillis when it happened, UTC epoch milliseconds (session time for session events)
 * @param session    the session it comes from, e.g. {@code paper sma-crossover BTCUSDT.BINANCE 1m}; not blank
 * @param instrument the instrument concerned, e.g. {@code BTCUSDT.BINANCE}, or null when none
 * @param message    what happened, with the numbers; not blank
 * @param source     what raised it, for de-duplication: the same kind, session, instrument and source within a
 *                   channel's minimum interval count as one condition (e.g. a rule id and reject code); not null
 */
public record Alert(AlertKind kind, long timeMillis, String session, String instrument, String message,
                    String source) {

    /**
     * Checks the components.
     *
     * @param kind       what it is about
     * @param timeMillis when it happened, UTC epoch milliseconds
     * @param session    the session it comes from
     * @param instrument the instrument, or null
     * @param message    what happened
     * @param source     what raised it
     * @throws NullPointerException     when a component other than the instrument is null
     * @throws IllegalArgumentException when the session or message is blank
     */
    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
        if (session.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("an alert needs a session and a message");
        }
    }

    /**
     * The key under which repeats are suppressed: kind, session, instrument and source.
     *
     * @return the key
     */
    public String dedupKey() {
        return kind + "|" + session + "|" + instrument + "|" + source;
    }

    /**
     * A one-line title, e.g. {@code [quantplug] ORDER_REJECTED BTCUSDT.BINANCE}.
     *
     * @return the title (the e-mail subject)
     */
    public String title() {
        return "[quantplug] " + kind + (instrument == null ? "" : " " + instrument);
    }

    /**
     * The text channels send: the title, the message, then the session and the time (ISO-8601, UTC).
     *
     * @return the text, lines separated by {@code \n}
     */
    public String text() {
        return title() + "\n" + message + "\n" + session + " at " + Instant.ofEpochMilli(timeMillis);
    }
}
