package io.quantplug.plugins.volatility;

import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

import java.util.List;

/**
 * The parameters of the one-step volatility forecast, the same in the {@code black-swan-guard} risk rule and the
 * {@code regime-trend} strategy, and the {@link VolatilityForecast} they describe.
 *
 * @param model      {@value #EWMA} or {@value #GARCH}
 * @param lambda     the EWMA decay (also the GARCH model's fallback), in {@code (0, 1)}
 * @param garchWindow returns per GARCH fit, &ge; 100
 * @param garchRefit returns between two GARCH fits, &ge; 1
 */
record ForecastSettings(String model, double lambda, int garchWindow, int garchRefit) {

    /** Parameter: which model forecasts sigma. */
    static final String VOLATILITY_MODEL = "volatilityModel";
    /** Parameter: the EWMA decay. */
    static final String FORECAST_LAMBDA = "forecastLambda";
    /** Parameter: returns per GARCH fit. */
    static final String GARCH_WINDOW_BARS = "garchWindowBars";
    /** Parameter: bars between two GARCH fits. */
    static final String GARCH_REFIT_BARS = "garchRefitBars";
    /** {@link #VOLATILITY_MODEL} value: the RiskMetrics EWMA ({@link EwmaForecast}). */
    static final String EWMA = "ewma";
    /** {@link #VOLATILITY_MODEL} value: GARCH(1,1) refitted walk-forward ({@link WalkForwardGarchForecast}). */
    static final String GARCH = "garch";

    /**
     * The parameter specs, in display order, with their bounds and descriptions.
     *
     * @param defaultModel the default of {@link #VOLATILITY_MODEL}, {@value #EWMA} or {@value #GARCH}
     * @return the specs of the forecast parameters
     */
    static List<ParameterSpec> specs(String defaultModel) {
        return List.of(
                ParameterSpec.choice(VOLATILITY_MODEL, EWMA, GARCH).defaultValue(defaultModel)
                        .description("the one-step forecast of the next bar's volatility: ewma (RiskMetrics, "
                                + "normalised weights) or garch (GARCH(1,1) fitted by maximum likelihood to the last "
                                + "garchWindowBars returns, refitted every garchRefitBars bars; the EWMA until the "
                                + "first fit)").build(),
                ParameterSpec.decimal(FORECAST_LAMBDA).defaultValue(0.94).range(0.5, 0.999)
                        .description("EWMA decay of the forecast, also GARCH's fallback (RiskMetrics: 0.94)").build(),
                ParameterSpec.integer(GARCH_WINDOW_BARS).defaultValue(1_000).range(100, 100_000).unit("bars")
                        .description("garch: returns in each fit (the first fit waits for this many)").build(),
                ParameterSpec.integer(GARCH_REFIT_BARS).defaultValue(500).range(1, 1_000_000).unit("bars")
                        .description("garch: bars between two fits; the variance recursion runs in between")
                        .build());
    }

    /**
     * Reads the forecast parameters.
     *
     * @param p parameters resolved against a schema holding {@link #specs(String)}
     * @return the settings
     */
    static ForecastSettings of(Parameters p) {
        return new ForecastSettings(p.getString(VOLATILITY_MODEL), p.getDouble(FORECAST_LAMBDA),
                p.getInt(GARCH_WINDOW_BARS), p.getInt(GARCH_REFIT_BARS));
    }

    /**
     * A new forecast with these settings.
     *
     * @return an {@link EwmaForecast} or a {@link WalkForwardGarchForecast}, before its first return
     */
    VolatilityForecast newForecast() {
        return model.equals(GARCH) ? new WalkForwardGarchForecast(lambda, garchWindow, garchRefit)
                : new EwmaForecast(lambda);
    }
}
