package io.quantplug.plugins.volatility;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Baum–Welch: recovery of known 2- and 3-state models from long simulated series (parameters and the Viterbi path),
 * no look-ahead in the decisions of a walk-forward fit, the variance floor, determinism, bad input.
 *
 * <p>How the tolerances were set: each model was simulated 40 times (seeds 1000..1039, same length as below) and
 * fitted with the default fitter; the tolerance of each parameter is about 4 standard deviations of its estimate
 * over those 40 fits (the standard deviations are quoted beside each model), rounded up. The worst Viterbi path
 * accuracy over the 40 fits was 97.6% (two states), 96.6% (three volatility states) and 98.9% (three log-volatility
 * levels); decoding with the true parameters does no better (within 0.1 percentage point on the series below).
 */
class GaussianHmmFitterTest {

    /**
     * Returns in a calm and a turbulent regime (percent per bar): sigma 0.6 vs 2.0, expected stays 100 and 50 bars.
     * Standard deviations of the estimates at n = 10,000: mu 0.008 / 0.037, sigma 0.006 / 0.023, a_01 0.0013,
     * a_10 0.0024.
     */
    static final GaussianHmm TWO_STATE = GaussianHmm.of(new double[] {0.5, 0.5},
            new double[][] {{0.99, 0.01}, {0.02, 0.98}}, new double[] {0.05, -0.10}, new double[] {0.6, 2.0});

    /**
     * Three volatility regimes of returns, sigma 0.5 / 1.5 / 4.5 with a slightly negative mean in the turbulent one.
     * Standard deviations of the estimates at n = 15,000: mu 0.006 / 0.024 / 0.077, sigma 0.004 / 0.013 / 0.069,
     * transition probabilities 0.0007 to 0.0038.
     */
    static final GaussianHmm THREE_STATE = GaussianHmm.of(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
            new double[][] {{0.99, 0.008, 0.002}, {0.01, 0.98, 0.01}, {0.005, 0.025, 0.97}},
            new double[] {0.05, 0.0, -0.2}, new double[] {0.5, 1.5, 4.5});

    /**
     * Three levels of log volatility, separated mostly by the mean. Standard deviations of the estimates at
     * n = 15,000: mu 0.003 / 0.006 / 0.010, sigma 0.002 / 0.002 / 0.006, transition probabilities 0.0007 to 0.0038.
     */
    static final GaussianHmm THREE_LEVELS = GaussianHmm.of(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
            new double[][] {{0.98, 0.015, 0.005}, {0.02, 0.96, 0.02}, {0.01, 0.03, 0.96}},
            new double[] {-1.0, 0.0, 1.0}, new double[] {0.25, 0.35, 0.5});

    @Test
    void recoversAKnownTwoStateModelAndItsStatePath() {
        Simulated sim = simulate(TWO_STATE, 10_000, 20_251_121L);
        GaussianHmmFit fit = new GaussianHmmFitter().fit(sim.observations(), 2);
        GaussianHmm est = fit.model();
        // Fitted (this seed, 11 iterations): mu (0.0464, -0.0870), sigma (0.6002, 1.9964), a_01 0.0093, a_10 0.0213.
        assertEach("mu", est.means(), new double[] {0.05, -0.10}, 0.035, 0.15);
        assertEach("sigma", est.sigmas(), new double[] {0.6, 2.0}, 0.025, 0.1);
        assertThat(est.transitionProbability(0, 1)).isCloseTo(0.01, within(0.006));
        assertThat(est.transitionProbability(1, 0)).isCloseTo(0.02, within(0.01));
        assertThat(fit.converged()).isTrue();
        assertThat(fit.logLikelihood()).isEqualTo(est.logLikelihood(sim.observations()));
        // The maximum is at least as likely as the truth.
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(TWO_STATE.logLikelihood(sim.observations()));

        double accuracy = agreement(est.viterbi(sim.observations()), sim.states());
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
        // Acceptance met with a margin: 98.0% here, the same as decoding with the true parameters.
        assertThat(agreement(TWO_STATE.viterbi(sim.observations()), sim.states())).isCloseTo(accuracy, within(0.01));
    }

    @Test
    void recoversAKnownThreeStateVolatilityModelAndItsStatePath() {
        Simulated sim = simulate(THREE_STATE, 15_000, 42L);
        GaussianHmmFit fit = new GaussianHmmFitter().fit(sim.observations(), 3);
        GaussianHmm est = fit.model();
        // Fitted (this seed, 10 iterations): mu (0.0428, -0.0324, -0.1357), sigma (0.5067, 1.4830, 4.5295),
        // A [[0.9899, 0.0088, 0.0012], [0.0100, 0.9797, 0.0103], [0.0058, 0.0170, 0.9773]]; path 97.3% (true model
        // 97.4%); BIC 48,009.5 with three states against 51,650.4 with two.
        assertEach("mu", est.means(), new double[] {0.05, 0.0, -0.2}, 0.025, 0.1, 0.31);
        assertEach("sigma", est.sigmas(), new double[] {0.5, 1.5, 4.5}, 0.02, 0.06, 0.28);
        assertMatrix(est.transitionMatrix(), THREE_STATE.transitionMatrix(), new double[][] {
                {0.006, 0.006, 0.003}, {0.006, 0.010, 0.007}, {0.006, 0.016, 0.014}});
        assertThat(fit.converged()).isTrue();

        double accuracy = agreement(est.viterbi(sim.observations()), sim.states());
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);

