package io.quantplug.plugins.mlregime;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

/**
 * Provides {@code ml-regime}, a signal enhancer that classifies the market into TREND_UP, TREND_DOWN, RANGE or
 * HIGH_VOLATILITY with a random forest trained walk-forward on past bars, and drops entries that contradict a
 * confident regime. See {@link MlRegimeEnhancer}.
 *
 * <p>Stateless and thread-safe.
 */
public final class MlRegimeProvider implements EnhancementProvider {

    /** Parameter: the short window of the features. */
    public static final String FEATURE_BARS = "featureBars";
    /** Parameter: the long window of the features and of the labels' reference volatility. */
    public static final String LONG_BARS = "longBars";
    /** Parameter: the bars a label looks ahead. */
    public static final String HORIZON_BARS = "horizonBars";
    /** Parameter: the trend threshold of the labels. */
    public static final String TREND_THRESHOLD = "trendThreshold";
    /** Parameter: the volatility multiple of the HIGH_VOLATILITY label. */
    public static final String VOLATILITY_THRESHOLD = "volatilityThreshold";
    /** Parameter: labelled examples needed for the first fit. */
    public static final String MIN_TRAINING_EXAMPLES = "minTrainingExamples";
    /** Parameter: the most recent labelled examples a fit learns from. */
    public static final String TRAINING_WINDOW = "trainingWindow";
    /** Parameter: bars between fits. */
    public static final String RETRAIN_EVERY_BARS = "retrainEveryBars";
    /** Parameter: trees of the forest. */
    public static final String TREES = "trees";
    /** Parameter: deepest level of a tree. */
    public static final String MAX_DEPTH = "maxDepth";
    /** Parameter: the forest's score from which a contradicting entry is dropped. */
    public static final String MIN_CONFIDENCE = "minConfidence";
    /** Parameter: the seed of the forest. */
    public static final String SEED = "seed";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("ml-regime", "ML regime filter",
            "A random forest (Tribuo), trained walk-forward on features of past bars, classifies the market as"
                    + " TREND_UP, TREND_DOWN, RANGE or HIGH_VOLATILITY; entries against a confident regime (long in"
                    + " TREND_DOWN, short in TREND_UP, any in HIGH_VOLATILITY) are dropped, the others scored with"
                    + " the regime, its confidence and each regime's probability. Exits pass.",
            ParameterSchema.of(
                    ParameterSpec.integer(FEATURE_BARS).defaultValue(24).range(2, 500).unit("bars")
                            .description("short window of the features: return, realised volatility, mean true"
                                    + " range, EMA period and range position").build(),
                    ParameterSpec.integer(LONG_BARS).defaultValue(168).range(3, 5_000).unit("bars")
                            .description("long window, above featureBars: long return, the reference volatility of"
                                    + " the volatility ratio, trend strength and labels, and the volume z-score")
                            .build(),
                    ParameterSpec.integer(HORIZON_BARS).defaultValue(24).range(1, 1_000).unit("bars")
                            .description("bars after a bar whose return and volatility give its training label")
                            .build(),
                    ParameterSpec.decimal(TREND_THRESHOLD).defaultValue(1.0).range(0.1, 10)
                            .unit("standard deviations")
                            .description("a forward return beyond this many reference volatilities times"
                                    + " sqrt(horizonBars) labels TREND_UP or TREND_DOWN").build(),
                    ParameterSpec.decimal(VOLATILITY_THRESHOLD).defaultValue(1.5).range(1, 10).unit("x")
                            .description("a forward realised volatility above this multiple of the reference"
                                    + " volatility labels HIGH_VOLATILITY").build(),
                    ParameterSpec.integer(MIN_TRAINING_EXAMPLES).defaultValue(500).range(50, 50_000)
                            .unit("examples")
                            .description("labelled examples needed before the first fit; signals pass unchanged"
                                    + " until then").build(),
                    ParameterSpec.integer(TRAINING_WINDOW).defaultValue(1_000).range(50, 50_000).unit("examples")
                            .description("a fit learns from this many most recent labelled examples, at least"
                                    + " minTrainingExamples").build(),
                    ParameterSpec.integer(RETRAIN_EVERY_BARS).defaultValue(250).range(1, 50_000).unit("bars")
                            .description("bars between two fits").build(),
                    ParameterSpec.integer(TREES).defaultValue(50).range(1, 500).unit("trees")
                            .description("trees of the random forest").build(),
                    ParameterSpec.integer(MAX_DEPTH).defaultValue(6).range(1, 30).unit("levels")
                            .description("deepest level of a tree").build(),
                    ParameterSpec.decimal(MIN_CONFIDENCE).defaultValue(0.5).range(0, 1)
                            .description("an entry against the predicted regime is dropped when the forest's score"
                                    + " for that regime is at least this (0 to 1)").build(),
                    ParameterSpec.integer(SEED).defaultValue(42).range(0, Long.MAX_VALUE)
                            .description("seed of the bootstrap samples and feature draws: same seed, same data,"
                                    + " same decisions").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EnhancementKind kind() {
        return EnhancementKind.SIGNAL_ENHANCER;
    }

    /**
     * Creates the enhancer.
     *
     * @param parameters resolved against {@link #descriptor()}'s schema
     * @return a new {@link MlRegimeEnhancer}
     * @throws InvalidParameterException when {@code longBars} is not above {@code featureBars} or
     *                                   {@code trainingWindow} is below {@code minTrainingExamples}; the message
     *                                   names the parameter and its allowed range
     */
    @Override
    public Enhancement create(Parameters parameters) {
        int featureBars = parameters.getInt(FEATURE_BARS);
        int longBars = parameters.getInt(LONG_BARS);
        int minExamples = parameters.getInt(MIN_TRAINING_EXAMPLES);
        int window = parameters.getInt(TRAINING_WINDOW);
        if (longBars <= featureBars) {
            throw new InvalidParameterException(LONG_BARS, "parameter '" + LONG_BARS + "' = " + longBars
                    + " is out of range: allowed " + (featureBars + 1) + " .. 5000 (bars), above " + FEATURE_BARS
                    + " (" + featureBars + ")");
        }
        if (window < minExamples) {
            throw new InvalidParameterException(TRAINING_WINDOW, "parameter '" + TRAINING_WINDOW + "' = " + window
                    + " is out of range: allowed " + minExamples + " .. 50000 (examples), at least "
                    + MIN_TRAINING_EXAMPLES + " (" + minExamples + ")");
        }
        return new MlRegimeEnhancer(new MlRegimeSettings(featureBars, longBars, parameters.getInt(HORIZON_BARS),
                parameters.getDouble(TREND_THRESHOLD), parameters.getDouble(VOLATILITY_THRESHOLD), minExamples,
                window, parameters.getInt(RETRAIN_EVERY_BARS), parameters.getInt(TREES),
                parameters.getInt(MAX_DEPTH), parameters.getDouble(MIN_CONFIDENCE), parameters.getLong(SEED)));
    }
}
