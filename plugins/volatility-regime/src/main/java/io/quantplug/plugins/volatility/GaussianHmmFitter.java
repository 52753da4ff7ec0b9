package io.quantplug.plugins.volatility;

import java.util.Arrays;
import java.util.Objects;

/**
 * Fits a {@link GaussianHmm} with 2..4 states to one series by maximum likelihood with the Baum–Welch
 * (expectation–maximisation) algorithm, from several deterministic start points.
 *
 * <p>Each iteration (Rabiner, L. R. (1989), "A Tutorial on Hidden Markov Models and Selected Applications in Speech
 * Recognition", <i>Proceedings of the IEEE</i> 77(2), 257–286, section III.C, with the re-estimation of Gaussian
 * densities of section IV.A; Bishop, C. M. (2006), <i>Pattern Recognition and Machine Learning</i>, Springer,
 * section 13.2.1) runs the scaled forward–backward pass ({@link HmmRecursions}) for the posterior marginals
 * {@code gamma_t(k) = P(s_t = k | x)} and the expected transition counts {@code sum_t xi_t(i, j)}, then re-estimates
 * <pre>
 *   pi_k   = gamma_1(k)
 *   a_ij   = sum_{t&lt;n} xi_t(i, j) / sum_{t&lt;n} sum_j' xi_t(i, j')
 *   mu_k   = sum_t gamma_t(k) x_t / sum_t gamma_t(k)
 *   sigma_k^2 = max( sum_t gamma_t(k) (x_t - mu_k)^2 / sum_t gamma_t(k),  floor )
 * </pre>
 * O(n K^2) time per iteration and O(n K) memory, all in primitive arrays allocated once per fit. The log-likelihood
 * never decreases from one iteration to the next (up to the floors below); the fit stops when it rises by at most
 * {@code tolerance} per observation ({@code (ln L_i - ln L_{i-1}) / n <= tolerance}, a criterion that does not depend
 * on the units of the series) or after {@code maxIterations}.
 *
 * <p><b>Starts.</b> EM finds a local maximum and, with continuous densities, depends on its start (Rabiner (1989),
 * section V.C), so three starts are run and the highest log-likelihood wins, all with
 * {@code pi} uniform and {@code a_ii = 0.9} (persistent regimes): (1) quantile means: the sorted series cut into K
 * equal-count blocks, {@code mu_k} the block means, every {@code sigma_k} the sample standard deviation s; (2)
 * quantile scales: the absolute deviations from the mean cut the same way, {@code sigma_k} their root mean square per
 * block, every {@code mu_k} the mean, for regimes that differ in volatility rather than level; (3) a geometric spread
 * {@code sigma_k = s 2^(k - (K-1)/2)} around the mean. No randomness: a fit is reproducible bit for bit.
 *
 * <p><b>Floors.</b> The Gaussian likelihood is unbounded: a state whose mean sits on one observation (or on a run of
 * identical ones, common with zero returns of quiet 1-minute bars) and whose sigma shrinks to 0 drives it to infinity
 * (Bishop (2006), section 9.2.1, on the singularities of Gaussian mixtures; the same holds for HMM emissions). Each
 * {@code sigma_k^2} is therefore kept at or above {@code relativeVarianceFloor} times the sample variance of the series
 * (default 1e-3: sigma at least about 3% of the sample standard deviation); maximising over {@code sigma_k^2 >= floor}
 * is exactly this clipped update (the expected complete-data log-likelihood is unimodal in {@code sigma_k^2}), so EM
 * stays monotone. The floor is scale-free and well below the variance of any regime worth detecting; a fitted sigma
 * equal to {@code sqrt(floor)} says the state has collapsed onto repeated values. Likewise every entry of {@code pi}
 * and {@code A} is kept at or above {@value #PROBABILITY_FLOOR} (then renormalised), as Rabiner (1989, section V.D, on
 * insufficient training data) advises against estimates of exactly zero from finite data: no regime is ever ruled out
 * for good, so the online filter cannot meet an observation of probability zero. A state that receives no posterior
 * weight keeps its previous mean and sigma.
 *
 * <p><b>Order.</b> The fitted states are numbered by ascending sigma (ties by mean), so state 0 is the calmest and
 * fits of different series or windows can be compared.
 *
 * <p>Stateless and thread-safe.
 */
public final class GaussianHmmFitter {

