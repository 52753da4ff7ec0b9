package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;

/**
 * Provides {@code circuit-breaker}: halts new exposure when the account loses too much in a day or too fast, holds
 * too many positions, loses several round trips in a row, or sees a volatility spike, and lets trading resume through
 * a cooldown and a probe. See {@link CircuitBreakerRule} for the states and every formula.
 *
 * <p>Every threshold may be set to 0 to turn its trigger off; the ranges below are inclusive.
 */
public final class CircuitBreakerProvider implements RiskRuleProvider {

    /** Parameter: daily loss limit, percent of start-of-day equity. */
    public static final String DAILY_LOSS_PERCENT = "dailyLossPercent";
    /** Parameter: rapid drawdown threshold, percent below the peak within the window. */
    public static final String DRAWDOWN_PERCENT = "drawdownPercent";
    /** Parameter: the rapid drawdown window, minutes. */
    public static final String DRAWDOWN_WINDOW_MINUTES = "drawdownWindowMinutes";
    /** Parameter: the most positions open at once. */
    public static final String MAX_OPEN_POSITIONS = "maxOpenPositions";
    /** Parameter: the most round trips in a row closed at a loss. */
    public static final String MAX_CONSECUTIVE_LOSSES = "maxConsecutiveLosses";
    /** Parameter: the volatility spike threshold, standard deviations. */
    public static final String VOLATILITY_K = "volatilityK";
    /** Parameter: bars in the rolling standard deviation. */
    public static final String VOLATILITY_WINDOW_BARS = "volatilityWindowBars";
    /** Parameter: which bar measure is watched, {@code return}, {@code range} or {@code either}. */
    public static final String VOLATILITY_MEASURE = "volatilityMeasure";
    /** Parameter: minutes OPEN before HALF_OPEN. */
    public static final String COOLDOWN_MINUTES = "cooldownMinutes";
    /** Parameter: orders adding exposure allowed while HALF_OPEN. */
    public static final String PROBE_ORDERS = "probeOrders";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("circuit-breaker",
            "Circuit breaker",
            "Stops orders that add exposure after a daily loss limit, a rapid drawdown, too many open positions, "
                    + "consecutive losing round trips or a volatility spike; resumes after a cooldown through a "
                    + "probe trade.",
            ParameterSchema.of(
                    ParameterSpec.decimal(DAILY_LOSS_PERCENT).defaultValue(5).range(0, 100).unit("%")
                            .description("trip when equity is this far below the start-of-day equity (the first "
                                    + "equity seen in the UTC day); 0 turns the trigger off").build(),
                    ParameterSpec.decimal(DRAWDOWN_PERCENT).defaultValue(3).range(0, 100).unit("%")
                            .description("trip when equity is this far below its highest value within the last "
                                    + DRAWDOWN_WINDOW_MINUTES + "; 0 turns the trigger off").build(),
                    ParameterSpec.integer(DRAWDOWN_WINDOW_MINUTES).defaultValue(60).range(1, 10_080)
                            .unit("minutes")
                            .description("how far back the peak equity of the rapid drawdown trigger is looked for")
                            .build(),
                    ParameterSpec.integer(MAX_OPEN_POSITIONS).defaultValue(0).range(0, 1000).unit("positions")
                            .description("trip when more instruments than this hold a non-zero position (e.g. after "
                                    + "several working orders filled); 0 turns the trigger off").build(),
                    ParameterSpec.integer(MAX_CONSECUTIVE_LOSSES).defaultValue(3).range(0, 100)
                            .unit("round trips")
                            .description("trip when this many round trips in a row close at a loss (P&L after fees "
                                    + "< 0); 0 turns the trigger off").build(),
                    ParameterSpec.decimal(VOLATILITY_K).defaultValue(4).range(0, 100).unit("standard deviations")
                            .description("trip when a bar's |log return| (or log range above its mean) exceeds this "
                                    + "many rolling standard deviations; 0 turns the trigger off").build(),
                    ParameterSpec.integer(VOLATILITY_WINDOW_BARS).defaultValue(50).range(5, 1000).unit("bars")
                            .description("bars before the current one in the rolling mean and standard deviation; "
                                    + "the trigger is armed once the window is full").build(),
                    ParameterSpec.choice(VOLATILITY_MEASURE, "return", "range", "either").defaultValue("return")
                            .description("return: |ln(C_t/C_t-1)| > k sd; range: ln(H_t/L_t) > mean + k sd; "
                                    + "either: both are watched").build(),
                    ParameterSpec.integer(COOLDOWN_MINUTES).defaultValue(60).range(1, 10_080).unit("minutes")
                            .description("time OPEN before HALF_OPEN; a daily loss trip also holds until the next "
                                    + "UTC midnight").build(),
                    ParameterSpec.integer(PROBE_ORDERS).defaultValue(1).range(1, 100).unit("orders")
                            .description("orders adding exposure let through while HALF_OPEN; the first round trip "
                                    + "they open decides (a loss re-opens, a win closes)").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public RiskRule create(Parameters parameters) {
        return new CircuitBreakerRule(BreakerSettings.of(parameters));
    }
}
