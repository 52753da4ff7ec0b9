package io.quantplug.plugins.volatility;

import java.util.Arrays;
import java.util.Objects;

/**
 * A hidden Markov model with {@code K} = 2..4 states and a normal emission per state, over a univariate series
 * (returns, log volatility, ...): a hidden regime {@code s_t} follows a Markov chain and each observation is drawn
 * from its regime's normal distribution,
 * <pre>
 *   P(s_1 = k) = pi_k,   P(s_{t+1} = j | s_t = i) = a_ij,   x_t | s_t = k  ~  N(mu_k, sigma_k^2)
 * </pre>
 * (Rabiner, L. R. (1989), "A Tutorial on Hidden Markov Models and Selected Applications in Speech Recognition",
 * <i>Proceedings of the IEEE</i> 77(2), 257–286, sections II–III; Bishop, C. M. (2006), <i>Pattern Recognition and
 * Machine Learning</i>, Springer, chapter 13.) {@code mu_k} and {@code sigma_k} are in the units of the observations.
 * Models fitted by {@link GaussianHmmFitter} number their states by ascending {@code sigma_k}: state 0 is the calmest.
 *
 * <p>What it computes on a series {@code x_1..x_n}:
 * <ul>
 *   <li>{@link #logLikelihood(double[])}: {@code ln p(x_1..n)} by the scaled forward recursion, O(n K^2);</li>
 *   <li>{@link #filteredProbabilities(double[])} and the incremental {@link #newFilter()}: {@code P(s_t | x_1..t)},
 *       which uses no observation after {@code t}: the only output here fit for a decision at bar {@code t};</li>
 *   <li>{@link #viterbi(double[])}: the most probable whole state path given all {@code n} observations. Looking back
 *       from the last bar, it <em>does</em> use observations after {@code t} to label bar {@code t} (a later bar can
 *       change an earlier label), so it is for analysis and labelling history, never for trading decisions.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; arrays are copied in and out.
 */
public final class GaussianHmm {

    /** The fewest states. */
    public static final int MIN_STATES = 2;
    /** The most states. */
    public static final int MAX_STATES = 4;
    /** How far a probability vector's sum may be from 1. */
    public static final double SUM_TOLERANCE = 1e-9;

    private final int k;
    private final double[] initial;
    private final double[] transition;
    private final double[] means;
    private final double[] sigmas;
    private final double[] logNorm;
    private final double[] halfPrecision;

    private GaussianHmm(double[] initial, double[] transition, double[] means, double[] sigmas) {
        this.k = means.length;
        this.initial = initial;
        this.transition = transition;
        this.means = means;
        this.sigmas = sigmas;
        this.logNorm = new double[k];
        this.halfPrecision = new double[k];
        for (int s = 0; s < k; s++) {
            logNorm[s] = -0.5 * HmmRecursions.LN_2PI - Math.log(sigmas[s]);
            halfPrecision[s] = 0.5 / (sigmas[s] * sigmas[s]);
        }
    }

    /**
     * A model from its parameters.
     *
     * @param initialProbabilities {@code pi}, K values, each in {@code [0, 1]}, summing to 1 within
     *                             {@link #SUM_TOLERANCE}
     * @param transitionMatrix     {@code A}, K rows of K values, {@code transitionMatrix[i][j] = P(s_{t+1} = j |
     *                             s_t = i)}, each in {@code [0, 1]}, each row summing to 1 within
     *                             {@link #SUM_TOLERANCE}
     * @param means                {@code mu_k}, K finite values, the number of states K in {@code [2, 4]}
     * @param sigmas               {@code sigma_k}, K standard deviations, finite and &gt; 0
     * @return the model; the arrays are copied
     * @throws NullPointerException     when an array or a row is null
     * @throws IllegalArgumentException when K is outside {@code [2, 4]}, a length differs from K, or a value is out of
     *                                  its range (names the parameter and the index)
     */
    public static GaussianHmm of(double[] initialProbabilities, double[][] transitionMatrix, double[] means,
                                 double[] sigmas) {
        Objects.requireNonNull(initialProbabilities, "initialProbabilities");
        Objects.requireNonNull(transitionMatrix, "transitionMatrix");
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(sigmas, "sigmas");
        int k = means.length;
        if (k < MIN_STATES || k > MAX_STATES) {
            throw new IllegalArgumentException("means.length (the number of states) must be in [" + MIN_STATES
                    + ", " + MAX_STATES + "], got " + k);
        }
        requireLength("initialProbabilities", initialProbabilities.length, k);
        requireLength("transitionMatrix", transitionMatrix.length, k);
        requireLength("sigmas", sigmas.length, k);
        requireDistribution("initialProbabilities", initialProbabilities);
        double[] flat = new double[k * k];
        for (int i = 0; i < k; i++) {
            String row = "transitionMatrix[" + i + "]";
            Objects.requireNonNull(transitionMatrix[i], row);
            requireLength(row, transitionMatrix[i].length, k);
            requireDistribution(row, transitionMatrix[i]);
            System.arraycopy(transitionMatrix[i], 0, flat, i * k, k);
        }
        for (int s = 0; s < k; s++) {
            if (!Double.isFinite(means[s])) {
                throw new IllegalArgumentException("means[" + s + "] must be finite, got " + means[s]);
            }
            if (!(sigmas[s] > 0) || !Double.isFinite(sigmas[s])) {
                throw new IllegalArgumentException("sigmas[" + s + "] must be finite and > 0, got " + sigmas[s]);
            }
        }
        return new GaussianHmm(initialProbabilities.clone(), flat, means.clone(), sigmas.clone());
    }

