package io.quantplug.plugins.volatility;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.enhancement.EnhancementContext;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Classifies every bar's volatility regime and keeps new entries out of the wildest one.
 *
 * <p>Per bar: the close-to-close log return {@code r_t = ln(C_t / C_{t-1})} updates the RiskMetrics EWMA variance
 * {@code s2_t = lambda s2_{t-1} + (1 - lambda) r_t^2} (seeded with the first squared return; see
 * {@link EwmaEstimator}). The regime is the rank of {@code s2_t} among the EWMA variances of the last
 * {@code windowBars} bars, {@code p = #{v < s2_t} / n}: LOW when {@code p < low}, MEDIUM when {@code p < high}, HIGH
 * when {@code p < extreme}, EXTREME otherwise. The classification is relative on purpose: it says "calmer or wilder
 * than usual lately", whatever the instrument's typical level; by construction about {@code 1 - extreme} of the bars
 * are EXTREME in a stationary market. No regime before {@value #MIN_RANKED} EWMA values exist (the first bars pass
 * unscored).
 *
 * <p>{@link #enhance}: in EXTREME an entry (LONG or SHORT) is dropped and an exit (FLAT) passes; in the other regimes
 * the signal passes with the score {@code volatilityRegime} = 0 (LOW) .. 3 (EXTREME). Only past bars are used.
 *
 * <p>{@link #diagnostics()}: the regime and its percentile, the EWMA volatility, the six estimators over the last
 * {@code estimatorBars} bars and a GARCH(1,1) fit ({@link GarchFitter}) of the window's closes, all annualised by the
 * bar length over a 365-day year.
 *
 * <p>Costs O(windowBars) per bar for the rank. Not thread-safe: the engine thread.
 */
public final class VolatilityRegimeEnhancer implements SignalEnhancer {

    /** EWMA values needed before a regime is given. */
    public static final int MIN_RANKED = 20;
    private static final String FORMAT = "volatility-regime/1";
    /** Returns needed for the diagnostics' GARCH fit. */
    private static final int MIN_GARCH_RETURNS = 100;

    private final int window;
    private final int estimatorBars;
    private final EwmaEstimator ewma;
    private final double low;
    private final double high;
    private final double extreme;
    private final double[] open;
    private final double[] highs;
    private final double[] lows;
    private final double[] close;
    private final double[] ewmaHistory;
    private long bars;
    private int ewmaCount;
    private double ewmaVariance = Double.NaN;
    private Timeframe timeframe;

    VolatilityRegimeEnhancer(int windowBars, int estimatorBars, double lambda, double low, double high,
                             double extreme) {
        this.window = windowBars;
        this.estimatorBars = estimatorBars;
        this.ewma = new EwmaEstimator(lambda);
        this.low = low;
        this.high = high;
        this.extreme = extreme;
        this.open = new double[windowBars];
        this.highs = new double[windowBars];
        this.lows = new double[windowBars];
        this.close = new double[windowBars];
        this.ewmaHistory = new double[windowBars];
    }

    @Override
    public void onBar(Bar bar) {
        if (bars > 0) {
            double r = Math.log(bar.close() / close[slot(bars - 1)]);
            ewmaVariance = ewmaCount == 0 ? r * r : ewma.update(ewmaVariance, r);
            ewmaHistory[ewmaCount % window] = ewmaVariance;
            ewmaCount++;
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
     * @return the regime, or null before {@value #MIN_RANKED} EWMA values exist
     */
    public VolatilityRegime regime() {
        double p = percentile();
        if (Double.isNaN(p)) {
            return null;
        }
        return p < low ? VolatilityRegime.LOW : p < high ? VolatilityRegime.MEDIUM
                : p < extreme ? VolatilityRegime.HIGH : VolatilityRegime.EXTREME;
    }

    /** {@code #{v < s2_t} / n} over the window's EWMA variances, or NaN while warming up. */
    private double percentile() {
        int n = Math.min(ewmaCount, window);
        if (n < MIN_RANKED) {
            return Double.NaN;
        }
        int below = 0;
        for (int k = 0; k < n; k++) {
            if (ewmaHistory[k] < ewmaVariance) {
                below++;
            }
        }
        return (double) below / n;
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
        return Optional.of(signal.withScore("volatilityRegime", regime.ordinal()));
    }

    /**
     * The regime, the volatilities and the GARCH(1,1) fit of the bars seen so far, as described in the class comment.
     * Keys: {@code bars}, {@code timeframe}, {@code regime} (or {@code WARMING_UP}), {@code percentile},
     * {@code ewmaVolatility}, {@code estimators} (name to annualised volatility, a fraction), {@code garch}
     * ({@code mu}, {@code omega}, {@code alpha}, {@code beta} of percent returns, {@code logLikelihood},
     * {@code persistence}, {@code observations}, {@code nextBarVolatility} annualised; or {@code error}).
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
        out.put("regime", regime == null ? "WARMING_UP" : regime.name());
        out.put("percentile", regime == null ? null : 100 * percentile());
        out.put("ewmaVolatility", ewmaCount == 0 ? null : Math.sqrt(perYear * ewmaVariance));
        OhlcBars kept = kept();
        OhlcBars recent = kept.last(Math.min(estimatorBars, kept.size()));
        Map<String, Object> estimators = new LinkedHashMap<>();
        for (VolatilityEstimator e : List.of(new CloseToCloseEstimator(), new ParkinsonEstimator(),
                new GarmanKlassEstimator(), new RogersSatchellEstimator(), new YangZhangEstimator(), ewma)) {
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

    @Override
    public StateSnapshot snapshot() {
        if (bars == 0) {
            return null;
        }
        OhlcBars kept = kept();
        int n = Math.min(ewmaCount, window);
        double[] history = new double[n];
        for (int k = 0; k < n; k++) {
            history[k] = ewmaHistory[(ewmaCount - n + k) % window];
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bars", Long.toString(bars));
        values.put("ewmaCount", Integer.toString(ewmaCount));
        values.put("ewmaVariance", Double.toString(ewmaVariance));
        values.put("timeframe", timeframe.label());
        values.put("open", join(kept, 'o'));
        values.put("high", join(kept, 'h'));
        values.put("low", join(kept, 'l'));
        values.put("close", join(kept, 'c'));
        values.put("ewmaHistory", Arrays.stream(history).mapToObj(Double::toString).collect(Collectors.joining(",")));
        return new StateSnapshot(FORMAT, values);
    }

    private static String join(OhlcBars b, char field) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < b.size(); k++) {
            if (k > 0) {
                s.append(',');
            }
            s.append(field == 'o' ? b.open(k) : field == 'h' ? b.high(k) : field == 'l' ? b.low(k) : b.close(k));
        }
        return s.toString();
    }

    /**
     * Continues from a previous version's snapshot of the same format, keeping at most this instance's window.
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned
     * @return false when the format is not {@code volatility-regime/1}
     */
    @Override
    public boolean restore(StateSnapshot snapshot) {
        if (!snapshot.format().equals(FORMAT)) {
            return false;
        }
        Map<String, String> v = snapshot.values();
        double[] o = doubles(v.get("open"));
        double[] h = doubles(v.get("high"));
        double[] l = doubles(v.get("low"));
        double[] c = doubles(v.get("close"));
        double[] history = doubles(v.get("ewmaHistory"));
        long total = Long.parseLong(v.get("bars"));
        int totalEwma = Integer.parseInt(v.get("ewmaCount"));
        timeframe = Timeframe.parse(v.get("timeframe"));
        ewmaVariance = Double.parseDouble(v.get("ewmaVariance"));
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
        int keepEwma = Math.min(history.length, window);
        ewmaCount = totalEwma - keepEwma;
        for (int k = history.length - keepEwma; k < history.length; k++) {
            ewmaHistory[ewmaCount % window] = history[k];
            ewmaCount++;
        }
        return true;
    }

    private static double[] doubles(String text) {
        return text.isEmpty() ? new double[0] : Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble)
                .toArray();
    }
}
