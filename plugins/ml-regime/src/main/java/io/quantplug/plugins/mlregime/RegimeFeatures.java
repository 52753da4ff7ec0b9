package io.quantplug.plugins.mlregime;

import java.util.List;

/**
 * The features of bar {@code t}: ten numbers computed from bars {@code t - m .. t} only (never a later bar), with
 * {@code n} the short window ({@code featureBars}) and {@code m} the long one ({@code longBars}, &gt; n). With
 * {@code C, H, L, V} close, high, low and volume and {@code r_k = ln(C_k / C_{k-1})} the log return of bar k:
 *
 * <ol start="0">
 *   <li>{@code return1 = r_t}, the last bar's log return;</li>
 *   <li>{@code returnShort = ln(C_t / C_{t-n})};</li>
 *   <li>{@code returnLong = ln(C_t / C_{t-m})};</li>
 *   <li>{@code volatility = sigma_n}, the realised volatility {@code sigma_w = sqrt((1/w) sum_{k=t-w+1..t} r_k^2)}
 *       per bar (zero-mean, as in Andersen, Bollerslev, Diebold and Labys, "Modeling and Forecasting Realized
 *       Volatility", Econometrica 71, 2003);</li>
 *   <li>{@code volatilityRatio = sigma_n / sigma_m} (1 when {@code sigma_m = 0}): is volatility rising?</li>
 *   <li>{@code trendStrength = returnShort / (sigma_m sqrt(n))} (0 when {@code sigma_m = 0}): the short return in
 *       standard deviations of a random walk with the long window's volatility;</li>
 *   <li>{@code atrToPrice = ATR_n / C_t}, with {@code ATR_n} the simple mean of the true range
 *       {@code TR_k = max(H_k - L_k, |H_k - C_{k-1}|, |L_k - C_{k-1}|)} over bars {@code t-n+1 .. t} (Wilder, "New
 *       Concepts in Technical Trading Systems", 1978, defines TR; the mean here is a plain one, so the feature
 *       depends on the window alone);</li>
 *   <li>{@code emaSlope = ln(E_t / E_{t-1})}, with {@code E} the exponential moving average of period n,
 *       {@code E_k = E_{k-1} + alpha (C_k - E_{k-1})}, {@code alpha = 2 / (n + 1)}, run over {@code C_{t-m} .. C_t}
 *       from {@code E_{t-m} = C_{t-m}} (the seed's weight at t is {@code (1 - alpha)^m});</li>
 *   <li>{@code rangePosition = (C_t - LL) / (HH - LL)}, with {@code HH}, {@code LL} the highest high and lowest
 *       low of bars {@code t-n+1 .. t} (Lane's stochastic %K as a fraction; 0.5 when {@code HH = LL});</li>
 *   <li>{@code volumeZ = (V_t - mean) / sd} over {@code V_{t-m+1} .. V_t}, population standard deviation (0 when
 *       {@code sd <= 1e-12 mean}, i.e. a constant volume up to rounding).</li>
 * </ol>
 *
 * <p>The first bar with features is index {@code m} (it needs {@code m + 1} bars). Every value is finite for valid
 * bars (positive prices). Costs O(m) per bar. Stateless and thread-safe.
 */
final class RegimeFeatures {

    /** The feature names, in the order of {@link #compute}'s array (Tribuo addresses features by name). */
    static final List<String> NAMES = List.of("return1", "returnShort", "returnLong", "volatility",
            "volatilityRatio", "trendStrength", "atrToPrice", "emaSlope", "rangePosition", "volumeZ");

    private final int n;
    private final int m;

    /**
     * Features with the given windows.
     *
     * @param shortBars n, &ge; 2
     * @param longBars  m, &gt; n
     */
    RegimeFeatures(int shortBars, int longBars) {
        if (shortBars < 2 || longBars <= shortBars) {
            throw new IllegalArgumentException("need 2 <= shortBars < longBars, got " + shortBars + ", "
                    + longBars);
        }
        this.n = shortBars;
        this.m = longBars;
    }

