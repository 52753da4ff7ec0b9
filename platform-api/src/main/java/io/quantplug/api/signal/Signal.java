package io.quantplug.api.signal;

import io.quantplug.api.instrument.InstrumentId;

import java.util.Map;
import java.util.Objects;

/**
 * A strategy's view of what position to hold, before sizing and risk.
 *
 * @param instrument the instrument
 * @param direction  the exposure wanted
 * @param strength   how strongly, 0 to 1 (1 = full conviction); sizers may scale by it
 * @param confidence how sure, 0 to 1; enhancers and aggregation policies may weigh by it
 * @param timeMillis decision time, UTC epoch milliseconds
 * @param reason     why, for people, not blank
 * @param scores     named scores added by enhancers (e.g. {@code momentum -> 72.5}); empty when none
 */
public record Signal(InstrumentId instrument, SignalDirection direction, double strength, double confidence,
                     long timeMillis, String reason, Map<String, Double> scores) {

    /**
     * Validates the signal.
     *
     * @param instrument the instrument
     * @param direction the exposure wanted
     * @param strength how strongly, 0 to 1 (1 = full conviction); sizers may scale by it
     * @param confidence how sure, 0 to 1; enhancers and aggregation policies may weigh by it
     * @param timeMillis decision time, UTC epoch milliseconds
     * @param reason why, for people, not blank
     * @param scores named scores added by enhancers (e.g. {@code momentum -> 72.5}); empty when none
     * @throws IllegalArgumentException when strength or confidence is outside 0..1 or the reason is blank
     * 
     */
    public Signal {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(reason, "reason");
        scores = Map.copyOf(scores);
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("signal strength must be in 0..1, got " + strength);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("signal confidence must be in 0..1, got " + confidence);
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a signal needs a reason");
        }
    }

    /**
     * A full-strength, full-confidence signal without scores.
     *
     * @param instrument the instrument
     * @param direction  the exposure wanted
     * @param timeMillis decision time, UTC epoch milliseconds
     * @param reason     why
     * @return the signal
     */
    public static Signal of(InstrumentId instrument, SignalDirection direction, long timeMillis, String reason) {
        return new Signal(instrument, direction, 1.0, 1.0, timeMillis, reason, Map.of());
    }

    /**
     * A copy with one more score.
     *
     * @param name  score name
     * @param value score value
     * @return the new signal
     */
    public Signal withScore(String name, double value) {
        var copy = new java.util.HashMap<>(scores);
        copy.put(name, value);
        return new Signal(instrument, direction, strength, confidence, timeMillis, reason, copy);
    }

    /**
     * A copy with another strength and confidence.
     *
     * @param strength   0 to 1
     * @param confidence 0 to 1
     * @return the new signal
     */
    public Signal withStrength(double strength, double confidence) {
        return new Signal(instrument, direction, strength, confidence, timeMillis, reason, scores);
    }
}
