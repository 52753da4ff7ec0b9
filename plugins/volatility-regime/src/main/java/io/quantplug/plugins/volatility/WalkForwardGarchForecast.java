package io.quantplug.plugins.volatility;

import io.quantplug.sdk.volatility.GarchFit;
import io.quantplug.sdk.volatility.GarchFitter;
import io.quantplug.sdk.volatility.GarchParameters;
import io.quantplug.sdk.volatility.VolatilityModelException;

import java.util.Map;

/**
 * The GARCH(1,1) one-step variance forecast, refitted walk-forward, with the EWMA forecast as its fallback.
 *
 * <p>Returns are taken in percent, {@code x_t = 100 r_t}, the scale of {@link GarchFitter}. Once {@code windowBars}
 * returns exist the model is fitted by maximum likelihood to the last {@code windowBars} of them, and refitted the
 * same way every {@code refitBars} returns after. A fit gives {@code sigma^2_{t+1|t}} at the end of its window
 * ({@link GarchFit#nextVariance()}); between fits the forecast follows the model's recursion with the parameters
 * held fixed (Bollerslev (1986); see {@link GarchParameters#nextVariance}):
 * <pre>
 *   sigma^2_{t+1|t} = omega + alpha (x_t - mu)^2 + beta sigma^2_{t|t-1}            (percent^2)
 *   variance()      = sigma^2_{t+1|t} / 100^2                                       (log-return units)
 * </pre>
 * Each fit uses returns up to the current bar only. Before the first successful fit the forecast is the
 * {@link EwmaForecast} of the same returns (decay {@code lambda}); a fit that fails (too little variation, no
 * convergence) keeps the model before it, or the EWMA when there is none, and is retried {@code refitBars} later.
 *
 * <p>O(1) per bar, plus a fit (a few thousand O(windowBars) likelihood evaluations) every {@code refitBars}. Not
 * thread-safe.
 */
final class WalkForwardGarchForecast implements VolatilityForecast {

    private static final double PERCENT = 100.0;

    private final int window;
    private final int refitBars;
    private final GarchFitter fitter = new GarchFitter();
    private final EwmaForecast fallback;
    private final double[] returns;
    private long count;
    /** Returns since the last fit attempt, -1 before the first. */
    private long sinceAttempt = -1;
    private GarchParameters parameters;
    /** sigma^2_{t+1|t} in percent^2, valid with parameters. */
    private double variance = Double.NaN;
    private String lastError;

    /**
     * @param lambda     decay of the fallback EWMA, in {@code (0, 1)}
     * @param windowBars returns per fit, &ge; {@link GarchFitter#MINIMUM_RETURNS}
     * @param refitBars  returns between two fits, &ge; 1
     */
    WalkForwardGarchForecast(double lambda, int windowBars, int refitBars) {
        this.fallback = new EwmaForecast(lambda);
        this.window = windowBars;
        this.refitBars = refitBars;
        this.returns = new double[windowBars];
    }

    @Override
    public void update(double logReturn) {
        fallback.update(logReturn);
        double x = PERCENT * logReturn;
        returns[(int) (count % window)] = x;
        count++;
        if (parameters != null) {
            variance = parameters.nextVariance(x - parameters.mu(), variance);
        }
        if (sinceAttempt >= 0) {
            sinceAttempt++;
        }
        if (count >= window && (sinceAttempt < 0 || sinceAttempt >= refitBars)) {
            refit();
        }
    }

    private void refit() {
        sinceAttempt = 0;
        double[] x = new double[window];
        for (int k = 0; k < window; k++) {
            x[k] = returns[(int) ((count - window + k) % window)];
        }
        try {
            GarchFit fit = fitter.fit(x);
            parameters = fit.parameters();
            variance = fit.nextVariance();
            lastError = null;
        } catch (IllegalArgumentException | VolatilityModelException e) {
            lastError = e.getMessage();
        }
    }

    @Override
    public double variance() {
        return parameters != null ? variance / (PERCENT * PERCENT) : fallback.variance();
    }

    @Override
    public long returns() {
        return count;
    }

    /**
     * The parameters of the latest successful fit.
     *
     * @return the parameters (percent returns), or null before the first
     */
    GarchParameters parameters() {
        return parameters;
    }

    @Override
    public String source() {
        if (parameters != null) {
            return "garch";
        }
        return lastError == null ? "ewma (garch from " + window + " returns)" : "ewma (garch fit failed: "
                + lastError + ")";
    }

    @Override
    public void writeTo(String prefix, Map<String, String> out) {
        fallback.writeTo(prefix, out);
        int n = (int) Math.min(count, window);
        double[] kept = new double[n];
        for (int k = 0; k < n; k++) {
            kept[k] = returns[(int) ((count - n + k) % window)];
        }
        out.put(prefix + "garchReturns", SnapshotValues.join(kept));
        out.put(prefix + "garchCount", Long.toString(count));
        out.put(prefix + "garchSinceAttempt", Long.toString(sinceAttempt));
        out.put(prefix + "garchError", lastError == null ? "" : lastError);
        if (parameters != null) {
            out.put(prefix + "garchParameters", SnapshotValues.join(new double[] {parameters.mu(),
                parameters.omega(), parameters.alpha(), parameters.beta()}));
            out.put(prefix + "garchVariance", Double.toString(variance));
        }
    }

    @Override
    public void readFrom(String prefix, Map<String, String> in) {
        fallback.readFrom(prefix, in);
        double[] kept = SnapshotValues.doubles(in, prefix + "garchReturns");
        long total = SnapshotValues.whole(in, prefix + "garchCount");
        int keep = Math.min(kept.length, window);
        count = kept.length >= window ? total : kept.length;
        for (int j = 0; j < keep; j++) {
            returns[(int) ((count - keep + j) % window)] = kept[kept.length - keep + j];
        }
        sinceAttempt = SnapshotValues.whole(in, prefix + "garchSinceAttempt");
        String error = SnapshotValues.text(in, prefix + "garchError");
        lastError = error.isEmpty() ? null : error;
        if (in.containsKey(prefix + "garchParameters")) {
            double[] p = SnapshotValues.doubles(in, prefix + "garchParameters");
            if (p.length != 4) {
                throw new IllegalArgumentException("snapshot garchParameters needs mu, omega, alpha, beta");
            }
            parameters = new GarchParameters(p[0], p[1], p[2], p[3]);
            variance = SnapshotValues.number(in, prefix + "garchVariance");
        } else {
            parameters = null;
            variance = Double.NaN;
        }
    }
}