    /** Default convergence tolerance: log-likelihood gain per observation per iteration. */
    public static final double DEFAULT_TOLERANCE = 1e-8;
    /** Smallest accepted tolerance. */
    public static final double MIN_TOLERANCE = 1e-14;
    /** Largest accepted tolerance. */
    public static final double MAX_TOLERANCE = 1e-2;
    /** Default iteration cap per start. */
    public static final int DEFAULT_MAX_ITERATIONS = 1_000;
    /** Largest accepted iteration cap per start. */
    public static final int MAX_ITERATIONS_LIMIT = 100_000;
    /** Default variance floor, as a fraction of the sample variance. */
    public static final double DEFAULT_RELATIVE_VARIANCE_FLOOR = 1e-3;
    /** Smallest accepted relative variance floor. */
    public static final double MIN_RELATIVE_VARIANCE_FLOOR = 1e-9;
    /** Largest accepted relative variance floor. */
    public static final double MAX_RELATIVE_VARIANCE_FLOOR = 0.1;
    /** The least value of an entry of the fitted {@code pi} and {@code A} before renormalisation. */
    public static final double PROBABILITY_FLOOR = 1e-10;
    /** Observations required per free parameter ({@link GaussianHmmFit#freeParameters()}). */
    public static final int OBSERVATIONS_PER_PARAMETER = 10;

    private static final double START_PERSISTENCE = 0.9;

    private final double tolerance;
    private final int maxIterations;
    private final double relativeVarianceFloor;

    /** A fitter with the defaults: tolerance 1e-8, 1,000 iterations, variance floor 1e-3 of the sample variance. */
    public GaussianHmmFitter() {
        this(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, DEFAULT_RELATIVE_VARIANCE_FLOOR);
    }

    /**
     * A fitter with its own stopping rule and variance floor.
     *
     * @param tolerance             stop when the log-likelihood rises by at most this much per observation in one
     *                              iteration, in {@code [1e-14, 1e-2]}
     * @param maxIterations         EM iterations allowed per start, in {@code [1, 100000]}
     * @param relativeVarianceFloor the least {@code sigma_k^2} as a fraction of the sample variance, in
     *                              {@code [1e-9, 0.1]}
     * @throws IllegalArgumentException when a value is outside its range (names it and the range)
     */
    public GaussianHmmFitter(double tolerance, int maxIterations, double relativeVarianceFloor) {
        if (!(tolerance >= MIN_TOLERANCE && tolerance <= MAX_TOLERANCE)) {
            throw new IllegalArgumentException("tolerance must be in [" + MIN_TOLERANCE + ", " + MAX_TOLERANCE
                    + "], got " + tolerance);
        }
        if (maxIterations < 1 || maxIterations > MAX_ITERATIONS_LIMIT) {
            throw new IllegalArgumentException("maxIterations must be in [1, " + MAX_ITERATIONS_LIMIT + "], got "
                    + maxIterations);
        }
        if (!(relativeVarianceFloor >= MIN_RELATIVE_VARIANCE_FLOOR
                && relativeVarianceFloor <= MAX_RELATIVE_VARIANCE_FLOOR)) {
            throw new IllegalArgumentException("relativeVarianceFloor must be in [" + MIN_RELATIVE_VARIANCE_FLOOR
                    + ", " + MAX_RELATIVE_VARIANCE_FLOOR + "], got " + relativeVarianceFloor);
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.relativeVarianceFloor = relativeVarianceFloor;
    }

    /**
     * The shortest series accepted for K states: {@value #OBSERVATIONS_PER_PARAMETER} observations per free
     * parameter. A floor against degenerate input, not a recommendation: transition probabilities of persistent
     * regimes need many regime switches, i.e. thousands of bars.
     *
     * @param states K, in {@code [2, 4]}
     * @return 70, 140 or 230
     * @throws IllegalArgumentException when {@code states} is outside {@code [2, 4]}
     */
    public static int minimumObservations(int states) {
        checkStates(states);
        return OBSERVATIONS_PER_PARAMETER * (states * states + 2 * states - 1);
    }

    /**
     * Fits a K-state model to a series.
     *
     * @param observations the series, oldest first (e.g. log returns, or log volatility), not null, at least
     *                     {@link #minimumObservations(int)}, each finite, not all equal; not modified
     * @param states       K, in {@code [2, 4]}
     * @return the best fit over the starts, states numbered by ascending sigma
     * @throws NullPointerException     when {@code observations} is null
     * @throws IllegalArgumentException when {@code states} is outside {@code [2, 4]}, the series is too short, a value
     *                                  is not finite (names the index) or the sample variance is 0 or overflows
     * @throws UnableToFitHmmException  when no start reached a finite log-likelihood (not expected for valid input)
     */
    public GaussianHmmFit fit(double[] observations, int states) {
        checkStates(states);
        Objects.requireNonNull(observations, "observations");
        int n = observations.length;
        int required = minimumObservations(states);
        if (n < required) {
            throw new IllegalArgumentException("observations needs at least " + required + " values to fit a "
                    + states + "-state HMM, got " + n);
        }
        GaussianHmm.checkObservations(observations);
        double mean = 0;
        for (double x : observations) {
            mean += x;
        }
        mean /= n;
        double squares = 0;
        for (double x : observations) {
            squares += (x - mean) * (x - mean);
        }
        double variance = squares / (n - 1);
        if (!(variance > 0) || !Double.isFinite(variance)) {
            throw new IllegalArgumentException("observations must have a finite sample variance > 0, got "
                    + variance + " over " + n + " values");
        }

        BaumWelch em = new BaumWelch(observations, states, relativeVarianceFloor * variance);
        double[][][] starts = starts(observations, states, mean, Math.sqrt(variance));
        double bestLogLikelihood = Double.NEGATIVE_INFINITY;
        double[][] best = null;
        int bestIterations = 0;
        boolean bestConverged = false;
        for (double[][] start : starts) {
            em.start(start);
            double previous = em.expectation();
            int iterations = 0;
            boolean converged = false;
            while (Double.isFinite(previous) && iterations < maxIterations) {
                em.maximisation();
                iterations++;
                double current = em.expectation();
                boolean done = current - previous <= tolerance * n;
                previous = current;
                if (done) {
                    converged = Double.isFinite(current);
                    break;
                }
            }
            if (Double.isFinite(previous) && previous > bestLogLikelihood) {
                bestLogLikelihood = previous;
                best = em.parameters();
                bestIterations = iterations;
                bestConverged = converged;
            }
        }
        if (best == null) {
            throw new UnableToFitHmmException("no start reached a finite log-likelihood fitting " + states
                    + " states to " + n + " observations");
        }
        GaussianHmm model = ordered(best[0], best[1], best[2], best[3]);
        return new GaussianHmmFit(model, model.logLikelihood(observations), n, bestIterations, bestConverged);
    }

    /** The three start points, each {@code {pi, A (flat), mu, sigma}}. */
    private static double[][][] starts(double[] x, int k, double mean, double sd) {
        int n = x.length;
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] deviations = new double[n];
        for (int t = 0; t < n; t++) {
            deviations[t] = Math.abs(x[t] - mean);
        }
        Arrays.sort(deviations);
        double[] quantileMeans = new double[k];
        double[] quantileScales = new double[k];
        for (int b = 0; b < k; b++) {
            int from = (int) ((long) b * n / k);
            int to = (int) ((long) (b + 1) * n / k);
            double sum = 0;
            double sumSquares = 0;
            for (int t = from; t < to; t++) {
                sum += sorted[t];
                sumSquares += deviations[t] * deviations[t];
            }
            quantileMeans[b] = sum / (to - from);
            quantileScales[b] = Math.max(Math.sqrt(sumSquares / (to - from)), 1e-3 * sd);
        }
        double[] flatMeans = new double[k];
        double[] flatSigmas = new double[k];
        double[] spreadSigmas = new double[k];
        Arrays.fill(flatMeans, mean);
        Arrays.fill(flatSigmas, sd);
        for (int b = 0; b < k; b++) {
            spreadSigmas[b] = sd * Math.pow(2.0, b - (k - 1) / 2.0);
        }
        return new double[][][] {
                start(k, quantileMeans, flatSigmas),
                start(k, flatMeans, quantileScales),
                start(k, flatMeans, spreadSigmas)};
    }

