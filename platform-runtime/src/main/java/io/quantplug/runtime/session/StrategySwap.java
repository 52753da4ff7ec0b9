package io.quantplug.runtime.session;

import java.util.Objects;

/**
 * What became of a request to swap a strategy instance to another provider (usually the same strategy from a new
 * version of its plugin) under a running session.
 *
 * @param instanceId  the instance
 * @param outcome     what happened
 * @param barsBefore  how many bars the session had processed when the swap took effect: the old version saw bars
 *                    {@code 1..barsBefore}, the new one sees the rest; -1 when it did not take effect
 * @param message     why it was not applied or failed, or null
 */
public record StrategySwap(String instanceId, Outcome outcome, long barsBefore, String message) {

    /** The outcomes of a swap. */
    public enum Outcome {
        /** The new instance continues from the old one's {@code snapshot()}. */
        RESTORED,
        /** The old instance gave no snapshot, or the new one declined it: the new one started fresh. */
        STARTED_FRESH,
        /** The new instance could not be created or restored: the instance is stopped (the fault is reported). */
        FAILED,
        /** Nothing changed: the session had finished, or the instance was already stopped or does not exist. */
        NOT_APPLIED
    }

    /**
     * Checks the required components.
     *
     * @param instanceId the instance
     * @param outcome    what happened
     * @param barsBefore bars processed before the swap took effect, or -1
     * @param message    why it was not applied or failed, or null
     */
    public StrategySwap {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
