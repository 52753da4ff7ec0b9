package io.quantplug.sdk.volatility;

import java.util.Objects;

/**
 * The exact Gaussian log-likelihood of a GARCH(1,1) model ({@link GarchParameters}) on one return series, computed in
 * one O(n) pass over a {@code double[]} (no boxing, no allocation per evaluation).
 *
 * <pre>
 *   eps_t = r_t - mu,   t = 1..n
 *   sigma^2_1 = omega + (alpha + beta) * (1/n) sum_t eps_t^2
 *   sigma^2_t = omega + alpha eps^2_{t-1} + beta sigma^2_{t-1},   t = 2..n
 *   log L = -1/2 sum_{t=1..n} [ ln(2 pi) + ln sigma^2_t + eps_t^2 / sigma^2_t ]
 * </pre>
 * The log-likelihood includes its constant {@code -n/2 ln(2 pi)} and every observation, the first included. The
 * start value {@code sigma^2_1} is the one R's fGarch uses by default ({@code garchFit(init.rec = "mci")}: the
 * Fortran likelihood of fGarch sets {@code h_1 = omega + (alpha + beta) * mean(z^2)} with {@code z = x - mu} at the
 * current {@code mu}): the value {@code sigma^2_1} would have if the previous shock and variance both equalled the
 * mean squared residual. Using the same start as fGarch makes the two fits maximise the same function (at the same
 * parameters the two log-likelihoods agree to about 1e-10), so they can be compared closely rather than only
 * asymptotically. (The likelihood is the Gaussian one of Bollerslev's
 * (1986) maximum-likelihood estimation, conditional on this start value.)
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GarchLikelihood {

    private static final double LN_2PI = Math.log(2.0 * Math.PI);
    /** Variances multiplied before one logarithm is taken; 8 keeps the product normal for variances in 1e&plusmn;38. */
    private static final int BLOCK = 8;

    private final double[] returns;
    private final double sum;
    private final double sumOfSquares;

    private GarchLikelihood(double[] returns) {
        this.returns = returns;
        double s = 0;
        double s2 = 0;
        for (double r : returns) {
            s += r;
            s2 += r * r;
        }
        this.sum = s;
        this.sumOfSquares = s2;
    }

    /**
     * The likelihood over a return series.
     *
     * @param returns returns in percent per bar ({@link LogReturns#percent(double[])}), oldest first, not null, at
     *                least 2, each finite; copied
     * @return the likelihood
     * @throws NullPointerException     when {@code returns} is null
     * @throws IllegalArgumentException when there are fewer than 2 returns or one is not finite (names the index)
     */
    public static GarchLikelihood of(double[] returns) {
        Objects.requireNonNull(returns, "returns");
        if (returns.length < 2) {
            throw new IllegalArgumentException("returns needs at least 2 values, got " + returns.length);
        }
        for (int t = 0; t < returns.length; t++) {
            if (!Double.isFinite(returns[t])) {
                throw new IllegalArgumentException("returns[" + t + "] must be finite, got " + returns[t]);
            }
        }
        return new GarchLikelihood(returns.clone());
    }

    /**
     * The number of returns.
     *
     * @return n, &ge; 2
     */
    public int observations() {
        return returns.length;
    }

    /**
     * The log-likelihood at the given parameters.
     *
     * @param p the parameters, not null
     * @return {@code log L}, natural log, constant included
     */
    public double logLikelihood(GarchParameters p) {
        return logLikelihood(p.mu(), p.omega(), p.alpha(), p.beta());
    }

    /**
     * The start value of the variance recursion.
     *
     * @param p the parameters, not null
     * @return {@code sigma^2_1 = omega + (alpha + beta) * mean((r_t - mu)^2)}, percent²
     */
    public double initialVariance(GarchParameters p) {
        return initialVariance(p.mu(), p.omega(), p.alpha() + p.beta());
    }

    /**
     * The conditional variances {@code sigma^2_1 .. sigma^2_n} at the given parameters.
     *
     * @param p the parameters, not null
     * @return a new array of n variances, percent² per bar; element {@code t - 1} is {@code sigma^2_t}
     */
    public double[] conditionalVariances(GarchParameters p) {
        int n = returns.length;
        double[] h = new double[n];
        double mu = p.mu();
        h[0] = initialVariance(p);
        for (int t = 1; t < n; t++) {
            double e = returns[t - 1] - mu;
            h[t] = p.omega() + p.alpha() * e * e + p.beta() * h[t - 1];
        }
        return h;
    }

    /**
     * The one-step forecast after the last return, {@code sigma^2_{n+1} = omega + alpha eps_n^2 + beta sigma^2_n}.
     *
     * @param p the parameters, not null
     * @return the next bar's conditional variance, percent²
     */
    public double nextVariance(GarchParameters p) {
        double[] h = conditionalVariances(p);
        int n = returns.length;
        return p.nextVariance(returns[n - 1] - p.mu(), h[n - 1]);
    }

    /**
     * The last residual {@code eps_n = r_n - mu}.
     *
     * @param p the parameters, not null
     * @return the residual, percent
     */
    public double lastResidual(GarchParameters p) {
        return returns[returns.length - 1] - p.mu();
    }

    /**
     * Unchecked log-likelihood for the optimiser: the caller guarantees {@code omega > 0} and
     * {@code alpha, beta >= 0} (stationarity is not needed for the value to be defined).
     *
     * <p>The logarithm dominates the cost of the loop, so {@code sum ln sigma^2_t} is taken as the log of the product
     * of {@value #BLOCK} variances at a time; a block whose product leaves the normal double range (variances
     * beyond about 1e&plusmn;38) is recomputed with one logarithm per variance, so the value never depends on it.
     */
    double logLikelihood(double mu, double omega, double alpha, double beta) {
        final double[] x = returns;
        final int n = x.length;
        double h = initialVariance(mu, omega, alpha + beta);
        double sumScaled = 0;
        double sumLogH = 0;
        double product = 1;
        int blockStart = 0;
        double hAtBlockStart = h;
        for (int t = 0; t < n; t++) {
            if (t > 0) {
                double previous = x[t - 1] - mu;
                h = omega + alpha * previous * previous + beta * h;
                if (t == blockStart) {
                    hAtBlockStart = h;
                }
            }
            double e = x[t] - mu;
            sumScaled += e * e / h;
            product *= h;
            if (t - blockStart == BLOCK - 1 || t == n - 1) {
                if (product >= Double.MIN_NORMAL && product <= Double.MAX_VALUE) {
                    sumLogH += Math.log(product);
                } else {
                    sumLogH += sumOfLogVariances(mu, omega, alpha, beta, blockStart, t, hAtBlockStart);
                }
                product = 1;
                blockStart = t + 1;
            }
        }
        return -0.5 * (n * LN_2PI + sumLogH + sumScaled);
    }

    /** {@code sum ln sigma^2_t} for {@code t} in {@code [from, to]}, one logarithm each, from {@code sigma^2_from}. */
    private double sumOfLogVariances(double mu, double omega, double alpha, double beta, int from, int to,
                                     double hFrom) {
        double h = hFrom;
        double sum = Math.log(h);
        for (int t = from + 1; t <= to; t++) {
            double previous = returns[t - 1] - mu;
            h = omega + alpha * previous * previous + beta * h;
            sum += Math.log(h);
        }
        return sum;
    }

    /** {@code omega + persistence * mean((r - mu)^2)}, the mean from the running sums in O(1). */
    private double initialVariance(double mu, double omega, double persistence) {
        int n = returns.length;
        double meanSquare = (sumOfSquares - 2.0 * mu * sum + n * mu * mu) / n;
        return omega + persistence * Math.max(meanSquare, 0.0);
    }
}
