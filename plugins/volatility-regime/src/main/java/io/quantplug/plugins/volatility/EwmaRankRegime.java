package io.quantplug.plugins.volatility;

import io.quantplug.sdk.volatility.EwmaEstimator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The regime as the rank of the current EWMA variance among the recent ones ({@code regimeModel=ewma-rank}).
 *
 * <p>Per return {@code r_t}: the RiskMetrics EWMA variance {@code s2_t = lambda s2_{t-1} + (1 - lambda) r_t^2}
 * (seeded with the first squared return; J.P. Morgan/Reuters (1996), <i>RiskMetrics — Technical Document</i>,
 * section 5.2; see {@link EwmaEstimator#update}). The regime is the rank of {@code s2_t} among the EWMA variances of
 * the last {@code windowBars} returns, {@code p = #{v < s2_t} / n}: LOW when {@code p < low}, MEDIUM when
 * {@code p < high}, HIGH when {@code p < extreme}, EXTREME otherwise. Relative on purpose: it says "calmer or wilder
 * than usual lately", whatever the instrument's typical level; by construction about {@code 1 - extreme} of the bars
 * are EXTREME in a stationary market. No regime before {@value #MIN_RANKED} EWMA values exist.
 *
 * <p>O(windowBars) per return for the rank. Not thread-safe.
 */
final class EwmaRankRegime implements RegimeModel {

    /** EWMA values needed before a regime is given. */
    static final int MIN_RANKED = 20;
    /** The snapshot layout, the one the enhancer has always written. */
    static final String FORMAT = "volatility-regime/1";

    private final int window;
    private final EwmaEstimator ewma;
    private final double low;
    private final double high;
    private final double extreme;
    private final double[] history;
    private int count;
    private double variance = Double.NaN;

    /**
     * @param windowBars EWMA values ranked, &ge; {@value #MIN_RANKED}
     * @param lambda     EWMA decay in {@code (0, 1)}
     * @param low        LOW below this rank, a fraction
     * @param high       HIGH from this rank
     * @param extreme    EXTREME from this rank
     */
    EwmaRankRegime(int windowBars, double lambda, double low, double high, double extreme) {
        this.window = windowBars;
        this.ewma = new EwmaEstimator(lambda);
        this.low = low;
        this.high = high;
        this.extreme = extreme;
        this.history = new double[windowBars];
    }

    @Override
    public void update(double logReturn) {
        variance = count == 0 ? logReturn * logReturn : ewma.update(variance, logReturn);
        history[count % window] = variance;
        count++;
    }

    @Override
    public VolatilityRegime regime() {
        double p = percentile();
        if (Double.isNaN(p)) {
            return null;
        }
        return p < low ? VolatilityRegime.LOW : p < high ? VolatilityRegime.MEDIUM
                : p < extreme ? VolatilityRegime.HIGH : VolatilityRegime.EXTREME;
    }

    @Override
    public double regimeProbability() {
        return Double.NaN;
    }

    /** {@code #{v < s2_t} / n} over the window's EWMA variances, or NaN while warming up. */
    double percentile() {
        int n = Math.min(count, window);
        if (n < MIN_RANKED) {
            return Double.NaN;
        }
        int below = 0;
        for (int k = 0; k < n; k++) {
            if (history[k] < variance) {
                below++;
            }
        }
        return (double) below / n;
    }

    /** The latest EWMA variance per bar, NaN before the first return. */
    double variance() {
        return variance;
    }

    /** {@code percentile} (percent, or null while warming up) and {@code ewmaVolatility} (annualised, a fraction). */
    @Override
    public Map<String, Object> diagnostics(double barsPerYear) {
        Map<String, Object> out = new LinkedHashMap<>();
        double p = percentile();
        out.put("percentile", Double.isNaN(p) ? null : 100 * p);
        out.put("ewmaVolatility", count == 0 ? null : Math.sqrt(barsPerYear * variance));
        return out;
    }

    @Override
    public String snapshotFormat() {
        return FORMAT;
    }

    @Override
    public void writeTo(Map<String, String> out) {
        int n = Math.min(count, window);
        double[] kept = new double[n];
        for (int k = 0; k < n; k++) {
            kept[k] = history[(count - n + k) % window];
        }
        out.put("ewmaCount", Integer.toString(count));
        out.put("ewmaVariance", Double.toString(variance));
        out.put("ewmaHistory", SnapshotValues.join(kept));
    }

    /**
     * Keeps at most this instance's window of the values written, the newest; the count restarts at the number kept
     * (it only places values in the ring and says how many are ranked).
     */
    @Override
    public void readFrom(Map<String, String> in) {
        double[] kept = SnapshotValues.doubles(in, "ewmaHistory");
        long total = SnapshotValues.whole(in, "ewmaCount");
        double v = SnapshotValues.number(in, "ewmaVariance");
        if (total < kept.length) {
            throw new IllegalArgumentException("snapshot ewmaCount " + total + " is below the " + kept.length
                    + " values kept");
        }
        int keep = Math.min(kept.length, window);
        for (int k = 0; k < keep; k++) {
            history[k] = kept[kept.length - keep + k];
        }
        count = keep;
        variance = v;
    }
}
