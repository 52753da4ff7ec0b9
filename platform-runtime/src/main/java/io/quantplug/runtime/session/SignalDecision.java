package io.quantplug.runtime.session;

import io.quantplug.api.signal.SignalDirection;

import java.util.List;
import java.util.Objects;

/**
 * What a signal group decided after a bar, with everything it decided from: the policy, each instance's vote, the
 * agreement score and what became of the decision.
 *
 * <p>The score is the agreement of the leading direction (the decided one, or the best one when there is no trade):
 * under {@link AggregationPolicy#UNANIMOUS} and {@link AggregationPolicy#MAJORITY} the fraction of the group's
 * instances that signalled it, under {@link AggregationPolicy#WEIGHTED} {@code sum(w_i * s_i over them) / sum(w_i
 * over the group)}. A decision is taken when it reaches the threshold: 1 for unanimity, more than 0.5 for a majority,
 * at least the configured threshold when weighted.
 *
 * @param timeMillis session time of the decision (the bar's close), UTC epoch milliseconds
 * @param group      the id the group's orders are owned by, e.g. {@code group}
 * @param policy     the policy
 * @param votes      one vote per instance of the group, in the order the instances were added
 * @param direction  the direction traded, or null for no trade
 * @param score      the agreement of the leading direction, 0 to 1
 * @param threshold  the agreement needed (see above)
 * @param outcome    what happened, e.g. {@code LONG: 2 of 3 instances (MAJORITY); ORDERED} or
 *                   {@code NO_TRADE: LONG and SHORT on the same bar}
 */
public record SignalDecision(long timeMillis, String group, AggregationPolicy policy, List<SignalVote> votes,
                             SignalDirection direction, double score, double threshold, String outcome) {

    /**
     * Checks and copies.
     *
     * @param timeMillis decision time, UTC epoch milliseconds
     * @param group      the group's owner id
     * @param policy     the policy
     * @param votes      the votes
     * @param direction  the direction traded, or null
     * @param score      the leading direction's agreement
     * @param threshold  the agreement needed
     * @param outcome    what happened
     * @throws NullPointerException when a component other than the direction is null
     */
    public SignalDecision {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(outcome, "outcome");
        votes = List.copyOf(votes);
    }

    /**
     * Whether the group traded.
     *
     * @return true when a direction was decided (the pipeline may still have ignored it, see the outcome)
     */
    public boolean traded() {
        return direction != null;
    }
}
