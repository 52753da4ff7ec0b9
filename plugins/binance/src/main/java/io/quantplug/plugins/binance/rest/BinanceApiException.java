package io.quantplug.plugins.binance.rest;

/**
 * Binance answered with an error body {@code {"code": <negative int>, "msg": "..."}} (Binance "Error Codes").
 */
public class BinanceApiException extends BinanceException {

    private static final long serialVersionUID = 1L;

    /** Binance error -1021, INVALID_TIMESTAMP: the timestamp is outside the recvWindow or ahead of server time. */
    public static final int INVALID_TIMESTAMP = -1021;

    private final int httpStatus;
    private final int code;
    private final String venueMessage;

    /**
     * Creates the exception.
     *
     * @param endpoint     the method and path, e.g. {@code POST /api/v3/order}
     * @param httpStatus   the HTTP status
     * @param code         Binance's error code, e.g. -2010
     * @param venueMessage Binance's {@code msg}
     */
    public BinanceApiException(String endpoint, int httpStatus, int code, String venueMessage) {
        super(endpoint + " failed: HTTP " + httpStatus + ", Binance error " + code + " " + venueMessage);
        this.httpStatus = httpStatus;
        this.code = code;
        this.venueMessage = venueMessage;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return e.g. 400
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Binance's error code.
     *
     * @return a negative number, e.g. -1013
     */
    public int code() {
        return code;
    }

    /**
     * Binance's message for people.
     *
     * @return the {@code msg} field
     */
    public String venueMessage() {
        return venueMessage;
    }
}
