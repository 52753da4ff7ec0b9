package io.quantplug.plugins.volatility;

/**
 * The online (forward) filter of a {@link GaussianHmm}: after the observations {@code x_1..x_t} of the bars so far it
 * holds {@code P(s_t | x_1..x_t)}, and each new bar costs one prediction and one Bayes update, O(K^2), without
 * refitting or re-reading the past. It never sees a later bar, so its probabilities are fit for a decision at bar
 * {@code t} (unlike {@link GaussianHmm#viterbi(double[])} and forward–backward smoothing, which use the whole
 * series).
 *
 * <pre>
 *   predicted_j = sum_i filtered_i a_ij                     (pi_j before the first bar)
 *   filtered_j  = predicted_j b_j(x_t) / c_t,   c_t = sum_j predicted_j b_j(x_t) = p(x_t | x_1..t-1)
 * </pre>
 * (Rabiner (1989), the forward variable of section III.A normalised at each step as in section V.A; Bishop (2006),
 * section 13.2.4.) The densities are taken in log space and scaled by their largest value first, so a bar far in every
 * state's tail does not underflow ({@link HmmRecursions}). The result equals {@link
 * GaussianHmm#filteredProbabilities(double[])} of the same series bit for bit.
 *
 * <p>The filter starts from the model's {@code pi}. A fitted {@code pi} describes the first bar of the training
 * series; its influence on a filter started elsewhere fades within a few bars (at the rate the chain mixes), and
 * {@link GaussianHmmFitter} keeps every entry of {@code pi} and {@code A} above a tiny floor so that no state is
 * ever ruled out for good.
 *
 * <p>Mutable and not thread-safe: owned by one strategy instance and updated on the engine thread.
 */
public final class HmmFilter {

    private final GaussianHmm model;
    private final int k;
    private final double[] predicted;
    private final double[] emissions;
    private double[] filtered;
    private double[] next;
    private long observations;
    private double logLikelihood;

    HmmFilter(GaussianHmm model) {
        this.model = model;
        this.k = model.states();
        this.predicted = new double[k];
        this.emissions = new double[k];
        this.filtered = new double[k];
        this.next = new double[k];
        reset();
    }

    /** Forgets every observation: the probabilities return to {@code pi}. */
    public void reset() {
        double[] initial = model.initialView();
        System.arraycopy(initial, 0, filtered, 0, k);
        System.arraycopy(initial, 0, predicted, 0, k);
        observations = 0;
        logLikelihood = 0.0;
    }

    /**
     * Continues from the state another filter of an equal model reached, for a hot swap: sets the filtered
     * distribution, the count and the log-likelihood, and recomputes the prediction from them exactly as
     * {@link #update(double)} does, so the two filters agree bit for bit from here on.
     *
     * @param probabilities  what {@link #probabilities()} returned, K values, each finite in {@code [0, 1]}
     * @param observationCount what {@link #observations()} returned, &ge; 0
     * @param logLikelihoodSoFar what {@link #logLikelihood()} returned, finite
     * @throws IllegalArgumentException when a value is out of its range (the filter is then unchanged)
     */
    void restore(double[] probabilities, long observationCount, double logLikelihoodSoFar) {
        if (probabilities.length != k) {
            throw new IllegalArgumentException("filtered probabilities need " + k + " values, got "
                    + probabilities.length);
        }
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("filtered probability must be in [0, 1], got " + p);
            }
        }
        if (observationCount < 0 || !Double.isFinite(logLikelihoodSoFar)) {
            throw new IllegalArgumentException("filter state: observations " + observationCount
                    + " must be >= 0 and the log-likelihood " + logLikelihoodSoFar + " finite");
        }
        System.arraycopy(probabilities, 0, filtered, 0, k);
        observations = observationCount;
        logLikelihood = logLikelihoodSoFar;
        if (observationCount == 0) {
            System.arraycopy(model.initialView(), 0, predicted, 0, k);
        } else {
            HmmRecursions.predict(k, model.transitionView(), filtered, 0, predicted, 0);
        }
    }

    /**
     * Takes the next bar's observation.
     *
     * @param observation the value of the bar just closed, in the units the model was fitted on, finite
     * @throws IllegalArgumentException when the observation is not finite, or has probability zero under the
     *                                  prediction (possible only when {@code pi} or {@code A} has zeros); the filter is
     *                                  then unchanged
     */
    public void update(double observation) {
        if (!Double.isFinite(observation)) {
            throw new IllegalArgumentException("observation must be finite, got " + observation);
        }
        double maxLog = model.emissions(observation, emissions, 0);
        double c = maxLog == Double.NEGATIVE_INFINITY ? 0.0
                : HmmRecursions.update(k, predicted, 0, emissions, 0, next, 0);
        if (!(c > 0.0)) {
            throw new IllegalArgumentException("observation " + observation
                    + " has probability zero under the model given the past");
        }
        double[] swap = filtered;
        filtered = next;
        next = swap;
        logLikelihood += Math.log(c) + maxLog;
        observations++;
        HmmRecursions.predict(k, model.transitionView(), filtered, 0, predicted, 0);
    }

    /**
     * The filtered probability of one state.
     *
     * @param state the state, in {@code [0, K)}
     * @return {@code P(s_t = state | x_1..x_t)} after {@code t} updates ({@code pi_state} before the first)
     * @throws IllegalArgumentException when the state is out of range
     */
    public double probability(int state) {
        checkState(state);
        return filtered[state];
    }

    /**
     * The filtered distribution.
     *
     * @return a new array of K probabilities {@code P(s_t | x_1..x_t)} summing to 1 ({@code pi} before the first
     *         update)
     */
    public double[] probabilities() {
        return filtered.clone();
    }

    /**
     * The distribution of the next bar's state, the one to size a position held over that bar with.
     *
     * @return a new array of K probabilities {@code P(s_{t+1} | x_1..x_t) = sum_i P(s_t = i | x_1..x_t) a_ij}
     *         ({@code pi} before the first update)
     */
    public double[] predictedProbabilities() {
        return predicted.clone();
    }

    /**
     * The most probable current state; ties go to the lower state number (the calmer one in a fitted model).
     *
     * @return {@code argmax_k P(s_t = k | x_1..x_t)}
     */
    public int mostLikelyState() {
        int best = 0;
        for (int s = 1; s < k; s++) {
            if (filtered[s] > filtered[best]) {
                best = s;
            }
        }
        return best;
    }

    /**
     * The number of observations taken since creation or the last {@link #reset()}.
     *
     * @return {@code t}, &ge; 0
     */
    public long observations() {
        return observations;
    }

    /**
     * The log-likelihood of the observations taken so far.
     *
     * @return {@code ln p(x_1..x_t) = sum ln c_t}, 0 before the first update; equals
     *         {@link GaussianHmm#logLikelihood(double[])} of the same series
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * The model filtered.
     *
     * @return the model, not null
     */
    public GaussianHmm model() {
        return model;
    }

    private void checkState(int state) {
        if (state < 0 || state >= k) {
            throw new IllegalArgumentException("state must be in [0, " + (k - 1) + "], got " + state);
        }
    }
}
