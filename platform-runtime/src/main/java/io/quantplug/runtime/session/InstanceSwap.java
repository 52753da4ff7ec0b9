package io.quantplug.runtime.session;

import java.util.Objects;

/**
 * What became of a request to swap an extension instance of a running session to another provider (usually the same
 * extension id from a new version of its plugin): a strategy instance, a risk rule, a signal enhancer or a position
 * sizer.
 *
 * @param instanceId  the strategy instance id, or the id of the risk rule or enhancement
 * @param outcome     what happened
 * @param barsBefore  how many bars the session had processed when the swap took effect: the old version saw bars
 *                    {@code 1..barsBefore}, the new one sees the rest; -1 when it did not take effect
 * @param message     why it was not applied or failed, or null
 */
public record InstanceSwap(String instanceId, Outcome outcome, long barsBefore, String message) {

    /** The outcomes of a swap. */
    public enum Outcome {
        /** The new instance continues from the old one's {@code snapshot()}. */
        RESTORED,
        /** The old instance gave no snapshot, or the new one declined it: the new one started fresh. */
        STARTED_FRESH,
        /**
         * The new instance could not be created or restored (the fault is reported): a strategy instance is stopped;
         * a risk rule is replaced by one that rejects every order, and an enhancement by one that lets exits through
         * only (fail closed).
         */
        FAILED,
        /**
         * Nothing changed: the session had finished, the instance was already stopped or does not exist, or the
         * extension's parameters are not known to the session.
         */
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
    public InstanceSwap {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
