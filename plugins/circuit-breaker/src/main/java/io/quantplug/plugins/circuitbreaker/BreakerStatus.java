package io.quantplug.plugins.circuitbreaker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state machine's variables, immutable: each change of {@link CircuitBreakerRule} replaces the whole value.
 *
 * @param state            the state
 * @param sinceMillis      when the state was entered, UTC epoch milliseconds
 * @param trippedAtMillis  when the breaker last tripped (0 before the first trip)
 * @param halfOpenAtMillis when the current OPEN state ends (meaningful while OPEN)
 * @param trip             the cause of the last trip, null before the first trip
 * @param lossStreak       round trips in a row closed at a loss
 * @param probesUsed       orders adding exposure let through in the current HALF_OPEN state
 * @param lastProbeMillis  when the last of them was let through
 * @param generation       how many times the breaker has entered HALF_OPEN; marks the round trips of each probe
 * @param lastEventSeq     the sequence number of the last event
 */
record BreakerStatus(CircuitState state, long sinceMillis, long trippedAtMillis, long halfOpenAtMillis, Cause trip,
                     int lossStreak, int probesUsed, long lastProbeMillis, long generation, long lastEventSeq) {

    static BreakerStatus initial() {
        return new BreakerStatus(CircuitState.CLOSED, 0, 0, 0, null, 0, 0, 0, 0, 0);
    }

    BreakerStatus open(long now, long halfOpenAt, Cause cause) {
        return new BreakerStatus(CircuitState.OPEN, now, now, halfOpenAt, cause, lossStreak, 0, lastProbeMillis,
                generation, lastEventSeq);
    }

    BreakerStatus halfOpen(long at) {
        return new BreakerStatus(CircuitState.HALF_OPEN, at, trippedAtMillis, halfOpenAtMillis, trip, lossStreak, 0,
                lastProbeMillis, generation + 1, lastEventSeq);
    }

    BreakerStatus closed(long now) {
        return new BreakerStatus(CircuitState.CLOSED, now, trippedAtMillis, halfOpenAtMillis, trip, lossStreak, 0,
                lastProbeMillis, generation, lastEventSeq);
    }

    BreakerStatus withProbe(long now) {
        return new BreakerStatus(state, sinceMillis, trippedAtMillis, halfOpenAtMillis, trip, lossStreak,
                probesUsed + 1, now, generation, lastEventSeq);
    }

    BreakerStatus withProbesRenewed() {
        return new BreakerStatus(state, sinceMillis, trippedAtMillis, halfOpenAtMillis, trip, lossStreak, 0,
                lastProbeMillis, generation, lastEventSeq);
    }

    BreakerStatus withLossStreak(int streak) {
        return new BreakerStatus(state, sinceMillis, trippedAtMillis, halfOpenAtMillis, trip, streak, probesUsed,
                lastProbeMillis, generation, lastEventSeq);
    }

    BreakerStatus withLastEventSeq(long seq) {
        return new BreakerStatus(state, sinceMillis, trippedAtMillis, halfOpenAtMillis, trip, lossStreak, probesUsed,
                lastProbeMillis, generation, seq);
    }

    void writeTo(Map<String, String> out) {
        out.put("state", state.name());
        out.put("since", Long.toString(sinceMillis));
        out.put("trippedAt", Long.toString(trippedAtMillis));
        out.put("halfOpenAt", Long.toString(halfOpenAtMillis));
        out.put("lossStreak", Integer.toString(lossStreak));
        out.put("probesUsed", Integer.toString(probesUsed));
        out.put("lastProbeAt", Long.toString(lastProbeMillis));
        out.put("generation", Long.toString(generation));
        out.put("lastEventSeq", Long.toString(lastEventSeq));
        if (trip != null) {
            out.put("lastTrip.reason", trip.reason().name());
            out.put("lastTrip.message", trip.message());
            trip.values().forEach((k, v) -> out.put("lastTrip.value." + k, v));
        }
    }

    /** Reads {@link #writeTo}'s output; throws IllegalArgumentException or NullPointerException when it cannot. */
    static BreakerStatus readFrom(Map<String, String> in) {
        Cause trip = null;
        String reason = in.get("lastTrip.reason");
        if (reason != null) {
            Map<String, String> values = new LinkedHashMap<>();
            in.keySet().stream().filter(k -> k.startsWith("lastTrip.value.")).sorted()
                    .forEach(k -> values.put(k.substring("lastTrip.value.".length()), in.get(k)));
            trip = new Cause(CircuitReason.valueOf(reason), in.get("lastTrip.message"), values);
        }
        CircuitState state = CircuitState.valueOf(in.get("state"));
        if (state != CircuitState.CLOSED && trip == null) {
            throw new IllegalArgumentException("state " + state + " without a trip");
        }
        return new BreakerStatus(state, Long.parseLong(in.get("since")), Long.parseLong(in.get("trippedAt")),
                Long.parseLong(in.get("halfOpenAt")), trip, Integer.parseInt(in.get("lossStreak")),
                Integer.parseInt(in.get("probesUsed")), Long.parseLong(in.get("lastProbeAt")),
                Long.parseLong(in.get("generation")), Long.parseLong(in.get("lastEventSeq")));
    }
}
