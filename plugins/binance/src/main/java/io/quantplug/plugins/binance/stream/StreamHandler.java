package io.quantplug.plugins.binance.stream;

/**
 * What a {@link StreamConnection} hands its messages to. Called one at a time (never concurrently), on the
 * connection's threads; must not block for long, since the socket is not read meanwhile.
 */
public interface StreamHandler {

    /** A connection is up and the subscription request was sent: restart anything that depends on continuity. */
    void onConnected();

    /**
     * One complete text message.
     *
     * @param text the message
     */
    void onMessage(String text);
}
