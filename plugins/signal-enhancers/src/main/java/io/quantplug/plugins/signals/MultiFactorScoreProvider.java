package io.quantplug.plugins.signals;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Provides {@code multi-factor-score}: a signal enhancer that scores each entry 0 to 100 from six factors
 * (technical, volume, volatility, momentum, risk/reward, timing), classes it A to D and drops entries below
 * {@code minScore}. See {@link MultiFactorScoreEnhancer} for the behaviour and {@link FactorFormulas} for the
 * formulas. Stateless and thread-safe.
 */
public final class MultiFactorScoreProvider implements EnhancementProvider {

    /** Parameter: the composite below which an entry is dropped. */
    public static final String MIN_SCORE = "minScore";
    /** Parameter: the fast EMA period of the technical factor. */
    public static final String EMA_FAST = "emaFast";
    /** Parameter: the slow EMA period of the technical factor. */
    public static final String EMA_SLOW = "emaSlow";
    /** Parameter: the RSI period of the technical factor. */
    public static final String RSI_PERIOD = "rsiPeriod";
    /** Parameter: bars averaged for the relative volume. */
    public static final String VOLUME_BARS = "volumeBars";
    /** Parameter: the ATR period used by the volatility, momentum, risk/reward and timing factors. */
    public static final String ATR_PERIOD = "atrPeriod";
    /** Parameter: the lower edge of the tradable volatility band. */
    public static final String MIN_VOLATILITY = "minVolatility";
    /** Parameter: the upper edge of the tradable volatility band. */
    public static final String MAX_VOLATILITY = "maxVolatility";
    /** Parameter: the rate-of-change look-back of the momentum factor. */
    public static final String MOMENTUM_BARS = "momentumBars";
    /** Parameter: the swing high/low look-back of the risk/reward factor. */
    public static final String SWING_BARS = "swingBars";
    /** Parameter: the stop distance of the risk/reward factor in ATRs. */
    public static final String STOP_ATR = "stopAtr";
    /** Parameter: the reward/risk ratio that earns the full risk/reward score. */
    public static final String FULL_REWARD_RISK = "fullRewardRisk";
    /** Parameter: the range and mean look-back of the timing factor. */
    public static final String RANGE_BARS = "rangeBars";
    /** Parameter: whether the strength of a passed entry is scaled by the composite. */
    public static final String SCALE_STRENGTH = "scaleStrength";

    private static final Map<Factor, Integer> DEFAULT_WEIGHTS = Map.of(Factor.TECHNICAL, 25, Factor.VOLUME, 10,
            Factor.VOLATILITY, 10, Factor.MOMENTUM, 20, Factor.RISK_REWARD, 20, Factor.TIMING, 15);

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("multi-factor-score",
            "Multi-factor score",
            "Scores each entry 0-100 from six factors (technical trend/RSI agreement, relative volume, ATR volatility"
                    + " band, momentum, room to the swing high/low against an ATR stop, timing in the range) and"
                    + " their weighted composite, classes it A (>= 80), B (>= 65), C (>= 50) or D, and drops entries"
                    + " below minScore. Exits pass unchanged.",
            schema());

