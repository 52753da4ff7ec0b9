package io.quantplug.plugins.volatility;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * Provides {@code black-swan-guard}: trips on a return far beyond the forecast volatility or on a jump in the
 * forecast itself, then closes the position and refuses orders that add exposure until the market has been calm for
 * a while. See {@link BlackSwanGuardRule} for the rule and every formula. The ranges below are inclusive.
 */
public final class BlackSwanGuardProvider implements RiskRuleProvider {

    /** Parameter: {@code ewma} or {@code garch}, the sigma forecast. */
    public static final String VOLATILITY_MODEL = ForecastSettings.VOLATILITY_MODEL;
    /** Parameter: the EWMA decay of the forecast. */
    public static final String FORECAST_LAMBDA = ForecastSettings.FORECAST_LAMBDA;
    /** Parameter: returns per GARCH fit. */
    public static final String GARCH_WINDOW_BARS = ForecastSettings.GARCH_WINDOW_BARS;
    /** Parameter: bars between two GARCH fits. */
    public static final String GARCH_REFIT_BARS = ForecastSettings.GARCH_REFIT_BARS;
    /** Parameter: returns seen before the guard is armed. */
    public static final String WARM_UP_BARS = "warmUpBars";
    /** Parameter: k, the return shock threshold in forecast sigmas. */
    public static final String SHOCK_SIGMAS = "shockSigmas";
    /** Parameter: m, the forecast jump threshold (a ratio of sigmas). */
    public static final String JUMP_RATIO = "jumpRatio";
    /** Parameter: n, bars between the two forecasts of the jump ratio. */
    public static final String JUMP_LAG_BARS = "jumpLagBars";
    /** Parameter: R, calm bars in a row before trading resumes. */
    public static final String RESET_BARS = "resetBars";
    /** Parameter: k_reset, the largest calm return in forecast sigmas. */
    public static final String RESET_SIGMAS = "resetSigmas";
    /** Parameter: m_reset, the largest calm forecast ratio. */
    public static final String RESET_RATIO = "resetRatio";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("black-swan-guard",
            "Black swan guard",
            "Trips when a bar's log return exceeds k times the volatility forecast made before the bar (EWMA or a "
                    + "GARCH(1,1) refitted walk-forward) or when the forecast jumps to more than m times its value n "
                    + "bars earlier; then records a risk event, asks the session to close the position and refuses "
                    + "orders adding exposure until R bars in a row are calm, and records the resumption.",
            schema());

    private static ParameterSchema schema() {
        List<ParameterSpec> specs = new ArrayList<>(ForecastSettings.specs(ForecastSettings.EWMA));
        specs.add(ParameterSpec.integer(WARM_UP_BARS).defaultValue(100).range(VolatilityForecast.MIN_RETURNS, 100_000)
                .unit("bars").description("returns seen before the guard is armed: no trip, no reset before").build());
        specs.add(ParameterSpec.decimal(SHOCK_SIGMAS).defaultValue(6).range(1, 100).unit("sigmas")
                .description("k: trip when |ln(C_t/C_t-1)| > k x the sigma forecast for bar t made at bar t-1 "
                        + "(RETURN_SHOCK)").build());
        specs.add(ParameterSpec.decimal(JUMP_RATIO).defaultValue(3).range(1, 100).unit("x")
                .description("m: trip when the sigma forecast for the next bar exceeds m x the one made "
                        + JUMP_LAG_BARS + " bars earlier (VOLATILITY_JUMP)").build());
        specs.add(ParameterSpec.integer(JUMP_LAG_BARS).defaultValue(10).range(1, 10_000).unit("bars")
                .description("n: bars between the two forecasts of the jump ratio").build());
        specs.add(ParameterSpec.integer(RESET_BARS).defaultValue(30).range(1, 100_000).unit("bars")
                .description("R: resume after this many calm bars in a row (each with |r| < resetSigmas sigma and "
                        + "the jump ratio < resetRatio)").build());
        specs.add(ParameterSpec.decimal(RESET_SIGMAS).defaultValue(3).range(0.1, 100).unit("sigmas")
                .description("k_reset: a calm bar's |log return| is below this many forecast sigmas; at most "
                        + SHOCK_SIGMAS).build());
        specs.add(ParameterSpec.decimal(RESET_RATIO).defaultValue(1.5).range(0.1, 100).unit("x")
                .description("m_reset: a calm bar's jump ratio is below this; at most " + JUMP_RATIO).build());
        return new ParameterSchema(specs);
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Creates the rule.
     *
     * @param parameters resolved against {@link #descriptor()}'s schema
     * @return a new rule, watching no instrument yet
     * @throws InvalidParameterException when {@code resetSigmas > shockSigmas} or {@code resetRatio > jumpRatio}
     */
    @Override
    public RiskRule create(Parameters parameters) {
        return new BlackSwanGuardRule(GuardSettings.of(parameters));
    }
}