    /**
     * The number of states.
     *
     * @return K, in {@code [2, 4]}
     */
    public int states() {
        return k;
    }

    /**
     * The initial state distribution.
     *
     * @return a new array of K probabilities, {@code pi_k = P(s_1 = k)}
     */
    public double[] initialProbabilities() {
        return initial.clone();
    }

    /**
     * One transition probability.
     *
     * @param from the state at bar t, in {@code [0, K)}
     * @param to   the state at bar t + 1, in {@code [0, K)}
     * @return {@code a_{from,to} = P(s_{t+1} = to | s_t = from)}
     * @throws IllegalArgumentException when a state is out of range
     */
    public double transitionProbability(int from, int to) {
        checkState("from", from);
        checkState("to", to);
        return transition[from * k + to];
    }

    /**
     * The transition matrix.
     *
     * @return a new K x K array, {@code [i][j] = P(s_{t+1} = j | s_t = i)}, rows summing to 1
     */
    public double[][] transitionMatrix() {
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) {
            out[i] = Arrays.copyOfRange(transition, i * k, (i + 1) * k);
        }
        return out;
    }

    /**
     * The emission means.
     *
     * @return a new array of K means {@code mu_k}, in the units of the observations
     */
    public double[] means() {
        return means.clone();
    }

    /**
     * The emission standard deviations.
     *
     * @return a new array of K values {@code sigma_k} &gt; 0, in the units of the observations
     */
    public double[] sigmas() {
        return sigmas.clone();
    }

    /**
     * The expected time spent in a state once entered: the sojourn in a state of a Markov chain is geometric, so its
     * mean is {@code 1 / (1 - a_kk)} (Rabiner (1989), section II.A).
     *
     * @param state the state, in {@code [0, K)}
     * @return {@code 1 / (1 - a_kk)} bars, {@code +Infinity} for an absorbing state
     * @throws IllegalArgumentException when the state is out of range
     */
    public double expectedDuration(int state) {
        checkState("state", state);
        return 1.0 / (1.0 - transition[state * k + state]);
    }

    /**
     * The log-likelihood of a series by the scaled forward recursion ({@link HmmRecursions}): O(n K^2) time, O(K)
     * memory beyond one array of n K.
     *
     * @param observations the series, oldest first, not null, at least 1, each finite
     * @return {@code ln p(x_1..n)}, natural log of the joint density, constants included; {@code -Infinity} when the
     *         series has probability zero (only possible with zeros in {@code pi} or {@code A})
     * @throws NullPointerException     when {@code observations} is null
     * @throws IllegalArgumentException when the series is empty or a value is not finite (names the index)
     */
    public double logLikelihood(double[] observations) {
        checkObservations(observations);
        int n = observations.length;
        double[] emissions = new double[n * k];
        double[] maxLog = emissionsOf(observations, emissions);
        return HmmRecursions.forward(k, initial, transition, emissions, maxLog, n, new double[n * k], null,
                new double[k]);
    }

    /**
     * The filtered state probabilities of a series: row {@code t} is {@code P(s_t | x_1..x_t)}, computed from
     * observations {@code 0..t} only. Equal, bit for bit, to feeding the series to {@link #newFilter()} one value at
     * a time.
     *
     * @param observations the series, oldest first, not null, at least 1, each finite
     * @return a new n x K array, each row summing to 1
     * @throws NullPointerException     when {@code observations} is null
     * @throws IllegalArgumentException when the series is empty, a value is not finite, or an observation has
     *                                  probability zero given the past (names the index in each case)
     */
    public double[][] filteredProbabilities(double[] observations) {
        checkObservations(observations);
        HmmFilter filter = newFilter();
        double[][] out = new double[observations.length][];
        for (int t = 0; t < observations.length; t++) {
            try {
                filter.update(observations[t]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("observations[" + t + "]: " + e.getMessage(), e);
            }
            out[t] = filter.probabilities();
        }
        return out;
    }

    /**
     * A filter that starts before the first bar and is updated one observation at a time, O(K^2) per update.
     *
     * @return a new filter over this model, its probabilities {@code pi}
     */
    public HmmFilter newFilter() {
        return new HmmFilter(this);
    }

    /**
     * The most probable state path by the Viterbi algorithm in log space (Rabiner (1989), section III.B, run on
     * logarithms as section V.A suggests, which needs no scaling; Bishop (2006), section 13.2.5):
     * <pre>
     *   delta_1(j) = ln pi_j + ln b_j(x_1)
     *   delta_t(j) = max_i [delta_{t-1}(i) + ln a_ij] + ln b_j(x_t),   psi_t(j) = argmax_i [...]
     * </pre>
     * then back-tracking from {@code argmax_j delta_n(j)}. Ties go to the lower state number. O(n K^2) time, n K ints
     * of memory. The path is the best one <em>given the whole series</em>: the label of bar {@code t} may change when
     * later observations arrive, so this is not a causal decision rule (use the filter for that).
     *
     * @param observations the series, oldest first, not null, at least 1, each finite
     * @return a new array of n states, each in {@code [0, K)}
     * @throws NullPointerException     when {@code observations} is null
     * @throws IllegalArgumentException when the series is empty, a value is not finite, or the series has
     *                                  probability zero under the model (names the index)
     */
    public int[] viterbi(double[] observations) {
        checkObservations(observations);
        return HmmRecursions.viterbi(k, initial, transition, logNorm, means, halfPrecision, observations);
    }

    /**
     * The smoothed marginals {@code P(s_t | x_1..x_n)} of the forward–backward algorithm: each uses the whole series,
     * future included, so they serve fitting and tests, never decisions.
     */
    double[][] smoothedProbabilities(double[] observations) {
        checkObservations(observations);
        int n = observations.length;
        double[] emissions = new double[n * k];
        double[] maxLog = emissionsOf(observations, emissions);
        double[] filtered = new double[n * k];
        double[] scale = new double[n];
        if (HmmRecursions.forward(k, initial, transition, emissions, maxLog, n, filtered, scale, new double[k])
                == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("observations have probability zero under the model");
        }
        double[] gamma = new double[n * k];
        HmmRecursions.backward(k, transition, emissions, scale, n, filtered, new double[n * k], gamma, null,
                new double[k]);
        double[][] out = new double[n][];
        for (int t = 0; t < n; t++) {
            out[t] = Arrays.copyOfRange(gamma, t * k, (t + 1) * k);
        }
        return out;
    }

    /** {@code ln N(x; mu_k, sigma_k^2)}. */
    double logDensity(int state, double x) {
        double d = x - means[state];
        return logNorm[state] - halfPrecision[state] * d * d;
    }

    /** Fills the scaled emissions of a series; returns {@code m_t} per observation. */
    private double[] emissionsOf(double[] observations, double[] emissions) {
        double[] maxLog = new double[observations.length];
        for (int t = 0; t < observations.length; t++) {
            maxLog[t] = emissions(observations[t], emissions, t * k);
        }
        return maxLog;
    }

    /** The scaled emissions of one observation ({@link HmmRecursions#emissions}). */
    double emissions(double x, double[] out, int offset) {
        return HmmRecursions.emissions(k, logNorm, means, halfPrecision, x, out, offset);
    }

    double[] initialView() {
        return initial;
    }

    double[] transitionView() {
        return transition;
    }

    private void checkState(String name, int state) {
        if (state < 0 || state >= k) {
            throw new IllegalArgumentException(name + " must be a state in [0, " + (k - 1) + "], got " + state);
        }
    }

    static void checkObservations(double[] observations) {
        Objects.requireNonNull(observations, "observations");
        if (observations.length == 0) {
            throw new IllegalArgumentException("observations must not be empty");
        }
        for (int t = 0; t < observations.length; t++) {
            if (!Double.isFinite(observations[t])) {
                throw new IllegalArgumentException("observations[" + t + "] must be finite, got " + observations[t]);
            }
        }
    }

    private static void requireLength(String name, int length, int k) {
        if (length != k) {
            throw new IllegalArgumentException(name + ".length must equal the number of states " + k + ", got "
                    + length);
        }
    }

    private static void requireDistribution(String name, double[] p) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException(name + "[" + i + "] must be a probability in [0, 1], got "
                        + p[i]);
            }
            sum += p[i];
        }
        if (!(Math.abs(sum - 1.0) <= SUM_TOLERANCE)) {
            throw new IllegalArgumentException(name + " must sum to 1 (within " + SUM_TOLERANCE + "), got " + sum);
        }
    }

    /**
     * The parameters, for logs and reports.
     *
     * @return e.g. {@code GaussianHmm[K=2, pi=[...], A=[[...], [...]], mu=[...], sigma=[...]]}
     */
    @Override
    public String toString() {
        return "GaussianHmm[K=" + k + ", pi=" + Arrays.toString(initial) + ", A="
                + Arrays.deepToString(transitionMatrix()) + ", mu=" + Arrays.toString(means) + ", sigma="
                + Arrays.toString(sigmas) + "]";
    }
}
