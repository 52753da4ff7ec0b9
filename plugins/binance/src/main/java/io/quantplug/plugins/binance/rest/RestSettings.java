package io.quantplug.plugins.binance.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * How the REST client behaves towards Binance.
 *
 * @param recvWindowMillis how long after its {@code timestamp} a SIGNED request stays valid, 1 to 60000 ms (Binance
 *                         default 5000, maximum 60000)
 * @param requestTimeout   how long to wait for an answer; a slow answer fails the call with {@link BinanceException}
 *                         and is not retried (an order's outcome is then unknown until reconciled)
 * @param maxBackoff       the longest the client waits, retrying, after a 429 or 418 ({@code Retry-After}); a
 *                         longer wait fails the call with {@link BinanceRateLimitedException}
 * @param maxWeightWait    the longest a request waits for request-weight budget
 */
public record RestSettings(long recvWindowMillis, Duration requestTimeout, Duration maxBackoff,
                           Duration maxWeightWait) {

    /** Binance's largest accepted {@code recvWindow}, milliseconds. */
    public static final long MAX_RECV_WINDOW_MILLIS = 60_000L;

    /**
     * Validates the settings.
     *
     * @param recvWindowMillis 1 to 60000 ms
     * @param requestTimeout   &gt; 0
     * @param maxBackoff       &ge; 0
     * @param maxWeightWait    &ge; 0
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public RestSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxWeightWait, "maxWeightWait");
        if (recvWindowMillis < 1 || recvWindowMillis > MAX_RECV_WINDOW_MILLIS) {
            throw new IllegalArgumentException("recvWindow must be 1 .. 60000 ms, got " + recvWindowMillis);
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("requestTimeout must be > 0, got " + requestTimeout);
        }
        if (maxBackoff.isNegative() || maxWeightWait.isNegative()) {
            throw new IllegalArgumentException("maxBackoff and maxWeightWait must be >= 0");
        }
    }

    /**
     * recvWindow 5000 ms, 10 s request timeout, up to 2 minutes of back-off (a first 418 ban), up to 1 minute
     * waiting for weight.
     *
     * @return the defaults
     */
    public static RestSettings defaults() {
        return new RestSettings(5_000, Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofMinutes(1));
    }

    /**
     * These settings with another recvWindow.
     *
     * @param millis 1 to 60000 ms
     * @return new settings
     */
    public RestSettings withRecvWindow(long millis) {
        return new RestSettings(millis, requestTimeout, maxBackoff, maxWeightWait);
    }
}
