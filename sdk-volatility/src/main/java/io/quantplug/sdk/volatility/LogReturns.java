package io.quantplug.sdk.volatility;

import java.util.Objects;

/**
 * Log returns of a close series, the input of the GARCH model and of the close-based estimators: pure functions,
 * thread-safe.
 */
public final class LogReturns {

    private LogReturns() {
    }

    /**
     * The log returns {@code r_t = ln(C_t / C_{t-1})}, {@code t = 1..n-1}.
     *
     * @param closes close prices, oldest first, not null, at least 2, each finite and &gt; 0
     * @return {@code closes.length - 1} returns, a pure number per bar
     * @throws NullPointerException     when {@code closes} is null
     * @throws IllegalArgumentException when there are fewer than 2 closes or a close is not finite and &gt; 0
     *                                  (names the index)
     */
    public static double[] of(double[] closes) {
        return scaled(closes, 1.0);
    }

    /**
     * The percent log returns {@code r_t = 100 ln(C_t / C_{t-1})}, the scale of the GARCH model ({@link GarchFitter}).
     *
     * @param closes close prices, oldest first, not null, at least 2, each finite and &gt; 0
     * @return {@code closes.length - 1} returns in percent per bar
     * @throws NullPointerException     when {@code closes} is null
     * @throws IllegalArgumentException when there are fewer than 2 closes or a close is not finite and &gt; 0
     *                                  (names the index)
     */
    public static double[] percent(double[] closes) {
        return scaled(closes, 100.0);
    }

    private static double[] scaled(double[] closes, double factor) {
        Objects.requireNonNull(closes, "closes");
        if (closes.length < 2) {
            throw new IllegalArgumentException("closes needs at least 2 prices, got " + closes.length);
        }
        double[] r = new double[closes.length - 1];
        checkClose(closes, 0);
        for (int t = 1; t < closes.length; t++) {
            checkClose(closes, t);
            r[t - 1] = factor * Math.log(closes[t] / closes[t - 1]);
        }
        return r;
    }

    private static void checkClose(double[] closes, int t) {
        if (!(closes[t] > 0) || !Double.isFinite(closes[t])) {
            throw new IllegalArgumentException("closes[" + t + "] must be finite and > 0, got " + closes[t]);
        }
    }
}
