package io.quantplug.runtime.backtest;

import io.quantplug.runtime.session.AggregationPolicy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a backtest's strategies share its one account: each on its own ({@link #none()}), or as one signal group under
 * an {@link AggregationPolicy} whose decisions are the only signals that reach the sizer and the risk rules.
 *
 * @param policy    the policy
 * @param weights   WEIGHTED: one weight per strategy, in the configuration's order, each &gt; 0 and finite; empty
 *                  for the other policies
 * @param threshold WEIGHTED: the agreement a direction needs, {@code sum(w_i * s_i over the instances signalling it)
 *                  / sum(w_i)}, in (0, 1]; 1 (unused) for the other policies
 */
public record SignalAggregation(AggregationPolicy policy, List<Double> weights, double threshold) {

    private static final SignalAggregation NONE = new SignalAggregation(AggregationPolicy.NONE, List.of(), 1);

    /**
     * Checks the numbers.
     *
     * @param policy    the policy
     * @param weights   the weights (WEIGHTED only)
     * @param threshold the threshold (WEIGHTED only)
     * @throws NullPointerException           when the policy or the weights are null
     * @throws BacktestConfigurationException when a weight is not &gt; 0, the threshold is outside (0, 1], or weights
     *                                        are given to a policy that does not use them
     */
    public SignalAggregation {
        Objects.requireNonNull(policy, "policy");
        weights = List.copyOf(weights);
        if (policy != AggregationPolicy.WEIGHTED) {
            if (!weights.isEmpty()) {
                throw new BacktestConfigurationException("aggregation " + policy + " takes no weights; only WEIGHTED"
                        + " does");
            }
            threshold = 1;
        } else {
            for (int i = 0; i < weights.size(); i++) {
                double w = weights.get(i);
                if (!(w > 0) || Double.isInfinite(w)) {
                    throw new BacktestConfigurationException("aggregation weight " + (i + 1) + " = " + w
                            + " is out of range: allowed > 0 (finite)");
                }
            }
            if (!(threshold > 0 && threshold <= 1)) {
                throw new BacktestConfigurationException("aggregation threshold = " + threshold
                        + " is out of range: allowed (0, 1]");
            }
        }
    }

    /**
     * Each strategy trades on its own, its orders its own (the default).
     *
     * @return the policy {@code NONE}
     */
    public static SignalAggregation none() {
        return NONE;
    }

    /**
     * Trade when every strategy signals the same direction on a bar.
     *
     * @return the policy {@code UNANIMOUS}
     */
    public static SignalAggregation unanimous() {
        return new SignalAggregation(AggregationPolicy.UNANIMOUS, List.of(), 1);
    }

    /**
     * Trade when more than half of the strategies signal a direction on a bar and none the opposite.
     *
     * @return the policy {@code MAJORITY}
     */
    public static SignalAggregation majority() {
        return new SignalAggregation(AggregationPolicy.MAJORITY, List.of(), 1);
    }

    /**
     * Trade a direction when its weighted, strength-scaled agreement reaches a threshold (see {@link #threshold()}).
     *
     * @param weights   one per strategy, in the configuration's order, each &gt; 0
     * @param threshold in (0, 1]
     * @return the policy {@code WEIGHTED}
     * @throws BacktestConfigurationException when a number is out of range
     */
    public static SignalAggregation weighted(List<Double> weights, double threshold) {
        return new SignalAggregation(AggregationPolicy.WEIGHTED, weights, threshold);
    }

    /**
     * The policy as the result's {@code run} block names it.
     *
     * @return e.g. {@code MAJORITY} or {@code WEIGHTED:threshold=0.6,weights=1;2;1}
     */
    public String describe() {
        if (policy != AggregationPolicy.WEIGHTED) {
            return policy.name();
        }
        return "WEIGHTED:threshold=" + plain(threshold) + ",weights="
                + weights.stream().map(SignalAggregation::plain).collect(Collectors.joining(";"));
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
