package io.quantplug.sdk.marketdata.binance;

/**
 * A stream message that could not be decoded: not JSON, or a field of the wrong type. Carries the start of the
 * message (at most 200 characters) for the log; never a secret, since stream messages carry none.
 */
public final class MalformedStreamMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception naming the problem and the message.
     *
     * @param problem what was wrong
     * @param message the message text
     */
    public MalformedStreamMessageException(String problem, String message) {
        super("undecodable Binance stream message (" + problem + "): "
                + (message.length() > 200 ? message.substring(0, 200) + "..." : message));
    }
}
