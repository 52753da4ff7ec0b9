package io.quantplug.plugins.mlregime;

/**
 * The checked parameters of one {@code ml-regime} instance (see {@link MlRegimeProvider} for their meaning, units
 * and bounds). Immutable.
 *
 * @param featureBars         n, the short window of the features, bars
 * @param longBars            m, the long window of the features and the labels' reference volatility, bars, &gt; n
 * @param horizonBars         h, the bars a label looks ahead
 * @param trendThreshold      z, the trend threshold of the labels in random-walk standard deviations
 * @param volatilityThreshold rho, the volatility multiple of the HIGH_VOLATILITY label
 * @param minTrainingExamples labelled examples needed for the first fit
 * @param trainingWindow      the most recent labelled examples a fit learns from, &ge; minTrainingExamples
 * @param retrainEveryBars    bars between fits
 * @param trees               trees of the forest
 * @param maxDepth            deepest level of a tree
 * @param minConfidence       the forest's score from which a contradicting entry is dropped, 0 to 1
 * @param seed                seed of the forest's random draws
 */
record MlRegimeSettings(int featureBars, int longBars, int horizonBars, double trendThreshold,
                        double volatilityThreshold, int minTrainingExamples, int trainingWindow,
                        int retrainEveryBars, int trees, int maxDepth, double minConfidence, long seed) {

    /** @return the feature calculator of these windows */
    RegimeFeatures features() {
        return new RegimeFeatures(featureBars, longBars);
    }

    /** @return the labeler of these thresholds */
    RegimeLabeler labeler() {
        return new RegimeLabeler(horizonBars, longBars, trendThreshold, volatilityThreshold);
    }

    /** @return the walk-forward schedule */
    WalkForwardSchedule schedule() {
        return new WalkForwardSchedule(longBars, horizonBars, minTrainingExamples, trainingWindow, retrainEveryBars);
    }

    /** @return the forest trainer */
    RegimeForest forest() {
        return new RegimeForest(trees, maxDepth, seed);
    }
}
