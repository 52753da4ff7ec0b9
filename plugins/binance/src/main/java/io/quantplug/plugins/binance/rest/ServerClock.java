package io.quantplug.plugins.binance.rest;

import java.time.Clock;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Binance's clock as seen from here: the local clock plus a measured offset, used for the {@code timestamp} of
 * SIGNED requests so that they fall inside {@code recvWindow} (Binance "Timing security": a request is accepted when
 * {@code timestamp < serverTime + 1000} and {@code serverTime - timestamp <= recvWindow}).
 *
 * <p>The offset is measured as in NTP's simplest form (RFC 5905, clock offset with symmetric delay):
 * {@code offset = serverTime - (t0 + t1) / 2}, where {@code t0} and {@code t1} are the local times before and after
 * the {@code GET /time} request. It starts unmeasured; {@link #markStale()} (on error -1021) asks for a new
 * measurement before the next SIGNED request. Thread-safe.
 */
public final class ServerClock {

    private final Clock clock;
    private volatile long offsetMillis;
    private volatile boolean stale = true;

    /**
     * Creates an unmeasured clock.
     *
     * @param clock the local clock
     */
    public ServerClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Measures the offset.
     *
     * @param serverTime fetches Binance's {@code serverTime} (UTC epoch milliseconds), e.g. by {@code GET /time}
     * @return the new offset, milliseconds (server minus local)
     */
    public long measure(LongSupplier serverTime) {
        long t0 = clock.millis();
        long server = serverTime.getAsLong();
        long t1 = clock.millis();
        offsetMillis = server - (t0 + t1) / 2;
        stale = false;
        return offsetMillis;
    }

    /**
     * The estimated server time now.
     *
     * @return UTC epoch milliseconds
     */
    public long now() {
        return clock.millis() + offsetMillis;
    }

    /**
     * The local time now (for back-off deadlines, which are local).
     *
     * @return UTC epoch milliseconds of the local clock
     */
    public long localNow() {
        return clock.millis();
    }

    /**
     * The last measured offset.
     *
     * @return server minus local, milliseconds; 0 before the first measurement
     */
    public long offsetMillis() {
        return offsetMillis;
    }

    /** Asks for a new measurement before the next SIGNED request (after Binance error -1021). */
    public void markStale() {
        stale = true;
    }

    /**
     * Whether the offset needs measuring.
     *
     * @return true before the first measurement and after {@link #markStale()}
     */
    public boolean stale() {
        return stale;
    }
}
