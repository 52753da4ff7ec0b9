package io.quantplug.plugins.volatility;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * Provides {@code regime-trend}: a Donchian breakout that trades in calm volatility regimes, cuts its signal strength
 * as the regime gets wilder, stands aside and exits in EXTREME, and protects each position with a stop order a
 * multiple of the forecast volatility away from the entry. See {@link RegimeTrendStrategy} for the rule. The regime
 * parameters are those of the {@code volatility-regime} enhancer, and the forecast ones those of the
 * {@code black-swan-guard}; the ranges below are inclusive.
 */
public final class RegimeTrendProvider implements StrategyProvider {

    /** Parameter: bars of the entry channel. */
    public static final String ENTRY_BARS = "entryBars";
    /** Parameter: bars of the exit channel. */
    public static final String EXIT_BARS = "exitBars";
    /** Parameter: signal strength of an entry in LOW. */
    public static final String STRENGTH_LOW = "strengthLow";
    /** Parameter: signal strength of an entry in MEDIUM. */
    public static final String STRENGTH_MEDIUM = "strengthMedium";
    /** Parameter: signal strength of an entry in HIGH. */
    public static final String STRENGTH_HIGH = "strengthHigh";
    /** Parameter: the stop distance in forecast sigmas. */
    public static final String STOP_MULTIPLE = "stopMultiple";
    /** Parameter: whether downside breakouts open shorts. */
    public static final String ALLOW_SHORT = "allowShort";
    /** Parameter: {@code ewma-rank} or {@code hmm}, the regime model (as the enhancer's). */
    public static final String REGIME_MODEL = RegimeSettings.REGIME_MODEL;
    /** Parameter: {@code ewma} or {@code garch}, the forecast of the stop's sigma (as the guard's). */
    public static final String VOLATILITY_MODEL = ForecastSettings.VOLATILITY_MODEL;

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("regime-trend",
            "Regime trend",
            "Donchian breakout in calm volatility regimes: long when the close breaks above the highest high of the "
                    + "last entryBars bars (short below the lowest low, if allowed), out when it breaks the exitBars "
                    + "channel the other way or the regime turns EXTREME; signal strength 1 / 0.5 / 0.25 in LOW / "
                    + "MEDIUM / HIGH; a stop order stopMultiple forecast sigmas (GARCH(1,1) walk-forward, EWMA before) "
                    + "from the entry.",
            schema());

    private static ParameterSchema schema() {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(ParameterSpec.integer(ENTRY_BARS).defaultValue(20).range(2, 10_000).unit("bars")
                .description("entry channel: enter when the close breaks the highest high (lowest low) of this many "
                        + "bars before it").build());
        specs.add(ParameterSpec.integer(EXIT_BARS).defaultValue(10).range(1, 10_000).unit("bars")
                .description("exit channel: exit a long when the close falls below the lowest low of this many bars "
                        + "before it (a short above the highest high)").build());
        specs.add(ParameterSpec.decimal(STRENGTH_LOW).defaultValue(1).range(0.01, 1)
                .description("signal strength of an entry in LOW (a strength-aware sizer scales the size by it)")
                .build());
        specs.add(ParameterSpec.decimal(STRENGTH_MEDIUM).defaultValue(0.5).range(0.01, 1)
                .description("signal strength of an entry in MEDIUM; at most strengthLow").build());
        specs.add(ParameterSpec.decimal(STRENGTH_HIGH).defaultValue(0.25).range(0.01, 1)
                .description("signal strength of an entry in HIGH; at most strengthMedium").build());
        specs.add(ParameterSpec.decimal(STOP_MULTIPLE).defaultValue(3).range(0.1, 100).unit("sigmas")
                .description("stop at entry - stopMultiple x sigma x entry for a long (+ for a short), sigma the "
                        + "one-step forecast of the log-return volatility when the entry fills").build());
        specs.add(ParameterSpec.bool(ALLOW_SHORT).defaultValue(false)
                .description("open shorts on downside breakouts (venues that allow shorting only)").build());
        specs.addAll(RegimeSettings.specs());
        specs.addAll(ForecastSettings.specs(ForecastSettings.GARCH));
        return new ParameterSchema(specs);
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Creates the strategy.
     *
     * @param context the instance's context, its parameters checked against {@link #descriptor()}'s schema
     * @return a new strategy
     * @throws InvalidParameterException when the strengths do not fall from LOW to HIGH, the regime percentiles do
     *                                   not rise, or the HMM window is too short for its states
     */
    @Override
    public Strategy create(StrategyContext context) {
        return new RegimeTrendStrategy(context, TrendSettings.of(context.parameters()));
    }
}
