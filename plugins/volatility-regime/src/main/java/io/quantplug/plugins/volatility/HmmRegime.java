package io.quantplug.plugins.volatility;

import io.quantplug.sdk.volatility.VolatilityModelException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regime as the most probable state of a Gaussian hidden Markov model of the returns ({@code regimeModel=hmm}),
 * fitted walk-forward.
 *
 * <p><b>Fit.</b> The observations are the percent log returns {@code x_t = 100 ln(C_t / C_{t-1})}. Once
 * {@code windowBars} returns exist, a K-state model is fitted by Baum–Welch ({@link GaussianHmmFitter}, Rabiner
 * (1989)) to the last {@code windowBars} of them, and refitted the same way every {@code refitBars} returns after
 * (a rolling window; each fit uses returns up to the current bar only). A fit that fails (e.g. a window of equal
 * returns has no variance) keeps the previous model and is retried {@code refitBars} later.
 *
 * <p><b>Filter.</b> At a fit, the new model's forward filter ({@link HmmFilter}) is run over the window; between fits
 * it takes one return per bar, O(K^2), so the state probabilities are always {@code P(s_t | x_1..t)} of the current
 * model: never smoothed, never Viterbi, both of which look at later bars.
 *
 * <p><b>Regime.</b> The fitter numbers states by ascending sigma (state 0 the calmest). The regime is that of the most
 * probable filtered state (ties to the calmer), mapped so that the calmest state is LOW and the wildest EXTREME:
 * <pre>
 *   K = 2:  LOW, EXTREME
 *   K = 3:  LOW, MEDIUM, EXTREME
 *   K = 4:  LOW, MEDIUM, HIGH, EXTREME
 * </pre>
 * (state {@code k} of K gets the regime of ordinal {@code floor(3 k / (K - 1))}). Unlike the rank model this is an
 * absolute classification within the window: a long calm spell is LOW for as long as it lasts. No regime before the
 * first fit.
 *
 * <p>Costs O(K^2) per bar, plus a fit (O(windowBars K^2) per EM iteration) every {@code refitBars} bars. Not
 * thread-safe.
 */
final class HmmRegime implements RegimeModel {

    /** The snapshot layout. */
    static final String FORMAT = "volatility-regime-hmm/1";
    /** Returns are fitted in percent. */
    static final double PERCENT = 100.0;

    private final int window;
    private final int states;
    private final int refitBars;
    private final GaussianHmmFitter fitter = new GaussianHmmFitter();
    private final double[] returns;
    private long count;
    /** Returns since the last fit attempt, -1 before the first. */
    private long sinceAttempt = -1;
    /** Returns since the last successful fit. */
    private long sinceFit;
    private GaussianHmmFit fit;
    private HmmFilter filter;
    private String lastError;

    /**
     * @param windowBars returns per fit, at least {@link GaussianHmmFitter#minimumObservations(int)}
     * @param states     K, in {@code [2, 4]}
     * @param refitBars  returns between two fits, &ge; 1
     */
    HmmRegime(int windowBars, int states, int refitBars) {
        this.window = windowBars;
        this.states = states;
        this.refitBars = refitBars;
        this.returns = new double[windowBars];
    }

    /**
     * The regime of a state.
     *
     * @param state  the state number, calmest first, in {@code [0, K)}
     * @param states K, in {@code [2, 4]}
     * @return the regime of ordinal {@code floor(3 state / (K - 1))}
     */
    static VolatilityRegime regimeOf(int state, int states) {
        return VolatilityRegime.values()[3 * state / (states - 1)];
    }

    @Override
    public void update(double logReturn) {
        double x = PERCENT * logReturn;
        returns[(int) (count % window)] = x;
        count++;
        sinceFit++;
        if (sinceAttempt >= 0) {
            sinceAttempt++;
        }
        boolean due = count >= window && (sinceAttempt < 0 || sinceAttempt >= refitBars);
        if (!(due && refit()) && filter != null) {
            filter.update(x);
        }
    }

    /** Fits the window; true when a new model and its warmed filter replaced the old ones. */
    private boolean refit() {
        sinceAttempt = 0;
        double[] x = window();
        try {
            GaussianHmmFit f = fitter.fit(x, states);
            HmmFilter warmed = f.model().newFilter();
            for (double v : x) {
                warmed.update(v);
            }
            fit = f;
            filter = warmed;
            sinceFit = 0;
            lastError = null;
            return true;
        } catch (IllegalArgumentException | VolatilityModelException e) {
            lastError = "HMM fit of " + x.length + " returns failed: " + e.getMessage();
            return false;
        }
    }

