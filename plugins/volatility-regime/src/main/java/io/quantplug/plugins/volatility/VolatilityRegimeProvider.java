package io.quantplug.plugins.volatility;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

/**
 * Provides {@code volatility-regime}, a signal enhancer that classifies each bar's volatility regime (LOW, MEDIUM,
 * HIGH, EXTREME) from the RiskMetrics EWMA volatility's rank in a recent window, stands aside from new entries in
 * EXTREME, and reports the volatility estimators and a GARCH(1,1) fit as its diagnostics (what
 * {@code quantplug analyze --analyzer volatility-regime} prints). See {@link VolatilityRegimeEnhancer}.
 */
public final class VolatilityRegimeProvider implements EnhancementProvider {

    /** Parameter: bars kept for the ranking, the estimators' source and the GARCH fit. */
    public static final String WINDOW_BARS = "windowBars";
    /** Parameter: bars the range-based estimators look at. */
    public static final String ESTIMATOR_BARS = "estimatorBars";
    /** Parameter: the EWMA decay. */
    public static final String LAMBDA = "lambda";
    /** Parameter: percentile below which the regime is LOW. */
    public static final String LOW_PERCENTILE = "lowPercentile";
    /** Parameter: percentile from which the regime is HIGH. */
    public static final String HIGH_PERCENTILE = "highPercentile";
    /** Parameter: percentile from which the regime is EXTREME. */
    public static final String EXTREME_PERCENTILE = "extremePercentile";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("volatility-regime",
            "Volatility regime",
            "Ranks the EWMA volatility (RiskMetrics) of each bar within a recent window: LOW, MEDIUM, HIGH or EXTREME;"
                    + " drops new entries in EXTREME and scores every other signal with the regime. Diagnostics:"
                    + " close-to-close, Parkinson, Garman-Klass, Rogers-Satchell, Yang-Zhang and EWMA volatility and"
                    + " a GARCH(1,1) fit.",
            ParameterSchema.of(
                    ParameterSpec.integer(WINDOW_BARS).defaultValue(1_000).range(50, 1_000_000).unit("bars")
                            .description("bars kept: the regime ranks the current volatility among this many, and"
                                    + " the GARCH fit of the diagnostics uses their closes").build(),
                    ParameterSpec.integer(ESTIMATOR_BARS).defaultValue(30).range(2, 10_000).unit("bars")
                            .description("bars the volatility estimators of the diagnostics look at").build(),
                    ParameterSpec.decimal(LAMBDA).defaultValue(0.94).range(0.5, 0.999)
                            .description("EWMA decay of the regime's volatility (RiskMetrics: 0.94)").build(),
                    ParameterSpec.decimal(LOW_PERCENTILE).defaultValue(33).range(1, 98).unit("%")
                            .description("below this percentile of the window the regime is LOW").build(),
                    ParameterSpec.decimal(HIGH_PERCENTILE).defaultValue(80).range(2, 99).unit("%")
                            .description("from this percentile the regime is HIGH").build(),
                    ParameterSpec.decimal(EXTREME_PERCENTILE).defaultValue(97).range(3, 100).unit("%")
                            .description("from this percentile the regime is EXTREME and new entries stand aside")
                            .build()));

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
     * @return a new enhancer
     * @throws InvalidParameterException when the percentiles are not increasing (low &lt; high &lt; extreme)
     */
    @Override
    public Enhancement create(Parameters parameters) {
        double low = parameters.getDouble(LOW_PERCENTILE);
        double high = parameters.getDouble(HIGH_PERCENTILE);
        double extreme = parameters.getDouble(EXTREME_PERCENTILE);
        if (!(low < high)) {
            throw new InvalidParameterException(HIGH_PERCENTILE, "parameter '" + HIGH_PERCENTILE + "' = " + high
                    + " must be above " + LOW_PERCENTILE + " (" + low + ")");
        }
        if (!(high < extreme)) {
            throw new InvalidParameterException(EXTREME_PERCENTILE, "parameter '" + EXTREME_PERCENTILE + "' = "
                    + extreme + " must be above " + HIGH_PERCENTILE + " (" + high + ")");
        }
        return new VolatilityRegimeEnhancer(parameters.getInt(WINDOW_BARS), parameters.getInt(ESTIMATOR_BARS),
                parameters.getDouble(LAMBDA), low / 100, high / 100, extreme / 100);
    }
}
