package io.quantplug.plugins.binance.rest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds every request while Binance has asked the client to back off: after HTTP 429 until its {@code Retry-After},
 * and after HTTP 418 (IP ban, 2 minutes to 3 days) until the ban ends (Binance "LIMITS": "A Retry-After header is
 * sent with a 418 or 429 response and will give the number of seconds required to wait"). While closed,
 * {@link #checkOpen(String)} refuses to send, so not even a probe reaches Binance during a ban. Thread-safe.
 */
public final class BackoffGate {

    private final ServerClock clock;
    private final AtomicLong closedUntil = new AtomicLong(Long.MIN_VALUE);
    private volatile int status;

    /**
     * Creates an open gate.
     *
     * @param clock supplies the local time
     */
    public BackoffGate(ServerClock clock) {
        this.clock = clock;
    }

    /**
     * Closes the gate after a 429 or 418.
     *
     * @param httpStatus        429 or 418
     * @param retryAfterSeconds the {@code Retry-After} header, seconds, &ge; 0
     * @return the local time the gate opens again, UTC epoch milliseconds
     */
    public long close(int httpStatus, long retryAfterSeconds) {
        long until = clock.localNow() + Math.max(retryAfterSeconds, 0) * 1000L;
        closedUntil.accumulateAndGet(until, Math::max);
        status = httpStatus;
        return closedUntil.get();
    }

    /**
     * Refuses to send while closed.
     *
     * @param endpoint the method and path, for the message
     * @throws BinanceRateLimitedException while the back-off or ban lasts
     */
    public void checkOpen(String endpoint) {
        long until = closedUntil.get();
        if (clock.localNow() < until) {
            throw new BinanceRateLimitedException(endpoint, status, until);
        }
    }

    /**
     * When the gate opens.
     *
     * @return UTC epoch milliseconds of the local clock; in the past when open
     */
    public long closedUntilMillis() {
        return closedUntil.get();
    }
}