    /** The kept returns, oldest first. */
    private double[] window() {
        int n = (int) Math.min(count, window);
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = returns[(int) ((count - n + k) % window)];
        }
        return x;
    }

    @Override
    public VolatilityRegime regime() {
        return filter == null ? null : regimeOf(filter.mostLikelyState(), states);
    }

    @Override
    public double regimeProbability() {
        return filter == null ? Double.NaN : filter.probability(filter.mostLikelyState());
    }

    /**
     * The filtered state probabilities.
     *
     * @return {@code P(s_t = k | x_1..t)}, calmest state first, or null before the first fit
     */
    double[] probabilities() {
        return filter == null ? null : filter.probabilities();
    }

    /**
     * The current fit.
     *
     * @return the model and its fit statistics, or null before the first fit
     */
    GaussianHmmFit fit() {
        return fit;
    }

    /**
     * One entry, {@code hmm}: {@code states}, {@code windowBars}, {@code refitBars}, {@code barsSinceFit},
     * {@code filteredProbabilities}, {@code regimeOfState}, the parameters {@code means} and {@code sigmas} (percent
     * per bar), {@code annualisedVolatilities} (each state's sigma annualised, a fraction),
     * {@code transitionMatrix}, {@code expectedDurations} (bars), {@code logLikelihood}, {@code bic},
     * {@code iterations}, {@code converged}; {@code status} WARMING_UP before the first fit; {@code error} after a
     * failed fit.
     */
    @Override
    public Map<String, Object> diagnostics(double barsPerYear) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("states", states);
        h.put("windowBars", window);
        h.put("refitBars", refitBars);
        if (fit == null) {
            h.put("status", "WARMING_UP");
        } else {
            GaussianHmm m = fit.model();
            h.put("barsSinceFit", sinceFit);
            h.put("filteredProbabilities", list(filter.probabilities()));
            List<String> regimes = new ArrayList<>();
            List<Double> annual = new ArrayList<>();
            List<Double> durations = new ArrayList<>();
            List<List<Double>> matrix = new ArrayList<>();
            double[] sigmas = m.sigmas();
            double[][] a = m.transitionMatrix();
            for (int s = 0; s < states; s++) {
                regimes.add(regimeOf(s, states).name());
                annual.add(Math.sqrt(barsPerYear) * sigmas[s] / PERCENT);
                durations.add(m.expectedDuration(s));
                matrix.add(list(a[s]));
            }
            h.put("regimeOfState", regimes);
            h.put("means", list(m.means()));
            h.put("sigmas", list(sigmas));
            h.put("annualisedVolatilities", annual);
            h.put("transitionMatrix", matrix);
            h.put("expectedDurations", durations);
            h.put("logLikelihood", fit.logLikelihood());
            h.put("bic", fit.bic());
            h.put("iterations", fit.iterations());
            h.put("converged", fit.converged());
        }
        if (lastError != null) {
            h.put("error", lastError);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hmm", h);
        return out;
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    @Override
    public String snapshotFormat() {
        return FORMAT;
    }

    @Override
    public void writeTo(Map<String, String> out) {
        out.put("hmmStates", Integer.toString(states));
        out.put("hmmCount", Long.toString(count));
        out.put("hmmReturns", SnapshotValues.join(window()));
        out.put("hmmSinceAttempt", Long.toString(sinceAttempt));
        out.put("hmmSinceFit", Long.toString(sinceFit));
        out.put("hmmError", lastError == null ? "" : lastError);
        if (fit == null) {
            return;
        }
        GaussianHmm m = fit.model();
        double[] a = new double[states * states];
        for (int i = 0; i < states; i++) {
            System.arraycopy(m.transitionMatrix()[i], 0, a, i * states, states);
        }
        out.put("hmmPi", SnapshotValues.join(m.initialProbabilities()));
        out.put("hmmA", SnapshotValues.join(a));
        out.put("hmmMu", SnapshotValues.join(m.means()));
        out.put("hmmSigma", SnapshotValues.join(m.sigmas()));
        out.put("hmmLogLikelihood", Double.toString(fit.logLikelihood()));
        out.put("hmmObservations", Integer.toString(fit.observations()));
        out.put("hmmIterations", Integer.toString(fit.iterations()));
        out.put("hmmConverged", Boolean.toString(fit.converged()));
        out.put("hmmFiltered", SnapshotValues.join(filter.probabilities()));
        out.put("hmmFilterObservations", Long.toString(filter.observations()));
        out.put("hmmFilterLogLikelihood", Double.toString(filter.logLikelihood()));
    }

    @Override
    public void readFrom(Map<String, String> in) {
        long k = SnapshotValues.whole(in, "hmmStates");
        if (k != states) {
            throw new IllegalArgumentException("snapshot has an HMM of " + k + " states, this instance " + states);
        }
        double[] kept = SnapshotValues.doubles(in, "hmmReturns");
        long total = SnapshotValues.whole(in, "hmmCount");
        int keep = Math.min(kept.length, window);
        count = kept.length >= window ? total : kept.length;
        for (int j = 0; j < keep; j++) {
            returns[(int) ((count - keep + j) % window)] = kept[kept.length - keep + j];
        }
        sinceAttempt = SnapshotValues.whole(in, "hmmSinceAttempt");
        sinceFit = SnapshotValues.whole(in, "hmmSinceFit");
        String error = SnapshotValues.text(in, "hmmError");
        lastError = error.isEmpty() ? null : error;
        if (!in.containsKey("hmmPi")) {
            fit = null;
            filter = null;
            return;
        }
        double[] flat = SnapshotValues.doubles(in, "hmmA");
        if (flat.length != states * states) {
            throw new IllegalArgumentException("snapshot hmmA needs " + states * states + " values");
        }
        double[][] a = new double[states][states];
        for (int i = 0; i < states; i++) {
            System.arraycopy(flat, i * states, a[i], 0, states);
        }
        GaussianHmm m = GaussianHmm.of(SnapshotValues.doubles(in, "hmmPi"), a, SnapshotValues.doubles(in, "hmmMu"),
                SnapshotValues.doubles(in, "hmmSigma"));
        fit = new GaussianHmmFit(m, SnapshotValues.number(in, "hmmLogLikelihood"),
                (int) SnapshotValues.whole(in, "hmmObservations"), (int) SnapshotValues.whole(in, "hmmIterations"),
                Boolean.parseBoolean(SnapshotValues.text(in, "hmmConverged")));
        filter = m.newFilter();
        filter.restore(SnapshotValues.doubles(in, "hmmFiltered"), SnapshotValues.whole(in, "hmmFilterObservations"),
                SnapshotValues.number(in, "hmmFilterLogLikelihood"));
    }
}
