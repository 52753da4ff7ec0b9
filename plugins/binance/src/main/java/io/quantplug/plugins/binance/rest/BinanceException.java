package io.quantplug.plugins.binance.rest;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The base of every failure of a Binance REST call: an I/O failure in the sense of
 * {@link io.quantplug.api.exchange.ExchangeAdapter} (hence an {@link UncheckedIOException}). Messages name the
 * endpoint and what went wrong, never a key, secret or signature.
 */
public class BinanceException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the endpoint
     * @param cause   the I/O cause
     */
    public BinanceException(String message, IOException cause) {
        super(message, cause);
    }

    /**
     * Creates the exception for a failure reported by the venue rather than the transport.
     *
     * @param message what failed, naming the endpoint
     */
    public BinanceException(String message) {
        super(message, new IOException(message));
    }
}
