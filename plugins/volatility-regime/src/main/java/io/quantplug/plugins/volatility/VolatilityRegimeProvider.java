package io.quantplug.plugins.volatility;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * Provides {@code volatility-regime}, a signal enhancer that classifies each bar's volatility regime (LOW, MEDIUM,
 * HIGH, EXTREME), stands aside from new entries in EXTREME, and reports the volatility estimators, a GARCH(1,1) fit
 * and the regime model as its diagnostics (what {@code quantplug analyze --analyzer volatility-regime} prints). The
 * regime comes from the EWMA volatility's rank in a recent window ({@code regimeModel=ewma-rank}, the default) or
 * from a Gaussian HMM fitted walk-forward ({@code regimeModel=hmm}). See {@link VolatilityRegimeEnhancer}.
 */
public final class VolatilityRegimeProvider implements EnhancementProvider {

    /** Parameter: {@code ewma-rank} or {@code hmm}, the model that classifies the regime. */
    public static final String REGIME_MODEL = RegimeSettings.REGIME_MODEL;
    /** Parameter: bars kept for the ranking or the HMM fit, the estimators' source and the GARCH fit. */
    public static final String WINDOW_BARS = RegimeSettings.WINDOW_BARS;
    /** Parameter: bars the range-based estimators look at. */
    public static final String ESTIMATOR_BARS = "estimatorBars";
    /** Parameter: the EWMA decay. */
    public static final String LAMBDA = RegimeSettings.LAMBDA;
    /** Parameter: percentile below which the regime is LOW. */
    public static final String LOW_PERCENTILE = RegimeSettings.LOW_PERCENTILE;
    /** Parameter: percentile from which the regime is HIGH. */
    public static final String HIGH_PERCENTILE = RegimeSettings.HIGH_PERCENTILE;
    /** Parameter: percentile from which the regime is EXTREME. */
    public static final String EXTREME_PERCENTILE = RegimeSettings.EXTREME_PERCENTILE;
    /** Parameter: the HMM's number of states, 2 to 4. */
    public static final String HMM_STATES = RegimeSettings.HMM_STATES;
    /** Parameter: bars between two HMM fits. */
    public static final String HMM_REFIT_BARS = RegimeSettings.HMM_REFIT_BARS;

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("volatility-regime",
            "Volatility regime",
            "Classifies each bar's volatility regime, LOW, MEDIUM, HIGH or EXTREME, by the rank of the EWMA"
                    + " volatility (RiskMetrics) within a recent window or by a Gaussian HMM of the returns fitted"
                    + " walk-forward; drops new entries in EXTREME and scores every other signal with the regime."
                    + " Diagnostics: close-to-close, Parkinson, Garman-Klass, Rogers-Satchell, Yang-Zhang and EWMA"
                    + " volatility, a GARCH(1,1) fit and the regime model (the HMM's parameters and filtered state"
                    + " probabilities).",
            schema());

    private static ParameterSchema schema() {
        List<ParameterSpec> specs = new ArrayList<>(RegimeSettings.specs());
        specs.add(2, ParameterSpec.integer(ESTIMATOR_BARS).defaultValue(30).range(2, 10_000).unit("bars")
                .description("bars the volatility estimators of the diagnostics look at").build());
        return new ParameterSchema(specs);
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
     * @return a new enhancer
     * @throws InvalidParameterException when the percentiles are not increasing (low &lt; high &lt; extreme), or
     *                                   with {@code regimeModel=hmm} the window is shorter than the HMM needs
     */
    @Override
    public Enhancement create(Parameters parameters) {
        return new VolatilityRegimeEnhancer(RegimeSettings.of(parameters), parameters.getInt(ESTIMATOR_BARS));
    }
}
