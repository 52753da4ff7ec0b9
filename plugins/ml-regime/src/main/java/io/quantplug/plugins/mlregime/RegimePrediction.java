package io.quantplug.plugins.mlregime;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the classifier says about one bar: the regime with the highest score, that score (the confidence), and the
 * score of every regime. The scores are the forest's soft vote: the mean over the trees of each tree's class
 * proportions in the leaf the bar falls in (Tribuo's {@code FullyWeightedVotingCombiner}); they sum to 1 up to
 * rounding. Immutable.
 */
public final class RegimePrediction {

    private final long bar;
    private final long closeTimeMillis;
    private final MarketRegime regime;
    private final double confidence;
    private final double[] probabilities;

    /**
     * A prediction.
     *
     * @param bar             the index of the bar it is about in the instrument's stream (0 for the first bar)
     * @param closeTimeMillis that bar's close time, UTC epoch milliseconds
     * @param regime          the regime with the highest score, not null
     * @param confidence      its score, 0 to 1
     * @param probabilities   the score of each regime by {@link MarketRegime#ordinal()}, four values 0 to 1
     *                        (copied)
     * @throws IllegalArgumentException when there are not four scores
     */
    public RegimePrediction(long bar, long closeTimeMillis, MarketRegime regime, double confidence,
                            double[] probabilities) {
        this.bar = bar;
        this.closeTimeMillis = closeTimeMillis;
        this.regime = Objects.requireNonNull(regime, "regime");
        this.confidence = confidence;
        if (probabilities.length != MarketRegime.values().length) {
            throw new IllegalArgumentException("need " + MarketRegime.values().length + " scores, got "
                    + probabilities.length);
        }
        this.probabilities = probabilities.clone();
    }

    /**
     * The bar the prediction is about.
     *
     * @return its index in the instrument's stream, 0 for the first bar the enhancer saw
     */
    public long bar() {
        return bar;
    }

    /**
     * The close time of the bar the prediction is about: the decision time it serves.
     *
     * @return UTC epoch milliseconds
     */
    public long closeTimeMillis() {
        return closeTimeMillis;
    }

    /**
     * The predicted regime.
     *
     * @return the regime with the highest score
     */
    public MarketRegime regime() {
        return regime;
    }

    /**
     * The forest's score for the predicted regime.
     *
     * @return 0 to 1; at least 1/4 whenever all four regimes were in the training set
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The forest's score for one regime.
     *
     * @param r the regime, not null
     * @return 0 to 1; 0 for a regime absent from the training set
     */
    public double probability(MarketRegime r) {
        return probabilities[r.ordinal()];
    }

    /**
     * All four scores.
     *
     * @return a copy, indexed by {@link MarketRegime#ordinal()}
     */
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegimePrediction p && p.bar == bar && p.closeTimeMillis == closeTimeMillis
                && p.regime == regime && Double.compare(p.confidence, confidence) == 0
                && Arrays.equals(p.probabilities, probabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bar, closeTimeMillis, regime, confidence, Arrays.hashCode(probabilities));
    }

    @Override
    public String toString() {
        return "RegimePrediction[bar " + bar + ", " + regime + " " + confidence + ", "
                + Arrays.toString(probabilities) + "]";
    }
}
