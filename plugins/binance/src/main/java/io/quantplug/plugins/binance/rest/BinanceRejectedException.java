package io.quantplug.plugins.binance.rest;

import io.quantplug.api.order.RejectReason;

/**
 * Binance refused an order or a cancel; {@link #reason()} types it ({@link RejectReasons} maps the codes).
 */
public class BinanceRejectedException extends BinanceApiException {

    private static final long serialVersionUID = 1L;

    private final transient RejectReason reason;

    /**
     * Creates the exception.
     *
     * @param cause  the venue's error answer
     * @param reason the typed reason
     */
    public BinanceRejectedException(BinanceApiException cause, RejectReason reason) {
        super(endpointOf(cause), cause.httpStatus(), cause.code(), cause.venueMessage());
        this.reason = reason;
    }

    private static String endpointOf(BinanceApiException cause) {
        String m = cause.getMessage();
        int i = m.indexOf(" failed:");
        return i < 0 ? m : m.substring(0, i);
    }

    /**
     * Why, typed: source {@code VENUE}, a code such as {@code INSUFFICIENT_FUNDS} or {@code UNKNOWN_ORDER}.
     *
     * @return the reason
     */
    public RejectReason reason() {
        return reason;
    }
}
