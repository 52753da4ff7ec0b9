package io.quantplug.plugins.binance.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of a {@link StreamConnection}.
 *
 * @param staleAfter         a connection that delivered no message for this long is treated as down (Binance
 *                           market streams send several messages a second; a quiet user data stream needs a
 *                           longer value or none, see {@link #NEVER_STALE})
 * @param maxConnectionAge   reconnect on our own after this long; Binance ends every connection at 24 hours
 * @param initialBackoff     first reconnect delay
 * @param backoffMultiplier  growth of the delay per failed attempt, at least 1
 * @param backoffJitter      randomization factor of each delay, in [0, 1)
 * @param maxBackoff         the largest reconnect delay
 * @param connectTimeout     how long an opening handshake may take
 */
public record StreamSettings(Duration staleAfter, Duration maxConnectionAge, Duration initialBackoff,
                             double backoffMultiplier, double backoffJitter, Duration maxBackoff,
                             Duration connectTimeout) {

    /** A {@code staleAfter} that switches the silence check off. */
    public static final Duration NEVER_STALE = Duration.ZERO;

    /**
     * Checks the values.
     *
     * @param staleAfter        silence treated as down, or {@link #NEVER_STALE}
     * @param maxConnectionAge  age at which to reconnect, &gt; 0
     * @param initialBackoff    first reconnect delay, &gt; 0
     * @param backoffMultiplier delay growth, &gt;= 1
     * @param backoffJitter     randomization factor, in [0, 1)
     * @param maxBackoff        largest delay, &gt;= initialBackoff
     * @param connectTimeout    handshake timeout, &gt; 0
     * @throws IllegalArgumentException naming the value out of range
     */
    public StreamSettings {
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative()) {
            throw new IllegalArgumentException("staleAfter must be >= 0 (0 = never), got " + staleAfter);
        }
        positive("maxConnectionAge", maxConnectionAge);
        positive("initialBackoff", initialBackoff);
        positive("connectTimeout", connectTimeout);
        if (!(backoffMultiplier >= 1.0)) {
            throw new IllegalArgumentException("backoffMultiplier must be >= 1, got " + backoffMultiplier);
        }
        if (!(backoffJitter >= 0.0 && backoffJitter < 1.0)) {
            throw new IllegalArgumentException("backoffJitter must be in [0, 1), got " + backoffJitter);
        }
        if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be >= initialBackoff " + initialBackoff + ", got "
                    + maxBackoff);
        }
    }

    /**
     * Defaults for Binance market streams: down after 30 s of silence, reconnect after 23 h 30 min, backoff
     * 1 s doubling up to 60 s with 50 % jitter, 10 s handshake timeout.
     *
     * @return the defaults
     */
    public static StreamSettings defaults() {
        return new StreamSettings(Duration.ofSeconds(30), Duration.ofMinutes(23 * 60 + 30), Duration.ofSeconds(1),
                2.0, 0.5, Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be > 0, got " + d);
        }
    }
}
