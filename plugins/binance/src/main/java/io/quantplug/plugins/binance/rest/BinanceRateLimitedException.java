package io.quantplug.plugins.binance.rest;

/**
 * Binance answered HTTP 429 (request rate exceeded) or 418 (IP banned for ignoring 429s), and the wait it asked for
 * in {@code Retry-After} was longer than the client may wait, or the client had no retries left. Until
 * {@link #retryAtMillis()} the client sends nothing.
 */
public class BinanceRateLimitedException extends BinanceException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final long retryAtMillis;

    /**
     * Creates the exception.
     *
     * @param endpoint      the method and path
     * @param httpStatus    429 or 418
     * @param retryAtMillis when requests may be sent again, UTC epoch milliseconds of the client's clock
     */
    public BinanceRateLimitedException(String endpoint, int httpStatus, long retryAtMillis) {
        super(endpoint + (httpStatus == 418 ? " refused: this IP is banned by Binance (HTTP 418)"
                : " refused: request rate limit exceeded (HTTP 429)") + "; nothing is sent before "
                + java.time.Instant.ofEpochMilli(retryAtMillis));
        this.httpStatus = httpStatus;
        this.retryAtMillis = retryAtMillis;
    }

    /**
     * The HTTP status that started the back-off.
     *
     * @return 429 or 418
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Whether the cause is an IP ban (HTTP 418) rather than a rate-limit warning (HTTP 429).
     *
     * @return true for 418
     */
    public boolean banned() {
        return httpStatus == 418;
    }

    /**
     * When requests may be sent again.
     *
     * @return UTC epoch milliseconds of the client's clock
     */
    public long retryAtMillis() {
        return retryAtMillis;
    }
}
