package io.quantplug.runtime.session;

import io.quantplug.api.signal.SignalDirection;

import java.util.Objects;

/**
 * One strategy instance's part in an aggregated decision: the direction of the last signal it emitted for the bar
 * (after the signal enhancers), or none when it abstained.
 *
 * @param instance   the strategy instance id
 * @param direction  what it signalled, or null when it emitted nothing for the bar (or an enhancer filtered it)
 * @param strength   its signal's strength, 0 to 1; 0 when it abstained
 * @param confidence its signal's confidence, 0 to 1; 0 when it abstained
 * @param weight     its weight in the group, &gt; 0 (1 under the policies without weights)
 * @param reason     its signal's reason, or null when it abstained
 */
public record SignalVote(String instance, SignalDirection direction, double strength, double confidence,
                         double weight, String reason) {

    /**
     * Checks the components.
     *
     * @param instance   the instance id
     * @param direction  the direction, or null
     * @param strength   0 to 1
     * @param confidence 0 to 1
     * @param weight     &gt; 0 and finite
     * @param reason     the reason, or null
     * @throws NullPointerException     when the instance is null
     * @throws IllegalArgumentException when a number is out of its range
     */
    public SignalVote {
        Objects.requireNonNull(instance, "instance");
        if (!(strength >= 0 && strength <= 1) || !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("vote of " + instance + ": strength and confidence must be in 0..1");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("vote of " + instance + ": weight must be > 0, got " + weight);
        }
    }

    /**
     * An instance that emitted nothing for the bar.
     *
     * @param instance the instance id
     * @param weight   its weight
     * @return the abstention
     */
    public static SignalVote abstained(String instance, double weight) {
        return new SignalVote(instance, null, 0, 0, weight, null);
    }

    /**
     * Whether the instance signalled on the bar.
     *
     * @return false for an abstention
     */
    public boolean voted() {
        return direction != null;
    }
}
