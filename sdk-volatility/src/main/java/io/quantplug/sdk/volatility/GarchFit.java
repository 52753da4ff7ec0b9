package io.quantplug.sdk.volatility;

import java.util.Objects;

/**
 * A GARCH(1,1) model fitted to a return series by maximum likelihood ({@link GarchFitter}), with its variance
 * forecasts from the end of the series.
 *
 * <p>Units follow the returns: with percent log returns {@code 100 ln(C_t / C_{t-1})}, {@code mu} is in percent per
 * bar and variances in percent² per bar.
 *
 * <p>Immutable and thread-safe.
 *
 * @param parameters    the maximum-likelihood estimates, not null
 * @param logLikelihood the maximised Gaussian log-likelihood at {@code parameters} ({@link GarchLikelihood}),
 *                      natural log, constant included; R's fGarch prints the same number under "Log Likelihood"
 *                      and stores its negative in {@code fit@fit$llh} and {@code fit@fit$value}
 * @param observations  the number of returns fitted, n
 * @param lastResidual  {@code eps_n = r_n - mu}, percent
 * @param lastVariance  {@code sigma^2_n}, the conditional variance of the last return, percent²
 * @param nextVariance  {@code sigma^2_{n+1|n}}, the one-step forecast, percent², &gt; 0
 * @param evaluations   likelihood evaluations the search used, over all start points
 */
public record GarchFit(GarchParameters parameters, double logLikelihood, int observations, double lastResidual,
                       double lastVariance, double nextVariance, int evaluations) {

    /**
     * Validates the fit.
     *
     * @param parameters    the estimates, not null
     * @param logLikelihood the maximised log-likelihood, finite
     * @param observations  returns fitted, &ge; 2
     * @param lastResidual  the last residual, finite
     * @param lastVariance  the last conditional variance, finite and &gt; 0
     * @param nextVariance  the one-step forecast, finite and &gt; 0
     * @param evaluations   likelihood evaluations, &ge; 0
     * @throws NullPointerException     when {@code parameters} is null
     * @throws IllegalArgumentException when a value is out of its range (names it)
     */
    public GarchFit {
        Objects.requireNonNull(parameters, "parameters");
        if (!Double.isFinite(logLikelihood)) {
            throw new IllegalArgumentException("logLikelihood must be finite, got " + logLikelihood);
        }
        if (observations < 2) {
            throw new IllegalArgumentException("observations must be >= 2, got " + observations);
        }
        if (!Double.isFinite(lastResidual)) {
            throw new IllegalArgumentException("lastResidual must be finite, got " + lastResidual);
        }
        if (!(lastVariance > 0) || !Double.isFinite(lastVariance)) {
            throw new IllegalArgumentException("lastVariance must be finite and > 0, got " + lastVariance);
        }
        if (!(nextVariance > 0) || !Double.isFinite(nextVariance)) {
            throw new IllegalArgumentException("nextVariance must be finite and > 0, got " + nextVariance);
        }
        if (evaluations < 0) {
            throw new IllegalArgumentException("evaluations must be >= 0, got " + evaluations);
        }
    }

    /**
     * The variance forecast {@code h} bars after the last return, in closed form
     * ({@link GarchParameters#forecastVariance(double, int)}).
     *
     * @param horizon bars ahead, &ge; 1 (1 gives {@link #nextVariance()})
     * @return {@code sigma^2_{n+h|n}}, percent² per bar
     * @throws IllegalArgumentException when {@code horizon < 1}
     */
    public double forecastVariance(int horizon) {
        return parameters.forecastVariance(nextVariance, horizon);
    }

    /**
     * The variance forecasts for the next {@code horizon} bars.
     *
     * @param horizon bars ahead, &ge; 1
     * @return a new array; element {@code h - 1} is {@code sigma^2_{n+h|n}}, percent² per bar
     * @throws IllegalArgumentException when {@code horizon < 1}
     */
    public double[] forecastVariances(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 bar, got " + horizon);
        }
        double v = parameters.unconditionalVariance();
        double p = parameters.persistence();
        double[] out = new double[horizon];
        double decay = 1.0;
        for (int h = 0; h < horizon; h++) {
            out[h] = v + decay * (nextVariance - v);
            decay *= p;
        }
        return out;
    }

    /**
     * The annualised volatility implied by the {@code h}-step variance forecast of percent returns,
     * {@code sqrt(periodsPerYear * sigma^2_{n+h|n}) / 100}.
     *
     * @param horizon        bars ahead, &ge; 1
     * @param periodsPerYear bars per year, finite and &gt; 0 (365 for daily crypto bars, see
     *                       {@link io.quantplug.api.market.Timeframe#barsPerYear()})
     * @return the annualised volatility as a fraction (0.6 = 60% a year), assuming the fit was on percent returns
     * @throws IllegalArgumentException when {@code horizon < 1} or {@code periodsPerYear} is not finite and &gt; 0
     */
    public double annualisedVolatility(int horizon, double periodsPerYear) {
        if (!(periodsPerYear > 0) || !Double.isFinite(periodsPerYear)) {
            throw new IllegalArgumentException("periodsPerYear must be finite and > 0, got " + periodsPerYear);
        }
        return Math.sqrt(periodsPerYear * forecastVariance(horizon)) / 100.0;
    }
}
