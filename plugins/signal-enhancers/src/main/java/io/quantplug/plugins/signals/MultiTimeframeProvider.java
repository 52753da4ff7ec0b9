package io.quantplug.plugins.signals;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * Provides {@code multi-timeframe}: a signal enhancer that aggregates the incoming bars into higher timeframes,
 * scores how many of them trend the signal's way, drops entries below {@code minAlignment}, and annotates the rest
 * with the nearest pivot support and resistance. See {@link MultiTimeframeEnhancer}. Stateless and thread-safe.
 */
public final class MultiTimeframeProvider implements EnhancementProvider {

    /** Parameter: the higher timeframes, separated by spaces or {@code +}. */
    public static final String TIMEFRAMES = "timeframes";
    /** Parameter: how the timeframes are weighted in the alignment. */
    public static final String WEIGHTING = "weighting";
    /** Parameter: the trend EMA's period in bars of each higher timeframe. */
    public static final String EMA_PERIOD = "emaPeriod";
    /** Parameter: bars on each side of a pivot. */
    public static final String PIVOT_BARS = "pivotBars";
    /** Parameter: completed higher bars searched for pivots. */
    public static final String LEVEL_BARS = "levelBars";
    /** Parameter: the alignment below which an entry is dropped. */
    public static final String MIN_ALIGNMENT = "minAlignment";
    /** Weighting: the k-th shortest timeframe weighs k. */
    public static final String LINEAR = "linear";
    /** Weighting: every timeframe weighs 1. */
    public static final String EQUAL = "equal";

    private static final int MAX_TIMEFRAMES = 8;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final String ALLOWED_TIMEFRAMES = "1 to " + MAX_TIMEFRAMES + " distinct timeframes from 1m to 1d"
            + " that divide a day evenly, separated by spaces or '+' (on the command line, where ',' separates"
            + " parameters), e.g. 5m 15m 1h 4h 1d or 1h+4h+1d";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("multi-timeframe",
            "Multi-timeframe confluence",
            "Aggregates the incoming bars into higher timeframes (default 5m, 15m, 1h, 4h, 1d), takes each one's"
                    + " trend (close vs. EMA and the EMA's slope, completed bars only), drops entries whose weighted"
                    + " share of agreeing timeframes is below minAlignment, and adds the alignment and the nearest"
                    + " pivot support and resistance to the signal's scores. Exits pass unchanged.",
            ParameterSchema.of(
                    ParameterSpec.string(TIMEFRAMES).defaultValue("5m 15m 1h 4h 1d")
                            .description("higher timeframes built from the incoming bars: " + ALLOWED_TIMEFRAMES
                                    + "; those that are not a whole multiple of the input bars are skipped").build(),
                    ParameterSpec.choice(WEIGHTING, LINEAR, EQUAL).defaultValue(LINEAR)
                            .description("alignment weights: linear = the k-th shortest timeframe weighs k (longer"
                                    + " trends count more), equal = all weigh 1").build(),
                    ParameterSpec.integer(EMA_PERIOD).defaultValue(20).range(2, 500).unit("bars")
                            .description("EMA of each higher timeframe's closes; trend up when the close is above"
                                    + " it and it rises, down when below and falling").build(),
                    ParameterSpec.integer(PIVOT_BARS).defaultValue(2).range(1, 50).unit("bars")
                            .description("bars on each side a swing high/low must exceed to be a pivot (2 ="
                                    + " Williams fractal)").build(),
                    ParameterSpec.integer(LEVEL_BARS).defaultValue(100).range(5, 5_000).unit("bars")
                            .description("completed bars of each higher timeframe searched for pivot support and"
                                    + " resistance").build(),
                    ParameterSpec.decimal(MIN_ALIGNMENT).defaultValue(0.5).range(0, 1).unit("fraction")
                            .description("entries whose weighted share of agreeing timeframes is below this are"
                                    + " dropped; 0 only annotates").build()));

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
     * @return a new {@link MultiTimeframeEnhancer}
     * @throws InvalidParameterException when {@code timeframes} is not a list of {@value #MAX_TIMEFRAMES} or fewer
     *                                   distinct timeframes from 1m to 1d dividing a day, or when
     *                                   {@code levelBars} leaves no room for a pivot ({@code levelBars <=
     *                                   2 pivotBars}); the message names the parameter
     */
    @Override
    public Enhancement create(Parameters parameters) {
        return new MultiTimeframeEnhancer(settings(parameters));
    }

    static ConfluenceSettings settings(Parameters p) {
        List<Timeframe> timeframes = timeframes(p.getString(TIMEFRAMES));
        List<Double> weights = new ArrayList<>();
        for (int k = 1; k <= timeframes.size(); k++) {
            weights.add(LINEAR.equals(p.getString(WEIGHTING)) ? k : 1.0);
        }
        int pivotBars = p.getInt(PIVOT_BARS);
        int levelBars = p.getInt(LEVEL_BARS);
        if (levelBars <= 2 * pivotBars) {
            throw new InvalidParameterException(LEVEL_BARS, "parameter '" + LEVEL_BARS + "' = " + levelBars
                    + " must be above 2 x '" + PIVOT_BARS + "' = " + 2 * pivotBars
                    + " (a pivot needs that many bars around it)");
        }
        return new ConfluenceSettings(timeframes, weights, p.getInt(EMA_PERIOD), pivotBars, levelBars,
                p.getDouble(MIN_ALIGNMENT));
    }

    /**
     * Parses the {@code timeframes} parameter.
     *
     * @param text e.g. {@code 5m 15m 1h 4h 1d} or {@code 1h+4h+1d}; commas also separate
     * @return the timeframes, ascending
     * @throws InvalidParameterException naming {@code timeframes} when the text does not fit
     */
    static List<Timeframe> timeframes(String text) {
        List<Timeframe> out = new ArrayList<>();
        for (String part : text.strip().split("[\\s+,]+", -1)) {
            Timeframe tf;
            try {
                tf = Timeframe.parse(part);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw invalidTimeframes(text, "'" + part.strip() + "' is not a timeframe");
            }
            if (tf.millis() < Timeframe.M1.millis() || tf.millis() > DAY_MILLIS || DAY_MILLIS % tf.millis() != 0) {
                throw invalidTimeframes(text, tf.label() + " is not between 1m and 1d or does not divide a day");
            }
            if (out.contains(tf)) {
                throw invalidTimeframes(text, tf.label() + " is given twice");
            }
            out.add(tf);
        }
        if (out.size() > MAX_TIMEFRAMES) {
            throw invalidTimeframes(text, out.size() + " timeframes are too many");
        }
        out.sort(null);
        return out;
    }

    private static InvalidParameterException invalidTimeframes(String text, String why) {
        return new InvalidParameterException(TIMEFRAMES, "parameter '" + TIMEFRAMES + "' = '" + text.strip()
                + "' is invalid: " + why + "; allowed " + ALLOWED_TIMEFRAMES);
    }
}