        // Three states describe these data better than two by the BIC, though two would fit (lower is better).
        GaussianHmmFit two = new GaussianHmmFitter().fit(sim.observations(), 2);
        assertThat(fit.bic()).isLessThan(two.bic());
        assertThat(fit.freeParameters()).isEqualTo(14);
        assertThat(fit.bic()).isEqualTo(-2 * fit.logLikelihood() + 14 * Math.log(15_000));
    }

    @Test
    void recoversThreeLogVolatilityLevelsAndTheirStatePath() {
        Simulated sim = simulate(THREE_LEVELS, 15_000, 7L);
        GaussianHmm est = new GaussianHmmFitter().fit(sim.observations(), 3).model();
        // Fitted (this seed, 7 iterations): mu (-1.0025, -0.0048, 1.0002), sigma (0.2485, 0.3529, 0.4928),
        // A [[0.9819, 0.0139, 0.0042], [0.0216, 0.9586, 0.0198], [0.0083, 0.0268, 0.9650]]; path 99.4%.
        assertEach("mu", est.means(), new double[] {-1.0, 0.0, 1.0}, 0.013, 0.025, 0.04);
        assertEach("sigma", est.sigmas(), new double[] {0.25, 0.35, 0.5}, 0.01, 0.01, 0.025);
        assertMatrix(est.transitionMatrix(), THREE_LEVELS.transitionMatrix(), new double[][] {
                {0.007, 0.008, 0.003}, {0.011, 0.015, 0.009}, {0.007, 0.015, 0.016}});
        assertThat(agreement(est.viterbi(sim.observations()), sim.states())).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void decisionsUpToABarAreUnchangedWhenLaterBarsArePerturbed() {
        // Walk-forward: fit on bars 0..2999 only, then filter bars 0..5999 one at a time. Decisions at bars up to
        // 4500 must not depend on bars 4501.. : replace those by a wildly different future and compare.
        Simulated sim = simulate(TWO_STATE, 6_000, 99L);
        double[] x = sim.observations();
        int training = 3_000;
        int decisionBar = 4_500;
        GaussianHmm model = new GaussianHmmFitter().fit(Arrays.copyOfRange(x, 0, training), 2).model();

        double[] perturbed = x.clone();
        for (int t = decisionBar + 1; t < perturbed.length; t++) {
            perturbed[t] = 8.0 * x[t] - 3.0;
        }
        double[][] original = online(model, x);
        double[][] changed = online(model, perturbed);
        for (int t = 0; t <= decisionBar; t++) {
            assertThat(changed[t]).as("bar %d", t).isEqualTo(original[t]);
        }
        assertThat(changed[decisionBar + 1]).isNotEqualTo(original[decisionBar + 1]);
        // The batch filter is the same causal computation.
        double[][] batch = model.filteredProbabilities(perturbed);
        for (int t = 0; t <= decisionBar; t++) {
            assertThat(batch[t]).isEqualTo(original[t]);
        }
        // The test has teeth: forward-backward smoothing, which conditions on the future, does change at bar 4500.
        double[][] smoothedOriginal = model.smoothedProbabilities(x);
        double[][] smoothedChanged = model.smoothedProbabilities(perturbed);
        assertThat(smoothedChanged[decisionBar]).isNotEqualTo(smoothedOriginal[decisionBar]);
    }

    @Test
    void varianceFloorStopsAStateCollapsingOntoRepeatedZeros() {
        // Half the bars are exact zeros (quiet 1-minute bars), half N(0, 1): the likelihood is unbounded (a state at
        // mu = 0 with sigma -> 0), so the calm state's sigma ends at the floor and the likelihood grows as the floor
        // is lowered: the floor, not the data, bounds it.
        Random random = new Random(3L);
        double[] x = new double[3_000];
        for (int t = 0; t < x.length; t++) {
            x[t] = random.nextBoolean() ? 0.0 : random.nextGaussian();
        }
        double sampleVariance = sampleVariance(x);
        GaussianHmmFit coarse = new GaussianHmmFitter().fit(x, 2);
        GaussianHmmFit fine = new GaussianHmmFitter(1e-8, 1_000, 1e-6).fit(x, 2);
        assertThat(coarse.model().sigmas()[0]).isCloseTo(Math.sqrt(1e-3 * sampleVariance), within(1e-12));
        assertThat(fine.model().sigmas()[0]).isCloseTo(Math.sqrt(1e-6 * sampleVariance), within(1e-12));
        assertThat(coarse.model().means()[0]).isCloseTo(0.0, within(0.002));
        assertThat(coarse.model().sigmas()[1]).isCloseTo(1.0, within(0.05));
        assertThat(Double.isFinite(fine.logLikelihood())).isTrue();
        assertThat(fine.logLikelihood()).isGreaterThan(coarse.logLikelihood() + 1_000);
    }

    @Test
    void fitIsDeterministicAndStopsAtTheIterationCap() {
        double[] x = simulate(TWO_STATE, 2_000, 11L).observations();
        GaussianHmmFit a = new GaussianHmmFitter().fit(x, 2);
        GaussianHmmFit b = new GaussianHmmFitter().fit(x, 2);
        assertThat(b.model().toString()).isEqualTo(a.model().toString());
        assertThat(b.logLikelihood()).isEqualTo(a.logLikelihood());

        GaussianHmmFit capped = new GaussianHmmFitter(1e-14, 1, 1e-3).fit(x, 2);
        assertThat(capped.iterations()).isEqualTo(1);
        assertThat(capped.converged()).isFalse();
        assertThat(capped.logLikelihood()).isLessThanOrEqualTo(a.logLikelihood());
    }

    @Test
    void badInputIsRefusedNamingTheParameterAndTheRange() {
        GaussianHmmFitter fitter = new GaussianHmmFitter();
        double[] x = simulate(TWO_STATE, 500, 1L).observations();
        assertThatIllegalArgumentException().isThrownBy(() -> fitter.fit(x, 1))
                .withMessage("states must be in [2, 4], got 1");
        assertThatIllegalArgumentException().isThrownBy(() -> fitter.fit(x, 5))
                .withMessage("states must be in [2, 4], got 5");
        assertThatIllegalArgumentException().isThrownBy(() -> fitter.fit(Arrays.copyOf(x, 139), 3))
                .withMessage("observations needs at least 140 values to fit a 3-state HMM, got 139");
        double[] nan = x.clone();
        nan[17] = Double.NaN;
        assertThatIllegalArgumentException().isThrownBy(() -> fitter.fit(nan, 2))
                .withMessage("observations[17] must be finite, got NaN");
        double[] flat = new double[100];
        Arrays.fill(flat, 0.25);
        assertThatIllegalArgumentException().isThrownBy(() -> fitter.fit(flat, 2))
                .withMessage("observations must have a finite sample variance > 0, got 0.0 over 100 values");
        assertThatIllegalArgumentException().isThrownBy(() -> new GaussianHmmFitter(0, 100, 1e-3))
                .withMessage("tolerance must be in [1.0E-14, 0.01], got 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> new GaussianHmmFitter(1e-8, 0, 1e-3))
                .withMessage("maxIterations must be in [1, 100000], got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new GaussianHmmFitter(1e-8, 100, 0.5))
                .withMessage("relativeVarianceFloor must be in [1.0E-9, 0.1], got 0.5");
        assertThat(GaussianHmmFitter.minimumObservations(2)).isEqualTo(70);
        assertThat(GaussianHmmFitter.minimumObservations(4)).isEqualTo(230);
    }

    /** A simulated series and its true hidden states. */
    record Simulated(double[] observations, int[] states) {
    }

    /**
     * Draws n bars from the model with {@code java.util.Random} (its algorithms are fixed by its Javadoc): the first
     * state from pi, each next state from the row of A, each observation {@code mu + sigma z}.
     */
    static Simulated simulate(GaussianHmm model, int n, long seed) {
        Random random = new Random(seed);
        double[][] a = model.transitionMatrix();
        double[] mu = model.means();
        double[] sigma = model.sigmas();
        double[] x = new double[n];
        int[] s = new int[n];
        int state = draw(model.initialProbabilities(), random);
        for (int t = 0; t < n; t++) {
            if (t > 0) {
                state = draw(a[state], random);
            }
            s[t] = state;
            x[t] = mu[state] + sigma[state] * random.nextGaussian();
        }
        return new Simulated(x, s);
    }

    private static int draw(double[] p, Random random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < p.length - 1; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return i;
            }
        }
        return p.length - 1;
    }

    private static double[][] online(GaussianHmm model, double[] x) {
        HmmFilter filter = model.newFilter();
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            filter.update(x[t]);
            out[t] = filter.probabilities();
        }
        return out;
    }

    private static double agreement(int[] path, int[] truth) {
        int same = 0;
        for (int t = 0; t < path.length; t++) {
            if (path[t] == truth[t]) {
                same++;
            }
        }
        return same / (double) path.length;
    }

    private static double sampleVariance(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        return Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1);
    }

    /** Each transition probability within its own tolerance of the true value. */
    private static void assertMatrix(double[][] estimates, double[][] truth, double[][] tolerance) {
        for (int i = 0; i < truth.length; i++) {
            assertEach("A[" + i + "]", estimates[i], truth[i], tolerance[i]);
        }
    }

    /** Each estimate within its own tolerance of the true value. */
    private static void assertEach(String name, double[] estimates, double[] truth, double... tolerance) {
        for (int k = 0; k < truth.length; k++) {
            assertThat(estimates[k]).as("%s[%d], true %s", name, k, truth[k]).isCloseTo(truth[k], within(tolerance[k]));
        }
    }
}
