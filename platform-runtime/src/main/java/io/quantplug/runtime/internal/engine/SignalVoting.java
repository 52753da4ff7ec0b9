package io.quantplug.runtime.internal.engine;

import io.quantplug.api.signal.SignalDirection;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.session.SignalVote;

import java.util.List;
import java.util.Locale;

/**
 * The counting rules of the {@link AggregationPolicy aggregation policies}, as a pure function of one bar's votes.
 *
 * <p>With {@code n} votes (abstentions included), {@code c_d} the number of votes for direction {@code d} and
 * {@code W = sum(w_i)} over all votes:
 * <ul>
 *   <li>a LONG and a SHORT among the votes: no trade, under every policy;</li>
 *   <li>UNANIMOUS: trade {@code d} when {@code c_d = n}; the score is {@code c_d / n}, the threshold 1;</li>
 *   <li>MAJORITY: trade {@code d} when {@code c_d > n / 2} (no opposite vote, by the first rule); the score is
 *       {@code c_d / n}, the threshold 0.5, which the score must exceed;</li>
 *   <li>WEIGHTED: {@code score_d = sum(w_i * s_i over the votes for d) / W}; trade {@code d} when it is the only
 *       direction with {@code score_d >= threshold}. Scores are sums of doubles, in vote order.</li>
 * </ul>
 * The leading direction is the one with the most votes (UNANIMOUS, MAJORITY) or the highest score (WEIGHTED), the
 * first of LONG, FLAT, SHORT on a tie. FLAT is no direction's opposite: a FLAT vote disagrees with a LONG one without
 * blocking it.
 */
final class SignalVoting {

    /**
     * The counted result.
     *
     * @param direction the direction to trade, or null
     * @param leading   the leading direction, or null when nobody voted
     * @param score     the leading direction's agreement, 0 to 1
     * @param threshold the agreement needed
     * @param summary   one line for people, e.g. {@code LONG: 2 of 3 instances (MAJORITY)}
     */
    record Verdict(SignalDirection direction, SignalDirection leading, double score, double threshold,
                   String summary) {
    }

    private static final SignalDirection[] DIRECTIONS = SignalDirection.values();

    private SignalVoting() {
    }

    /**
     * Counts one bar's votes.
     *
     * @param policy    UNANIMOUS, MAJORITY or WEIGHTED
     * @param votes     one per instance of the group, abstentions included; not empty
     * @param threshold WEIGHTED's threshold, in (0, 1]; ignored by the other policies
     * @return the verdict
     * @throws IllegalArgumentException for {@link AggregationPolicy#NONE} or no votes
     */
    static Verdict decide(AggregationPolicy policy, List<SignalVote> votes, double threshold) {
        if (policy == AggregationPolicy.NONE || votes.isEmpty()) {
            throw new IllegalArgumentException("nothing to count: policy " + policy + ", " + votes.size() + " votes");
        }
        int n = votes.size();
        int[] count = new int[DIRECTIONS.length];
        double[] weighted = new double[DIRECTIONS.length];
        double totalWeight = 0;
        for (SignalVote v : votes) {
            totalWeight += v.weight();
            if (v.voted()) {
                count[v.direction().ordinal()]++;
                weighted[v.direction().ordinal()] += v.weight() * v.strength();
            }
        }
        double[] score = new double[DIRECTIONS.length];
        for (int d = 0; d < DIRECTIONS.length; d++) {
            score[d] = policy == AggregationPolicy.WEIGHTED ? weighted[d] / totalWeight : (double) count[d] / n;
        }
        SignalDirection leading = leading(count, score);
        double need = switch (policy) {
            case UNANIMOUS -> 1.0;
            case MAJORITY -> 0.5;
            default -> threshold;
        };
        if (leading == null) {
            return new Verdict(null, null, 0, need, "NO_TRADE: no instance signalled");
        }
        double lead = score[leading.ordinal()];
        if (count[SignalDirection.LONG.ordinal()] > 0 && count[SignalDirection.SHORT.ordinal()] > 0) {
            return new Verdict(null, leading, lead, need, "NO_TRADE: LONG and SHORT on the same bar ("
                    + tally(count, n) + ")");
        }
        return switch (policy) {
            case UNANIMOUS -> count[leading.ordinal()] == n
                    ? new Verdict(leading, leading, lead, need, leading + ": all " + n + " instances (UNANIMOUS)")
                    : new Verdict(null, leading, lead, need, "NO_TRADE: not unanimous (" + tally(count, n) + ")");
            case MAJORITY -> 2 * count[leading.ordinal()] > n
                    ? new Verdict(leading, leading, lead, need, leading + ": " + count[leading.ordinal()] + " of " + n
                    + " instances (MAJORITY)")
                    : new Verdict(null, leading, lead, need, "NO_TRADE: no majority (" + tally(count, n) + ")");
            default -> weightedVerdict(score, leading, threshold);
        };
    }

    private static Verdict weightedVerdict(double[] score, SignalDirection leading, double threshold) {
        double lead = score[leading.ordinal()];
        StringBuilder passing = new StringBuilder();
        int passed = 0;
        for (SignalDirection d : DIRECTIONS) {
            if (score[d.ordinal()] > 0 && score[d.ordinal()] >= threshold) {
                passing.append(passed++ == 0 ? "" : " and ").append(d);
            }
        }
        String scores = "score " + format(lead) + ", threshold " + format(threshold);
        if (passed == 1) {
            return new Verdict(leading, leading, lead, threshold, leading + ": " + scores + " (WEIGHTED)");
        }
        return new Verdict(null, leading, lead, threshold, passed == 0
                ? "NO_TRADE: " + leading + " " + scores + " (WEIGHTED)"
                : "NO_TRADE: " + passing + " both reach the threshold " + format(threshold) + " (WEIGHTED)");
    }

    /** The direction with the most votes or the highest score; null when nobody voted. */
    private static SignalDirection leading(int[] count, double[] score) {
        SignalDirection best = null;
        for (SignalDirection d : DIRECTIONS) {
            int i = d.ordinal();
            if (count[i] > 0 && (best == null || score[i] > score[best.ordinal()])) {
                best = d;
            }
        }
        return best;
    }

    private static String tally(int[] count, int n) {
        StringBuilder b = new StringBuilder();
        int voted = 0;
        for (SignalDirection d : DIRECTIONS) {
            if (count[d.ordinal()] > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(d).append(' ').append(count[d.ordinal()]);
                voted += count[d.ordinal()];
            }
        }
        if (voted < n) {
            b.append(b.length() == 0 ? "" : ", ").append("abstained ").append(n - voted);
        }
        return b.append(" of ").append(n).toString();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
