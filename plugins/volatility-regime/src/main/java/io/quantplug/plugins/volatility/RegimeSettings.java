package io.quantplug.plugins.volatility;

import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

import java.util.List;

/**
 * The parameters of the volatility regime, the same in the {@code volatility-regime} enhancer and the
 * {@code regime-trend} strategy, and the {@link RegimeModel} they describe.
 *
 * @param model      {@value #EWMA_RANK} or {@value #HMM}
 * @param windowBars the rank window (ewma-rank) or the returns per fit (hmm)
 * @param lambda     the EWMA decay of the rank model, in {@code (0, 1)}
 * @param low        LOW below this rank, a fraction in {@code (0, 1)}
 * @param high       HIGH from this rank, above {@code low}
 * @param extreme    EXTREME from this rank, above {@code high}
 * @param hmmStates  K of the HMM, in {@code [2, 4]}
 * @param hmmRefit   returns between two HMM fits, &ge; 1
 */
record RegimeSettings(String model, int windowBars, double lambda, double low, double high, double extreme,
                      int hmmStates, int hmmRefit) {

    /** Parameter: which model classifies the regime. */
    static final String REGIME_MODEL = "regimeModel";
    /** Parameter: bars of the rank window or of each HMM fit. */
    static final String WINDOW_BARS = "windowBars";
    /** Parameter: the EWMA decay of the rank model. */
    static final String LAMBDA = "lambda";
    /** Parameter: percentile below which the rank model says LOW. */
    static final String LOW_PERCENTILE = "lowPercentile";
    /** Parameter: percentile from which the rank model says HIGH. */
    static final String HIGH_PERCENTILE = "highPercentile";
    /** Parameter: percentile from which the rank model says EXTREME. */
    static final String EXTREME_PERCENTILE = "extremePercentile";
    /** Parameter: the HMM's number of states. */
    static final String HMM_STATES = "hmmStates";
    /** Parameter: bars between two HMM fits. */
    static final String HMM_REFIT_BARS = "hmmRefitBars";
    /** {@link #REGIME_MODEL} value: the EWMA variance's rank in the window ({@link EwmaRankRegime}). */
    static final String EWMA_RANK = "ewma-rank";
    /** {@link #REGIME_MODEL} value: a Gaussian HMM fitted walk-forward ({@link HmmRegime}). */
    static final String HMM = "hmm";

    /**
     * The parameter specs, in display order, with their bounds and descriptions.
     *
     * @return the specs of the regime parameters
     */
    static List<ParameterSpec> specs() {
        return List.of(
                ParameterSpec.choice(REGIME_MODEL, EWMA_RANK, HMM).defaultValue(EWMA_RANK)
                        .description("ewma-rank: the rank of the EWMA volatility among the last windowBars bars' "
                                + "(LOW/MEDIUM/HIGH/EXTREME by the percentiles below); hmm: the most probable state "
                                + "of a Gaussian HMM of the returns, fitted to the last windowBars returns every "
                                + "hmmRefitBars bars and filtered online, calmest state LOW, wildest EXTREME").build(),
                ParameterSpec.integer(WINDOW_BARS).defaultValue(1_000).range(50, 1_000_000).unit("bars")
                        .description("bars kept: the rank model ranks the current volatility among this many, the "
                                + "HMM is fitted to this many returns (at least 70, 140 or 230 for 2, 3 or 4 "
                                + "states); the enhancer's diagnostics fit GARCH(1,1) to their closes").build(),
                ParameterSpec.decimal(LAMBDA).defaultValue(0.94).range(0.5, 0.999)
                        .description("EWMA decay of the rank model's volatility (RiskMetrics: 0.94)").build(),
                ParameterSpec.decimal(LOW_PERCENTILE).defaultValue(33).range(1, 98).unit("%")
                        .description("rank model: below this percentile of the window the regime is LOW").build(),
                ParameterSpec.decimal(HIGH_PERCENTILE).defaultValue(80).range(2, 99).unit("%")
                        .description("rank model: from this percentile the regime is HIGH").build(),
                ParameterSpec.decimal(EXTREME_PERCENTILE).defaultValue(97).range(3, 100).unit("%")
                        .description("rank model: from this percentile the regime is EXTREME").build(),
                ParameterSpec.integer(HMM_STATES).defaultValue(4).range(2, 4).unit("states")
                        .description("hmm: states, by ascending volatility: 2 = LOW, EXTREME; 3 = LOW, MEDIUM, "
                                + "EXTREME; 4 = LOW, MEDIUM, HIGH, EXTREME").build(),
                ParameterSpec.integer(HMM_REFIT_BARS).defaultValue(500).range(1, 1_000_000).unit("bars")
                        .description("hmm: bars between two fits; the filter takes every bar in between").build());
    }

    /**
     * Reads and cross-checks the regime parameters.
     *
     * @param p parameters resolved against a schema holding {@link #specs()}
     * @return the settings
     * @throws InvalidParameterException when the percentiles do not rise (low &lt; high &lt; extreme), or the HMM
     *                                   window is too short for its states; the message names the parameter
     */
    static RegimeSettings of(Parameters p) {
        double low = p.getDouble(LOW_PERCENTILE);
        double high = p.getDouble(HIGH_PERCENTILE);
        double extreme = p.getDouble(EXTREME_PERCENTILE);
        if (!(low < high)) {
            throw new InvalidParameterException(HIGH_PERCENTILE, "parameter '" + HIGH_PERCENTILE + "' = " + high
                    + " must be above " + LOW_PERCENTILE + " (" + low + ")");
        }
        if (!(high < extreme)) {
            throw new InvalidParameterException(EXTREME_PERCENTILE, "parameter '" + EXTREME_PERCENTILE + "' = "
                    + extreme + " must be above " + HIGH_PERCENTILE + " (" + high + ")");
        }
        String model = p.getString(REGIME_MODEL);
        int window = p.getInt(WINDOW_BARS);
        int states = p.getInt(HMM_STATES);
        if (model.equals(HMM) && window < GaussianHmmFitter.minimumObservations(states)) {
            throw new InvalidParameterException(WINDOW_BARS, "parameter '" + WINDOW_BARS + "' = " + window
                    + " must be at least " + GaussianHmmFitter.minimumObservations(states) + " for an HMM of "
                    + states + " states (" + REGIME_MODEL + "=hmm)");
        }
        return new RegimeSettings(model, window, p.getDouble(LAMBDA), low / 100, high / 100, extreme / 100, states,
                p.getInt(HMM_REFIT_BARS));
    }

    /**
     * A new model with these settings.
     *
     * @return an {@link EwmaRankRegime} or an {@link HmmRegime}, before its first return
     */
    RegimeModel newModel() {
        return model.equals(HMM) ? new HmmRegime(windowBars, hmmStates, hmmRefit)
                : new EwmaRankRegime(windowBars, lambda, low, high, extreme);
    }
}
