package io.quantplug.plugins.volatility;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.enhancement.EnhancementContext;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.sdk.volatility.CloseToCloseEstimator;
import io.quantplug.sdk.volatility.EwmaEstimator;
import io.quantplug.sdk.volatility.GarchFit;
import io.quantplug.sdk.volatility.GarchFitter;
import io.quantplug.sdk.volatility.GarchParameters;
import io.quantplug.sdk.volatility.GarmanKlassEstimator;
import io.quantplug.sdk.volatility.OhlcBars;
import io.quantplug.sdk.volatility.ParkinsonEstimator;
import io.quantplug.sdk.volatility.RogersSatchellEstimator;
import io.quantplug.sdk.volatility.VolatilityEstimator;
import io.quantplug.sdk.volatility.VolatilityModelException;
import io.quantplug.sdk.volatility.YangZhangEstimator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classifies every bar's volatility regime and keeps new entries out of the wildest one.
 *
 * <p>Per bar, the close-to-close log return {@code r_t = ln(C_t / C_{t-1})} goes to the regime model chosen by
 * {@code regimeModel} (see {@link RegimeSettings}):
 * <ul>
 *   <li>{@code ewma-rank} (the default): the rank of the RiskMetrics EWMA variance among those of the last
 *       {@code windowBars} bars, cut at the low, high and extreme percentiles ({@link EwmaRankRegime});</li>
 *   <li>{@code hmm}: the most probable filtered state of a Gaussian HMM of the percent returns, fitted to the last
 *       {@code windowBars} returns every {@code hmmRefitBars} bars and filtered online in between, states ordered by
 *       their variance and mapped calmest = LOW to wildest = EXTREME ({@link HmmRegime}).</li>
 * </ul>
 * Both use only the bars seen so far. No regime while the model warms up (the first bars pass unscored). The
 * {@code regime-trend} strategy computes its regime with the same classes and parameters.
 *
 * <p>{@link #enhance}: in EXTREME an entry (LONG or SHORT) is dropped and an exit (FLAT) passes; in the other regimes
 * the signal passes with these scores, the names other plugins may read:
 * <ul>
 *   <li>{@value #SCORE_REGIME}: the regime's ordinal, 0 (LOW), 1 (MEDIUM), 2 (HIGH), 3 (EXTREME; only exits reach
 *       it);</li>
 *   <li>{@value #SCORE_PROBABILITY}: with {@code regimeModel=hmm} only, the filtered probability of the state the
 *       regime comes from, in {@code [0, 1]}.</li>
 * </ul>
 *
 * <p>{@link #diagnostics()}: the regime and the model's own figures (the percentile and EWMA volatility, or the
 * HMM's parameters and filtered probabilities), the six estimators over the last {@code estimatorBars} bars and a
 * GARCH(1,1) fit ({@link GarchFitter}) of the window's closes, all annualised by the bar length over a 365-day year.
 *
 * <p>Costs O(windowBars) per bar for the rank, O(K^2) per bar plus a periodic fit for the HMM. Not thread-safe: the
 * engine thread.
 */
public final class VolatilityRegimeEnhancer implements SignalEnhancer {

    /** EWMA values needed before the rank model gives a regime. */
    public static final int MIN_RANKED = EwmaRankRegime.MIN_RANKED;
    /** Score: the regime's ordinal, 0 (LOW) to 3 (EXTREME). */
    public static final String SCORE_REGIME = "volatilityRegime";
    /** Score, HMM only: the filtered probability of the regime's state. */
    public static final String SCORE_PROBABILITY = "volatilityRegimeProbability";
    /** Returns needed for the diagnostics' GARCH fit. */
    private static final int MIN_GARCH_RETURNS = 100;

    private final RegimeSettings settings;
    private final int window;
    private final int estimatorBars;
    private RegimeModel model;
    private final double[] open;
    private final double[] highs;
    private final double[] lows;
    private final double[] close;
    private long bars;
    private Timeframe timeframe;

    VolatilityRegimeEnhancer(RegimeSettings settings, int estimatorBars) {
        this.settings = settings;
        this.window = settings.windowBars();
        this.estimatorBars = estimatorBars;
        this.model = settings.newModel();
        this.open = new double[window];
        this.highs = new double[window];
        this.lows = new double[window];
        this.close = new double[window];
    }

    @Override
    public void onBar(Bar bar) {
        if (bars > 0) {
            model.update(Math.log(bar.close() / close[slot(bars - 1)]));
        }
        int i = slot(bars);
        open[i] = bar.open();
        highs[i] = bar.high();
        lows[i] = bar.low();
        close[i] = bar.close();
        timeframe = bar.timeframe();
        bars++;
    }

    private int slot(long bar) {
        return (int) (bar % window);
    }

    /**
     * The regime of the latest bar.
     *
     * @return the regime, or null while the model warms up (before {@value #MIN_RANKED} EWMA values for the rank
     *         model, before the first fit for the HMM)
     */
    public VolatilityRegime regime() {
        return model.regime();
    }

    /** The regime model, for tests in this package. */
    RegimeModel regimeModel() {
        return model;
    }

    @Override
    public Optional<Signal> enhance(Signal signal, EnhancementContext context) {
        VolatilityRegime regime = regime();
        if (regime == null) {
            return Optional.of(signal);
        }
        if (regime == VolatilityRegime.EXTREME && signal.direction() != SignalDirection.FLAT) {
            return Optional.empty();
        }
        Signal scored = signal.withScore(SCORE_REGIME, regime.ordinal());
        double p = model.regimeProbability();
        return Optional.of(Double.isNaN(p) ? scored : scored.withScore(SCORE_PROBABILITY, p));
    }

    /**
     * The regime, the volatilities and the GARCH(1,1) fit of the bars seen so far, as described in the class comment.
     * Keys: {@code bars}, {@code timeframe}, {@code model} ({@code ewma-rank} or {@code hmm}), {@code regime} (or
     * {@code WARMING_UP}); for the rank model {@code percentile} and {@code ewmaVolatility} (annualised), for the HMM
     * {@code hmm} ({@code states}, {@code filteredProbabilities}, {@code regimeOfState}, {@code means},
     * {@code sigmas} in percent per bar, {@code annualisedVolatilities}, {@code transitionMatrix},
     * {@code expectedDurations}, {@code logLikelihood}, {@code bic}, {@code iterations}, {@code converged},
     * {@code barsSinceFit}; see {@link HmmRegime}); then {@code estimators} (name to annualised volatility, a
     * fraction) and {@code garch} ({@code mu}, {@code omega}, {@code alpha}, {@code beta} of percent returns,
     * {@code logLikelihood}, {@code persistence}, {@code observations}, {@code nextBarVolatility} annualised; or
     * {@code error}).
     *
     * @return the diagnostics; just {@code bars} before the first bar
     */
    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bars", bars);
        if (bars == 0) {
            return out;
        }
        double perYear = timeframe.barsPerYear();
        VolatilityRegime regime = regime();
        out.put("timeframe", timeframe.label());
        out.put("model", settings.model());
        out.put("regime", regime == null ? "WARMING_UP" : regime.name());
        out.putAll(model.diagnostics(perYear));
        OhlcBars kept = kept();
        OhlcBars recent = kept.last(Math.min(estimatorBars, kept.size()));
        Map<String, Object> estimators = new LinkedHashMap<>();
        for (VolatilityEstimator e : List.of(new CloseToCloseEstimator(), new ParkinsonEstimator(),
                new GarmanKlassEstimator(), new RogersSatchellEstimator(), new YangZhangEstimator(),
                new EwmaEstimator(settings.lambda()))) {
            estimators.put(e.name(), recent.size() < e.minimumBars() ? null : e.annualisedVolatility(recent, perYear));
        }
        out.put("estimators", estimators);
        out.put("garch", garch(kept.closes(), perYear));
        return out;
    }

    private static Map<String, Object> garch(double[] closes, double perYear) {
        Map<String, Object> g = new LinkedHashMap<>();
        if (closes.length - 1 < MIN_GARCH_RETURNS) {
            g.put("error", "needs at least " + MIN_GARCH_RETURNS + " returns, has " + (closes.length - 1));
            return g;
        }
        try {
            GarchFit fit = new GarchFitter().fitCloses(closes);
            GarchParameters p = fit.parameters();
            g.put("mu", p.mu());
            g.put("omega", p.omega());
            g.put("alpha", p.alpha());
            g.put("beta", p.beta());
            g.put("logLikelihood", fit.logLikelihood());
            g.put("persistence", p.persistence());
            g.put("observations", fit.observations());
            g.put("nextBarVolatility", fit.annualisedVolatility(1, perYear));
        } catch (VolatilityModelException e) {
            g.put("error", e.getMessage());
        }
        return g;
    }

    /** The kept bars, oldest first. */
    private OhlcBars kept() {
        int n = (int) Math.min(bars, window);
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            int i = slot(bars - n + k);
            o[k] = open[i];
            h[k] = highs[i];
            l[k] = lows[i];
            c[k] = close[i];
        }
        return OhlcBars.of(o, h, l, c);
    }

    /**
     * The kept bars and the regime model's state. Format {@code volatility-regime/1} for the rank model (the layout
     * of earlier versions, so a swap either way keeps the state), {@code volatility-regime-hmm/1} for the HMM.
     *
     * @return the state, or null before the first bar
     */
    @Override
    public StateSnapshot snapshot() {
        if (bars == 0) {
            return null;
        }
        OhlcBars kept = kept();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bars", Long.toString(bars));
        values.put("timeframe", timeframe.label());
        values.put("open", SnapshotValues.join(column(kept, 'o')));
        values.put("high", SnapshotValues.join(column(kept, 'h')));
        values.put("low", SnapshotValues.join(column(kept, 'l')));
        values.put("close", SnapshotValues.join(column(kept, 'c')));
        model.writeTo(values);
        return new StateSnapshot(model.snapshotFormat(), values);
    }

    private static double[] column(OhlcBars b, char field) {
        double[] out = new double[b.size()];
        for (int k = 0; k < b.size(); k++) {
            out[k] = field == 'o' ? b.open(k) : field == 'h' ? b.high(k) : field == 'l' ? b.low(k) : b.close(k);
        }
        return out;
    }

    /**
     * Continues from a previous version's snapshot of this instance's model, keeping at most this instance's window.
     * A snapshot that cannot be read changes nothing.
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned
     * @return false when the format is not this model's ({@code volatility-regime/1} for the rank model,
     *         {@code volatility-regime-hmm/1} for the HMM) or a value cannot be read
     */
    @Override
    public boolean restore(StateSnapshot snapshot) {
        if (!snapshot.format().equals(model.snapshotFormat())) {
            return false;
        }
        Map<String, String> v = snapshot.values();
        try {
            double[] o = SnapshotValues.doubles(v, "open");
            double[] h = SnapshotValues.doubles(v, "high");
            double[] l = SnapshotValues.doubles(v, "low");
            double[] c = SnapshotValues.doubles(v, "close");
            long total = SnapshotValues.whole(v, "bars");
            Timeframe tf = Timeframe.parse(SnapshotValues.text(v, "timeframe"));
            if (o.length != c.length || h.length != c.length || l.length != c.length || total < c.length) {
                throw new IllegalArgumentException("snapshot bars differ in length");
            }
            RegimeModel restored = settings.newModel();
            restored.readFrom(v);
            model = restored;
            timeframe = tf;
            int keep = Math.min(c.length, window);
            bars = total - keep;
            for (int k = c.length - keep; k < c.length; k++) {
                int i = slot(bars);
                open[i] = o[k];
                highs[i] = h[k];
                lows[i] = l[k];
                close[i] = c[k];
                bars++;
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
