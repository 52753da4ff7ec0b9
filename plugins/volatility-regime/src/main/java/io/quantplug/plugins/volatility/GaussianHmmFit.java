package io.quantplug.plugins.volatility;

import java.util.Objects;

/**
 * A Gaussian hidden Markov model fitted to a series by Baum–Welch ({@link GaussianHmmFitter}).
 *
 * @param model         the estimates, states numbered by ascending {@code sigma} (state 0 the calmest), not null
 * @param logLikelihood {@code ln p(x_1..n)} at {@code model}, natural log, constants included
 * @param observations  the length n of the series fitted
 * @param iterations    EM iterations (M-steps) of the winning start
 * @param converged     whether the winning start met the tolerance before the iteration cap
 */
public record GaussianHmmFit(GaussianHmm model, double logLikelihood, int observations, int iterations,
                             boolean converged) {

    /**
     * Validates the fit.
     *
     * @param model         the estimates, not null
     * @param logLikelihood finite
     * @param observations  &ge; 1
     * @param iterations    &ge; 0
     * @param converged     whether the tolerance was met
     * @throws NullPointerException     when {@code model} is null
     * @throws IllegalArgumentException when a value is out of its range (names it)
     */
    public GaussianHmmFit {
        Objects.requireNonNull(model, "model");
        if (!Double.isFinite(logLikelihood)) {
            throw new IllegalArgumentException("logLikelihood must be finite, got " + logLikelihood);
        }
        if (observations < 1) {
            throw new IllegalArgumentException("observations must be >= 1, got " + observations);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
    }

    /**
     * The number of free parameters of a K-state Gaussian HMM: {@code (K - 1)} for {@code pi}, {@code K (K - 1)} for
     * {@code A}, {@code 2 K} for the means and standard deviations.
     *
     * @return {@code K^2 + 2K - 1}: 7, 14 or 23 for 2, 3 or 4 states
     */
    public int freeParameters() {
        int k = model.states();
        return k * k + 2 * k - 1;
    }

    /**
     * The Bayesian information criterion, for choosing the number of states on one series: lower is better
     * (Schwarz, G. (1978), "Estimating the Dimension of a Model", <i>Annals of Statistics</i> 6(2), 461–464).
     *
     * @return {@code -2 ln L + p ln n}, p = {@link #freeParameters()}
     */
    public double bic() {
        return -2.0 * logLikelihood + freeParameters() * Math.log(observations);
    }
}