    private static double[][] start(int k, double[] means, double[] sigmas) {
        double[] pi = new double[k];
        Arrays.fill(pi, 1.0 / k);
        double[] a = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i * k + j] = i == j ? START_PERSISTENCE : (1.0 - START_PERSISTENCE) / (k - 1);
            }
        }
        return new double[][] {pi, a, means.clone(), sigmas.clone()};
    }

    /** The model with its states renumbered by ascending sigma, ties by mean. */
    private static GaussianHmm ordered(double[] pi, double[] a, double[] mu, double[] sigma) {
        int k = mu.length;
        Integer[] order = new Integer[k];
        for (int s = 0; s < k; s++) {
            order[s] = s;
        }
        Arrays.sort(order, (p, q) -> sigma[p] != sigma[q] ? Double.compare(sigma[p], sigma[q])
                : Double.compare(mu[p], mu[q]));
        double[] pi2 = new double[k];
        double[][] a2 = new double[k][k];
        double[] mu2 = new double[k];
        double[] sigma2 = new double[k];
        for (int s = 0; s < k; s++) {
            int from = order[s];
            pi2[s] = pi[from];
            mu2[s] = mu[from];
            sigma2[s] = sigma[from];
            for (int j = 0; j < k; j++) {
                a2[s][j] = a[from * k + order[j]];
            }
        }
        return GaussianHmm.of(pi2, a2, mu2, sigma2);
    }

    private static void checkStates(int states) {
        if (states < GaussianHmm.MIN_STATES || states > GaussianHmm.MAX_STATES) {
            throw new IllegalArgumentException("states must be in [" + GaussianHmm.MIN_STATES + ", "
                    + GaussianHmm.MAX_STATES + "], got " + states);
        }
    }
}