    private static ParameterSchema schema() {
        List<ParameterSpec> specs = new ArrayList<>(List.of(
                ParameterSpec.decimal(MIN_SCORE).defaultValue(50).range(0, 100).unit("points")
                        .description("entries whose composite score is below this are dropped; 0 only annotates")
                        .build(),
                bars(EMA_FAST, 12, 1, 1_000, "fast EMA of closes (technical factor); below emaSlow"),
                bars(EMA_SLOW, 26, 2, 2_000, "slow EMA of closes (technical factor)"),
                bars(RSI_PERIOD, 14, 2, 500, "Wilder's RSI period (technical factor)"),
                bars(VOLUME_BARS, 20, 1, 1_000, "bars before the signal bar whose mean volume is the reference of"
                        + " the relative volume (volume factor)"),
                bars(ATR_PERIOD, 14, 1, 500, "Wilder's ATR period (volatility, momentum, risk/reward, timing)"),
                ParameterSpec.decimal(MIN_VOLATILITY).defaultValue(1).range(0.01, 100).unit("% per day")
                        .description("lower edge of the tradable band of ATR / close, scaled to one day by"
                                + " sqrt(day / bar length) (volatility factor)").build(),
                ParameterSpec.decimal(MAX_VOLATILITY).defaultValue(8).range(0.02, 200).unit("% per day")
                        .description("upper edge of the tradable band; above it the score falls to 0 at twice"
                                + " this value; above minVolatility").build(),
                bars(MOMENTUM_BARS, 10, 1, 1_000, "rate-of-change look-back (momentum factor)"),
                bars(SWING_BARS, 50, 1, 5_000, "look-back of the swing high (long) or low (short) that is the"
                        + " target of the risk/reward factor"),
                ParameterSpec.decimal(STOP_ATR).defaultValue(2).range(0.1, 20).unit("ATR")
                        .description("stop distance of the risk/reward factor, in ATRs").build(),
                ParameterSpec.decimal(FULL_REWARD_RISK).defaultValue(3).range(0.1, 50).unit("reward/risk")
                        .description("reward/risk ratio at which the risk/reward factor reaches 100").build(),
                bars(RANGE_BARS, 20, 2, 5_000, "look-back of the range and mean of the timing factor")));
        for (Factor f : Factor.values()) {
            specs.add(ParameterSpec.decimal(f.weightParameter()).defaultValue(DEFAULT_WEIGHTS.get(f)).range(0, 100)
                    .unit("weight").description("relative weight of the " + f.label() + " factor in the composite;"
                            + " the weights are normalised by their sum, which must be > 0").build());
        }
        specs.add(ParameterSpec.bool(SCALE_STRENGTH).defaultValue(false)
                .description("multiply a passed entry's strength by composite / 100").build());
        return new ParameterSchema(specs);
    }

    private static ParameterSpec bars(String name, int defaultValue, int min, int max, String description) {
        return ParameterSpec.integer(name).defaultValue(defaultValue).range(min, max).unit("bars")
                .description(description).build();
    }

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
     * @return a new {@link MultiFactorScoreEnhancer}
     * @throws InvalidParameterException when {@code emaFast >= emaSlow}, {@code minVolatility >= maxVolatility} or
     *                                   every weight is 0; the message names the parameter
     */
    @Override
    public Enhancement create(Parameters parameters) {
        return new MultiFactorScoreEnhancer(settings(parameters));
    }

    static FactorSettings settings(Parameters p) {
        int fast = p.getInt(EMA_FAST);
        int slow = p.getInt(EMA_SLOW);
        if (fast >= slow) {
            throw new InvalidParameterException(EMA_FAST, "parameter '" + EMA_FAST + "' = " + fast
                    + " must be below '" + EMA_SLOW + "' = " + slow);
        }
        double minVol = p.getDouble(MIN_VOLATILITY);
        double maxVol = p.getDouble(MAX_VOLATILITY);
        if (minVol >= maxVol) {
            throw new InvalidParameterException(MAX_VOLATILITY, "parameter '" + MAX_VOLATILITY + "' = "
                    + p.getDecimal(MAX_VOLATILITY).toPlainString() + " must be above '" + MIN_VOLATILITY + "' = "
                    + p.getDecimal(MIN_VOLATILITY).toPlainString() + " (% per day)");
        }
        Map<Factor, Double> weights = new EnumMap<>(Factor.class);
        double sum = 0;
        for (Factor f : Factor.values()) {
            double w = p.getDouble(f.weightParameter());
            weights.put(f, w);
            sum += w;
        }
        if (!(sum > 0)) {
            String first = Factor.TECHNICAL.weightParameter();
            throw new InvalidParameterException(first, "parameters '" + first + "' .. '"
                    + Factor.TIMING.weightParameter() + "' are all 0: at least one factor weight must be > 0");
        }
        return new FactorSettings(p.getDouble(MIN_SCORE), fast, slow, p.getInt(RSI_PERIOD), p.getInt(VOLUME_BARS),
                p.getInt(ATR_PERIOD), minVol, maxVol, p.getInt(MOMENTUM_BARS), p.getInt(SWING_BARS),
                p.getDouble(STOP_ATR), p.getDouble(FULL_REWARD_RISK), p.getInt(RANGE_BARS), weights,
                p.getBoolean(SCALE_STRENGTH));
    }
}