    /** @return the bars before {@code t} the features look at, m (bar t needs bars t - m .. t) */
    int lookback() {
        return m;
    }

    /**
     * The features of bar t.
     *
     * @param w the bars; must hold {@code t - m .. t}
     * @param t the bar index
     * @return a new array of {@link #NAMES}{@code .size()} values, in that order
     * @throws IndexOutOfBoundsException when a needed bar is not held
     */
    double[] compute(BarWindow w, long t) {
        double ct = w.close(t);
        double sigmaN = realisedVolatility(w, t, n);
        double sigmaM = realisedVolatility(w, t, m);
        double returnShort = Math.log(ct / w.close(t - n));
        double[] f = new double[NAMES.size()];
        f[0] = Math.log(ct / w.close(t - 1));
        f[1] = returnShort;
        f[2] = Math.log(ct / w.close(t - m));
        f[3] = sigmaN;
        f[4] = sigmaM > 0 ? sigmaN / sigmaM : 1.0;
        f[5] = sigmaM > 0 ? returnShort / (sigmaM * Math.sqrt(n)) : 0.0;
        f[6] = meanTrueRange(w, t, n) / ct;
        f[7] = emaSlope(w, t);
        f[8] = rangePosition(w, t);
        f[9] = volumeZ(w, t);
        return f;
    }

    /**
     * Realised volatility per bar of the {@code bars} log returns ending at t:
     * {@code sqrt((1/bars) sum_{k=t-bars+1..t} ln(C_k / C_{k-1})^2)}.
     *
     * @param w    the bars; must hold {@code t - bars .. t}
     * @param t    the last bar
     * @param bars the number of returns, &ge; 1
     * @return the volatility, a fraction per bar, &ge; 0
     */
    static double realisedVolatility(BarWindow w, long t, int bars) {
        double sum = 0;
        for (long k = t - bars + 1; k <= t; k++) {
            double r = Math.log(w.close(k) / w.close(k - 1));
            sum += r * r;
        }
        return Math.sqrt(sum / bars);
    }

    private static double meanTrueRange(BarWindow w, long t, int bars) {
        double sum = 0;
        for (long k = t - bars + 1; k <= t; k++) {
            double h = w.high(k);
            double l = w.low(k);
            double prev = w.close(k - 1);
            sum += Math.max(h - l, Math.max(Math.abs(h - prev), Math.abs(l - prev)));
        }
        return sum / bars;
    }

    private double emaSlope(BarWindow w, long t) {
        double alpha = 2.0 / (n + 1);
        double ema = w.close(t - m);
        double previous = ema;
        for (long k = t - m + 1; k <= t; k++) {
            previous = ema;
            ema = ema + alpha * (w.close(k) - ema);
        }
        return Math.log(ema / previous);
    }

    private double rangePosition(BarWindow w, long t) {
        double hh = Double.NEGATIVE_INFINITY;
        double ll = Double.POSITIVE_INFINITY;
        for (long k = t - n + 1; k <= t; k++) {
            hh = Math.max(hh, w.high(k));
            ll = Math.min(ll, w.low(k));
        }
        return hh > ll ? (w.close(t) - ll) / (hh - ll) : 0.5;
    }

    private double volumeZ(BarWindow w, long t) {
        double sum = 0;
        for (long k = t - m + 1; k <= t; k++) {
            sum += w.volume(k);
        }
        double mean = sum / m;
        double squares = 0;
        for (long k = t - m + 1; k <= t; k++) {
            double d = w.volume(k) - mean;
            squares += d * d;
        }
        double sd = Math.sqrt(squares / m);
        // a constant volume leaves only rounding noise in sd: treat it as zero
        return sd > 1e-12 * mean ? (w.volume(t) - mean) / sd : 0.0;
    }
}
