package io.quantplug.runtime.internal.venue;

/**
 * The two delays of a simulated venue, in exchange time (the {@code timeMillis} of the trades and books it is fed).
 *
 * <ul>
 *   <li><b>Entry</b>: an order, or a cancel, sent at {@code L} reaches the matching engine at {@code L + entry};
 *       market events stamped before that do not see it (an order) or still fill it (a cancel).</li>
 *   <li><b>Response</b>: a fill, expiry, refusal or cancel that happens at the venue at {@code T} reaches the
 *       session at {@code T + response}; until then the session still counts the order as working.</li>
 * </ul>
 *
 * <p>Constant latencies, as hftbacktest's {@code ConstantLatency} (nkaz001/hftbacktest, docs "Latency Models":
 * entry latency from sending to the exchange, response latency from the exchange back).
 *
 * @param entryMillis    order and cancel entry latency, milliseconds, &ge; 0
 * @param responseMillis report latency, milliseconds, &ge; 0
 */
public record VenueLatency(long entryMillis, long responseMillis) {

    /** No delay either way: orders reach the book at their submission time, reports the session at once. */
    public static final VenueLatency NONE = new VenueLatency(0, 0);

    /**
     * Validates the latencies.
     *
     * @param entryMillis    order and cancel entry latency, milliseconds, &ge; 0
     * @param responseMillis report latency, milliseconds, &ge; 0
     * @throws IllegalArgumentException when a latency is negative
     */
    public VenueLatency {
        if (entryMillis < 0) {
            throw new IllegalArgumentException("entry latency must be >= 0 ms, was " + entryMillis);
        }
        if (responseMillis < 0) {
            throw new IllegalArgumentException("response latency must be >= 0 ms, was " + responseMillis);
        }
    }

    /**
     * Whether both latencies are zero: a cancel then takes effect, and is answered, at once.
     *
     * @return true when entry and response are 0
     */
    public boolean isZero() {
        return entryMillis == 0 && responseMillis == 0;
    }
}
