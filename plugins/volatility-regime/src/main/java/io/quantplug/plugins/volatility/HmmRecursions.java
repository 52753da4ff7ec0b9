package io.quantplug.plugins.volatility;

/**
 * The scaled forward–backward recursions and the log-space Viterbi recursion of a Gaussian hidden Markov model on
 * flat {@code double[]} arrays, shared by
 * {@link GaussianHmm}, {@link HmmFilter} and {@link GaussianHmmFitter} so that the batch and the incremental filters
 * perform the same floating-point operations in the same order (their results agree bit for bit).
 *
 * <p>Layout: a {@code K x K} transition matrix is row-major, {@code a[i * K + j] = P(s_{t+1} = j | s_t = i)}; a
 * per-observation vector of {@code K} values for observation {@code t} starts at offset {@code t * K}.
 *
 * <p>Scaling (Rabiner, L. R. (1989), "A Tutorial on Hidden Markov Models and Selected Applications in Speech
 * Recognition", <i>Proceedings of the IEEE</i> 77(2), 257–286, section V.A; in the normalised form of Bishop, C. M.
 * (2006), <i>Pattern Recognition and Machine Learning</i>, Springer, section 13.2.4): the forward variable is kept
 * normalised, {@code alpha^_t(j) = P(s_t = j | x_1..t)}, and the normaliser {@code c_t = p(x_t | x_1..t-1)} gives
 * {@code ln p(x_1..n) = sum_t ln c_t}. In addition the emission densities of one observation are computed in log
 * space and divided by their largest value before use ({@code b'_t(k) = exp(ln b_k(x_t) - m_t)},
 * {@code m_t = max_k ln b_k(x_t)}), so an observation far in the tails of every state (a 40-sigma bar) does not
 * underflow all densities to zero; {@code m_t} is added back to {@code ln c_t}. Nothing here over- or underflows for
 * any series of finite observations whose predicted state distribution gives the best-fitting state a probability
 * above zero.
 */
final class HmmRecursions {

    static final double LN_2PI = Math.log(2.0 * Math.PI);

    private HmmRecursions() {
    }

