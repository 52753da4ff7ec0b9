package io.quantplug.sdk.volatility;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The parameters of a GARCH(1,1) model with a constant mean, on returns in percent per bar:
 * <pre>
 *   r_t = mu + eps_t,   eps_t = sigma_t z_t,   z_t ~ N(0, 1) i.i.d.
 *   sigma^2_t = omega + alpha eps^2_{t-1} + beta sigma^2_{t-1}
 * </pre>
 * (Bollerslev, T. (1986), "Generalized Autoregressive Conditional Heteroskedasticity", <i>Journal of
 * Econometrics</i> 31(3), 307–327.) The constraints {@code omega > 0}, {@code alpha, beta >= 0} keep every variance
 * positive; {@code alpha + beta < 1} makes the process covariance stationary with the unconditional variance
 * {@code omega / (1 - alpha - beta)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mu    mean return, percent per bar, finite
 * @param omega variance intercept, percent² per bar, finite and &gt; 0
 * @param alpha weight of the last squared shock, &ge; 0
 * @param beta  weight of the last variance, &ge; 0, with {@code alpha + beta < 1}
 */
public record GarchParameters(double mu, double omega, double alpha, double beta) {

    /**
     * Validates the parameters.
     *
     * @param mu    mean return, percent per bar, finite
     * @param omega variance intercept, percent² per bar, finite and &gt; 0
     * @param alpha weight of the last squared shock, finite and &ge; 0
     * @param beta  weight of the last variance, finite and &ge; 0
     * @throws IllegalArgumentException naming the parameter when a constraint does not hold, or {@code alpha + beta}
     *                                  when it is not below 1
     */
    public GarchParameters {
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite, got " + mu);
        }
        if (!(omega > 0) || !Double.isFinite(omega)) {
            throw new IllegalArgumentException("omega must be finite and > 0, got " + omega);
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        if (!(beta >= 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
        if (!(alpha + beta < 1)) {
            throw new IllegalArgumentException("alpha + beta must be < 1 (covariance stationarity), got "
                    + (alpha + beta));
        }
    }

    /**
     * The persistence of variance shocks.
     *
     * @return {@code alpha + beta}, in {@code [0, 1)}
     */
    public double persistence() {
        return alpha + beta;
    }

    /**
     * The unconditional (long-run) variance the forecasts revert to.
     *
     * @return {@code omega / (1 - alpha - beta)}, percent² per bar
     */
    public double unconditionalVariance() {
        return omega / (1.0 - alpha - beta);
    }

    /**
     * The variance recursion: the next bar's conditional variance.
     *
     * @param residual the latest shock {@code eps_t = r_t - mu}, percent
     * @param variance the latest conditional variance {@code sigma^2_t}, percent², &ge; 0
     * @return {@code sigma^2_{t+1} = omega + alpha eps_t^2 + beta sigma^2_t}
     */
    public double nextVariance(double residual, double variance) {
        return omega + alpha * residual * residual + beta * variance;
    }

    /**
     * The {@code h}-step variance forecast from the one-step forecast, in closed form:
     * <pre>
     *   sigma^2_{t+h|t} = V + (alpha + beta)^(h-1) (sigma^2_{t+1|t} - V),   V = omega / (1 - alpha - beta)
     * </pre>
     * which follows from {@code E_t[eps^2_{t+j}] = E_t[sigma^2_{t+j}]} and reverts geometrically to the
     * unconditional variance (e.g. Tsay, R. S. (2010), <i>Analysis of Financial Time Series</i>, 3rd ed., Wiley,
     * section 3.5, the GARCH model and its multi-step forecasts; Hull, J. C., <i>Options, Futures, and Other Derivatives</i>, chapter
     * "Estimating Volatilities and Correlations", section on using GARCH(1,1) to forecast future volatility).
     *
     * @param oneStepVariance {@code sigma^2_{t+1|t}}, percent², &ge; 0
     * @param horizon         {@code h}, bars ahead, &ge; 1
     * @return {@code sigma^2_{t+h|t}}, percent² per bar
     * @throws IllegalArgumentException when {@code horizon < 1}
     */
    public double forecastVariance(double oneStepVariance, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 bar, got " + horizon);
        }
        double v = unconditionalVariance();
        return v + Math.pow(alpha + beta, horizon - 1) * (oneStepVariance - v);
    }

    /**
     * Simulates a return path of this model, e.g. for a Monte Carlo study or a test with a known truth.
     *
     * <p>The recursion of the model as defined above (Bollerslev (1986)) with Gaussian shocks
     * {@code z_t = random.nextGaussian()}: it starts from {@code sigma^2 = } {@link #unconditionalVariance()} and
     * {@code eps = 0}, runs {@code burnIn} steps whose returns are discarded (so the path forgets that start), then
     * keeps the next {@code observations} returns {@code r_t = mu + sigma_t z_t}. Exactly one
     * {@code nextGaussian()} is drawn per step, so a seeded generator gives the same path on every run.
     *
     * @param observations returns to keep, &ge; 1
     * @param burnIn       steps to discard first, &ge; 0
     * @param random       the source of the shocks, not null; the caller owns and seeds it (e.g.
     *                     {@code new java.util.Random(seed)})
     * @return a new array of {@code observations} returns, oldest first, in the units of {@link #mu()} (percent per bar
     *         for the usual scale)
     * @throws NullPointerException     when {@code random} is null
     * @throws IllegalArgumentException when {@code observations < 1} or {@code burnIn < 0}
     */
    public double[] simulate(int observations, int burnIn, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        if (observations < 1) {
            throw new IllegalArgumentException("observations must be >= 1, got " + observations);
        }
        if (burnIn < 0) {
            throw new IllegalArgumentException("burnIn must be >= 0, got " + burnIn);
        }
        double h = unconditionalVariance();
        double eps = 0;
        double[] r = new double[observations];
        for (int t = -burnIn; t < observations; t++) {
            h = nextVariance(eps, h);
            eps = Math.sqrt(h) * random.nextGaussian();
            if (t >= 0) {
                r[t] = mu + eps;
            }
        }
        return r;
    }
}
