package io.quantplug.sdk.statistics;

/**
 * The hedge ratio of a pair re-estimated on a rolling window, with the spread's z-score, for a strategy's per-bar
 * use: feed each bar's pair of values with {@link #update(double, double)}; once {@link #window()} pairs have arrived,
 * every update fits {@code y = α + β x} by OLS on the last {@code window} pairs and scores the newest pair.
 *
 * <p>On the window's pairs {@code (x_i, y_i)}: {@code β = Σ(x_i - x̄)(y_i - ȳ) / Σ(x_i - x̄)²},
 * {@code α = ȳ - β x̄} (the Engle and Granger (1987) cointegrating regression, as R's {@code lm(y ~ x)});
 * {@code spread = y_t - α - β x_t} for the newest pair; {@code z = spread / s}, where {@code s} is the sample
 * standard deviation ({@code n - 1}) of the window's residuals, whose mean is zero by construction (R's
 * {@code residuals(fit)[n] / sd(residuals(fit))}). The newest pair is inside the window, so the score uses no future
 * data. Each update is two passes over the window, {@code O(window)}, with no allocation: ring buffers are allocated
 * once, in the constructor. Before the window is full, and when {@code x} is constant over the window, the estimates
 * are NaN.
 *
 * <p>Mutable and not thread-safe: one owner, such as the strategy instance on the engine thread.
 */
public final class RollingHedgeRatio {

    private final double[] ys;
    private final double[] xs;
    private int count;
    private int next;
    private double intercept = Double.NaN;
    private double hedgeRatio = Double.NaN;
    private double spread = Double.NaN;
    private double zScore = Double.NaN;

    /**
     * An estimator over the last {@code window} pairs.
     *
     * @param window pairs per fit, {@code >= 3} (two coefficients and a residual degree of freedom)
     * @throws IllegalArgumentException when {@code window < 3}
     */
    public RollingHedgeRatio(int window) {
        if (window < 3) {
            throw new IllegalArgumentException("window must be >= 3 pairs, got " + window);
        }
        this.ys = new double[window];
        this.xs = new double[window];
    }

    /**
     * Adds the newest pair and, once the window is full, re-estimates.
     *
     * @param y the dependent series' value (e.g. a log close), finite
     * @param x the other series' value at the same time, finite
     * @return true when the estimates are available ({@link #isReady()})
     * @throws IllegalArgumentException when a value is not finite; the state is then unchanged
     */
    public boolean update(double y, double x) {
        if (!Double.isFinite(y) || !Double.isFinite(x)) {
            throw new IllegalArgumentException("y and x must be finite, got y=" + y + ", x=" + x);
        }
        int newest = next;
        ys[newest] = y;
        xs[newest] = x;
        next = (next + 1) % ys.length;
        count = Math.min(count + 1, ys.length);
        if (count == ys.length) {
            estimate(newest);
        }
        return isReady();
    }

    /** Sums in time order, oldest first, so that a restored estimator (see {@link #copyPairs}) repeats every bit. */
    private void estimate(int newest) {
        int n = ys.length;
        double meanY = 0;
        double meanX = 0;
        for (int k = 0; k < n; k++) {
            int i = (next + k) % n;
            meanY += ys[i];
            meanX += xs[i];
        }
        meanY /= n;
        meanX /= n;
        double sxx = 0;
        double sxy = 0;
        for (int k = 0; k < n; k++) {
            int i = (next + k) % n;
            double dx = xs[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (ys[i] - meanY);
        }
        hedgeRatio = sxx > 0 ? sxy / sxx : Double.NaN;
        intercept = meanY - hedgeRatio * meanX;
        double sum = 0;
        double sumSquares = 0;
        for (int k = 0; k < n; k++) {
            int i = (next + k) % n;
            double e = ys[i] - intercept - hedgeRatio * xs[i];
            sum += e;
            sumSquares += e * e;
        }
        double mean = sum / n;
        double sd = Math.sqrt((sumSquares - n * mean * mean) / (n - 1));
        spread = ys[newest] - intercept - hedgeRatio * xs[newest];
        zScore = sd > 0 ? (spread - mean) / sd : Double.NaN;
    }

    /**
     * Copies the pairs held (at most {@link #window()}), oldest first, for a snapshot: feeding them to a new estimator
     * of the same window through {@link #update} restores this one exactly, bit for bit.
     *
     * @param yOut receives the {@code y} values, length {@code >= window()}
     * @param xOut receives the {@code x} values, length {@code >= window()}
     * @return how many pairs were copied, {@code 0 .. window()}
     * @throws IllegalArgumentException when an array is null or shorter than the window
     */
    public int copyPairs(double[] yOut, double[] xOut) {
        if (yOut == null || xOut == null || yOut.length < ys.length || xOut.length < ys.length) {
            throw new IllegalArgumentException("yOut and xOut must hold at least window=" + ys.length + " values");
        }
        int oldest = count == ys.length ? next : 0;
        for (int k = 0; k < count; k++) {
            yOut[k] = ys[(oldest + k) % ys.length];
            xOut[k] = xs[(oldest + k) % ys.length];
        }
        return count;
    }

    /**
     * Whether a full window has been seen and {@code x} varied over it.
     *
     * @return true when {@link #hedgeRatio()} and the rest are numbers
     */
    public boolean isReady() {
        return count == ys.length && !Double.isNaN(zScore);
    }

    /**
     * The window's length.
     *
     * @return pairs per fit
     */
    public int window() {
        return ys.length;
    }

    /**
     * The hedge ratio {@code β} of the last fit.
     *
     * @return units of {@code y} per unit of {@code x}, or NaN before the window is full
     */
    public double hedgeRatio() {
        return hedgeRatio;
    }

    /**
     * The intercept {@code α} of the last fit.
     *
     * @return in units of {@code y}, or NaN before the window is full
     */
    public double intercept() {
        return intercept;
    }

    /**
     * The newest pair's spread {@code y - α - β x} under the last fit.
     *
     * @return in units of {@code y}, or NaN before the window is full
     */
    public double spread() {
        return spread;
    }

    /**
     * The newest spread in standard deviations of the window's residuals.
     *
     * @return the z-score (dimensionless), or NaN before the window is full
     */
    public double zScore() {
        return zScore;
    }
}