    /**
     * The scaled emission densities of one observation.
     *
     * @param logNorm       {@code -ln(2 pi)/2 - ln sigma_k} per state
     * @param means         {@code mu_k} per state
     * @param halfPrecision {@code 1 / (2 sigma_k^2)} per state
     * @param x             the observation, finite
     * @param out           receives {@code b'(k) = exp(ln b_k(x) - m)} at {@code out[offset + k]}, the largest is 1
     * @return {@code m = max_k ln b_k(x)}, {@code -Infinity} only when {@code |x - mu_k|} overflows for every state
     */
    static double emissions(int k, double[] logNorm, double[] means, double[] halfPrecision, double x,
                            double[] out, int offset) {
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < k; s++) {
            double d = x - means[s];
            double logDensity = logNorm[s] - halfPrecision[s] * d * d;
            out[offset + s] = logDensity;
            if (logDensity > max) {
                max = logDensity;
            }
        }
        for (int s = 0; s < k; s++) {
            out[offset + s] = Math.exp(out[offset + s] - max);
        }
        return max;
    }

    /**
     * The prediction step: {@code out(j) = sum_i filtered(i) a(i, j)}, the state distribution one bar ahead.
     */
    static void predict(int k, double[] transition, double[] filtered, int filteredOffset, double[] out,
                        int outOffset) {
        for (int j = 0; j < k; j++) {
            out[outOffset + j] = 0.0;
        }
        for (int i = 0; i < k; i++) {
            double f = filtered[filteredOffset + i];
            int row = i * k;
            for (int j = 0; j < k; j++) {
                out[outOffset + j] += f * transition[row + j];
            }
        }
    }

    /**
     * The update step (Bayes' rule): {@code out(j) = predicted(j) b'(j) / c'} with {@code c' = sum_j predicted(j)
     * b'(j)}.
     *
     * @return {@code c'}, the scaled normaliser ({@code ln c_t = ln c' + m_t}); when it is 0 the observation has
     *         probability zero under the prediction and {@code out} is left unchanged
     */
    static double update(int k, double[] predicted, int predictedOffset, double[] emissions, int emissionOffset,
                         double[] out, int outOffset) {
        double c = 0.0;
        for (int j = 0; j < k; j++) {
            c += predicted[predictedOffset + j] * emissions[emissionOffset + j];
        }
        if (!(c > 0.0)) {
            return 0.0;
        }
        double inverse = 1.0 / c;
        for (int j = 0; j < k; j++) {
            out[outOffset + j] = predicted[predictedOffset + j] * emissions[emissionOffset + j] * inverse;
        }
        return c;
    }

    /**
     * The forward pass over a whole series with precomputed scaled emissions.
     *
     * @param emissions {@code n * K} scaled emissions ({@link #emissions})
     * @param maxLog    {@code m_t} per observation
     * @param filtered  receives {@code alpha^_t} at offset {@code t * K}
     * @param scale     receives {@code c'_t}, may be null
     * @return {@code ln p(x_1..n)}, or {@code -Infinity} from the first observation with probability zero on (then
     *         {@code filtered} holds garbage from that observation on)
     */
    static double forward(int k, double[] initial, double[] transition, double[] emissions, double[] maxLog, int n,
                          double[] filtered, double[] scale, double[] predicted) {
        double logLikelihood = 0.0;
        for (int t = 0; t < n; t++) {
            double c;
            if (t == 0) {
                c = update(k, initial, 0, emissions, 0, filtered, 0);
            } else {
                predict(k, transition, filtered, (t - 1) * k, predicted, 0);
                c = update(k, predicted, 0, emissions, t * k, filtered, t * k);
            }
            if (scale != null) {
                scale[t] = c;
            }
            if (!(c > 0.0)) {
                return Double.NEGATIVE_INFINITY;
            }
            logLikelihood += Math.log(c) + maxLog[t];
        }
        return logLikelihood;
    }

    /**
     * The scaled backward pass and the posterior marginals (Bishop (2006), section 13.2.4):
     * {@code beta^_{n} = 1}, {@code beta^_t(i) = sum_j a(i, j) b'_{t+1}(j) beta^_{t+1}(j) / c'_{t+1}}, the smoothed
     * {@code gamma_t(i) = alpha^_t(i) beta^_t(i) = P(s_t = i | x_1..n)} and the expected transition counts
     * {@code sum_t xi_t(i, j)}, {@code xi_t(i, j) = alpha^_t(i) a(i, j) b'_{t+1}(j) beta^_{t+1}(j) / c'_{t+1}}.
     * O(n K^2). Requires a forward pass that returned a finite log-likelihood.
     *
     * @param beta             work array of {@code n * K}
     * @param gamma            receives {@code gamma_t} at offset {@code t * K}
     * @param transitionCounts receives {@code sum_{t<n} xi_t(i, j)} row-major, may be null
     */
    static void backward(int k, double[] transition, double[] emissions, double[] scale, int n, double[] filtered,
                         double[] beta, double[] gamma, double[] transitionCounts, double[] weighted) {
        if (transitionCounts != null) {
            java.util.Arrays.fill(transitionCounts, 0, k * k, 0.0);
        }
        int last = (n - 1) * k;
        for (int i = 0; i < k; i++) {
            beta[last + i] = 1.0;
        }
        for (int t = n - 2; t >= 0; t--) {
            int next = (t + 1) * k;
            double inverse = 1.0 / scale[t + 1];
            for (int j = 0; j < k; j++) {
                weighted[j] = emissions[next + j] * beta[next + j] * inverse;
            }
            int here = t * k;
            for (int i = 0; i < k; i++) {
                int row = i * k;
                double sum = 0.0;
                for (int j = 0; j < k; j++) {
                    sum += transition[row + j] * weighted[j];
                }
                beta[here + i] = sum;
                if (transitionCounts != null) {
                    double a = filtered[here + i];
                    for (int j = 0; j < k; j++) {
                        transitionCounts[row + j] += a * transition[row + j] * weighted[j];
                    }
                }
            }
        }
        for (int p = 0; p < n * k; p++) {
            gamma[p] = filtered[p] * beta[p];
        }
    }

    /**
     * The Viterbi path in log space ({@link GaussianHmm#viterbi(double[])} documents it). Ties go to the lower state.
     *
     * @throws IllegalArgumentException when a prefix of the series has probability zero (names the last index)
     */
    static int[] viterbi(int k, double[] initial, double[] transition, double[] logNorm, double[] means,
                         double[] halfPrecision, double[] x) {
        int n = x.length;
        double[] logA = new double[k * k];
        for (int p = 0; p < k * k; p++) {
            logA[p] = Math.log(transition[p]);
        }
        int[] back = new int[n * k];
        double[] delta = new double[k];
        double[] next = new double[k];
        for (int j = 0; j < k; j++) {
            double d = x[0] - means[j];
            delta[j] = Math.log(initial[j]) + logNorm[j] - halfPrecision[j] * d * d;
        }
        requireSomeFinite(delta, 0);
        for (int t = 1; t < n; t++) {
            for (int j = 0; j < k; j++) {
                double best = Double.NEGATIVE_INFINITY;
                int argBest = 0;
                for (int i = 0; i < k; i++) {
                    double v = delta[i] + logA[i * k + j];
                    if (v > best) {
                        best = v;
                        argBest = i;
                    }
                }
                double d = x[t] - means[j];
                next[j] = best + logNorm[j] - halfPrecision[j] * d * d;
                back[t * k + j] = argBest;
            }
            requireSomeFinite(next, t);
            double[] swap = delta;
            delta = next;
            next = swap;
        }
        int[] path = new int[n];
        int state = 0;
        for (int j = 1; j < k; j++) {
            if (delta[j] > delta[state]) {
                state = j;
            }
        }
        path[n - 1] = state;
        for (int t = n - 1; t > 0; t--) {
            state = back[t * k + state];
            path[t - 1] = state;
        }
        return path;
    }

    private static void requireSomeFinite(double[] delta, int t) {
        for (double d : delta) {
            if (d > Double.NEGATIVE_INFINITY) {
                return;
            }
        }
        throw new IllegalArgumentException("observations[0.." + t + "] have probability zero under the model");
    }
}
