package io.quantplug.plugins.volatility;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * A Gaussian HMM with fixed parameters: the forward log-likelihood worked by hand, Viterbi against enumerating every
 * path, the online filter against the batch one, stability in the far tails, and bad input.
 *
 * <p>The tiny model of the hand computations: two states,
 * <pre>
 *   pi = (0.6, 0.4),   A = [[0.7, 0.3], [0.2, 0.8]],   mu = (0, 1),   sigma = (1, 2)
 * </pre>
 * so {@code b_0(x) = phi(x)} and {@code b_1(x) = phi((x - 1) / 2) / 2} with
 * {@code phi(z) = exp(-z^2 / 2) / sqrt(2 pi)}, {@code 1 / sqrt(2 pi) = 0.398942280401433}.
 */
class GaussianHmmTest {

    static final GaussianHmm TINY = GaussianHmm.of(new double[] {0.6, 0.4},
            new double[][] {{0.7, 0.3}, {0.2, 0.8}}, new double[] {0, 1}, new double[] {1, 2});
    static final double[] TINY_SERIES = {0.5, 2.0, -1.0};

    @Test
    void forwardLogLikelihoodOfThreeObservationsMatchesAHandComputation() {
        // Densities (x1 = 0.5, x2 = 2, x3 = -1):
        //   b_0(0.5) = 0.398942280401433 e^-0.125   = 0.352065326764299
        //   b_1(0.5) = 0.5 * 0.398942280401433 e^-0.03125 = 0.193334058401425   ((0.5 - 1)/2 = -0.25)
        //   b_0(2)   = 0.398942280401433 e^-2       = 0.053990966513188
        //   b_1(2)   = 0.5 * 0.398942280401433 e^-0.125   = 0.176032663382150   ((2 - 1)/2 = 0.5)
        //   b_0(-1)  = 0.398942280401433 e^-0.5     = 0.241970724519143
        //   b_1(-1)  = 0.5 * 0.398942280401433 e^-0.5     = 0.120985362259572   ((-1 - 1)/2 = -1)
        // Forward variables alpha_t(j) = p(x_1..t, s_t = j), Rabiner (1989) eqs. of section III.A:
        //   alpha_1 = (0.6 * 0.352065326764299, 0.4 * 0.193334058401425) = (0.211239196058580, 0.077333623360570)
        //   alpha_2(0) = (0.7 * 0.211239196058580 + 0.2 * 0.077333623360570) * 0.053990966513188
        //              = 0.163334161913120 * 0.053990966513188 = 0.008818569266311
        //   alpha_2(1) = (0.3 * 0.211239196058580 + 0.8 * 0.077333623360570) * 0.176032663382150
        //              = 0.125238657506030 * 0.176032663382150 = 0.022046094439191
        //   alpha_3(0) = (0.7 * 0.008818569266311 + 0.2 * 0.022046094439191) * 0.241970724519143
        //              = 0.010582217374256 * 0.241970724519143 = 0.002560586805068
        //   alpha_3(1) = (0.3 * 0.008818569266311 + 0.8 * 0.022046094439191) * 0.120985362259572
        //              = 0.020282446331246 * 0.120985362259572 = 0.002453879116896
        //   p(x1, x2, x3) = 0.002560586805068 + 0.002453879116896 = 0.005014465921964
        //   ln p = -5.295428359358
        // Filtered at t = 3: (0.002560586805068, 0.002453879116896) / 0.005014465921964
        //                 = (0.510639985378, 0.489360014622)
        assertThat(TINY.logLikelihood(TINY_SERIES)).isCloseTo(-5.295428359358, within(1e-12));
        double[][] filtered = TINY.filteredProbabilities(TINY_SERIES);
        assertThat(filtered[2]).containsExactly(new double[] {0.510639985378, 0.489360014622}, within(1e-12));
        // alpha_1 normalised: 0.211239196058580 / 0.288572819419150
        assertThat(filtered[0][0]).isCloseTo(0.211239196058580 / 0.288572819419150, within(1e-14));
    }

    @Test
    void forwardLikelihoodEqualsTheSumOverAllEightPathsAndViterbiPicksTheLargest() {
        // p(x) = sum over s1 s2 s3 of pi_s1 b_s1(x1) a_s1s2 b_s2(x2) a_s2s3 b_s3(x3): a second, independent truth.
        double total = 0;
        double best = -1;
        int[] bestPath = null;
        for (int code = 0; code < 8; code++) {
            int[] s = {(code >> 2) & 1, (code >> 1) & 1, code & 1};
            double p = TINY.initialProbabilities()[s[0]] * density(TINY, s[0], TINY_SERIES[0]);
            for (int t = 1; t < 3; t++) {
                p *= TINY.transitionProbability(s[t - 1], s[t]) * density(TINY, s[t], TINY_SERIES[t]);
            }
            total += p;
            if (p > best) {
                best = p;
                bestPath = s;
            }
        }
        assertThat(TINY.logLikelihood(TINY_SERIES)).isCloseTo(Math.log(total), within(1e-13));
        // The best path is 0, 0, 0 (p = 0.001352242287); the runner-up 0, 1, 1 (p = 0.001079721717).
        assertThat(bestPath).containsExactly(0, 0, 0);
        assertThat(TINY.viterbi(TINY_SERIES)).containsExactly(bestPath);
    }

    @Test
    void viterbiRelabelsAnEarlierBarWhenALaterObservationArrivesButTheFilterDoesNot() {
        // With x3 = 6 (deep in state 1) the best path becomes 0, 1, 1: bar 2's label moved from 0 to 1 because of
        // bar 3. That is why only the filter is used for decisions.
        double[] changed = {0.5, 2.0, 6.0};
        assertThat(TINY.viterbi(changed)).containsExactly(0, 1, 1);
        assertThat(TINY.viterbi(TINY_SERIES)[1]).isZero();
        double[][] before = TINY.filteredProbabilities(TINY_SERIES);
        double[][] after = TINY.filteredProbabilities(changed);
        assertThat(after[0]).isEqualTo(before[0]);
        assertThat(after[1]).isEqualTo(before[1]);
    }

    @Test
    void onlineFilterEqualsTheBatchFilterBitForBitAndPredictsWithTheTransitionMatrix() {
        GaussianHmm model = GaussianHmmFitterTest.TWO_STATE;
        double[] x = GaussianHmmFitterTest.simulate(model, 2_000, 5L).observations();
        double[][] batch = model.filteredProbabilities(x);
        HmmFilter filter = model.newFilter();
        assertThat(filter.probabilities()).isEqualTo(model.initialProbabilities());
        for (int t = 0; t < x.length; t++) {
            filter.update(x[t]);
            assertThat(filter.probabilities()).as("bar %d", t).isEqualTo(batch[t]);
            double[] predicted = filter.predictedProbabilities();
            for (int j = 0; j < 2; j++) {
                double expected = batch[t][0] * model.transitionProbability(0, j)
                        + batch[t][1] * model.transitionProbability(1, j);
                assertThat(predicted[j]).isCloseTo(expected, within(1e-15));
            }
            assertThat(filter.mostLikelyState()).isEqualTo(batch[t][1] > batch[t][0] ? 1 : 0);
        }
        assertThat(filter.observations()).isEqualTo(2_000);
        assertThat(filter.logLikelihood()).isEqualTo(model.logLikelihood(x));
        filter.reset();
        assertThat(filter.observations()).isZero();
        assertThat(filter.probabilities()).isEqualTo(model.initialProbabilities());
    }

    @Test
    void anObservationFarInEveryStatesTailDoesNotUnderflow() {
        // x = 1000: ln b_0 = -0.919 - 500000 and ln b_1 = -1.612 - 124750.1: both densities are 0 in double, so an
        // unscaled filter would divide 0 by 0. The filter works with the densities divided by the larger one.
        HmmFilter filter = TINY.newFilter();
        filter.update(0.5);
        double[] predicted = filter.predictedProbabilities();
        filter.update(1000.0);
        assertThat(filter.probability(1)).isCloseTo(1.0, within(1e-15));
        assertThat(filter.probability(0)).isZero();
        double expected = TINY.logLikelihood(new double[] {0.5}) + Math.log(predicted[1])
                + TINY.logDensity(1, 1000.0);
        assertThat(filter.logLikelihood()).isCloseTo(expected, within(1e-9));
        assertThat(TINY.logLikelihood(new double[] {0.5, 1000.0})).isEqualTo(filter.logLikelihood());
        assertThat(TINY.viterbi(new double[] {0.5, 1000.0, -1000.0})).containsExactly(0, 1, 1);
    }

    @Test
    void expectedDurationIsTheMeanOfTheGeometricSojourn() {
        assertThat(TINY.expectedDuration(0)).isCloseTo(1 / 0.3, within(1e-12));
        assertThat(TINY.expectedDuration(1)).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void badParametersAreRefusedNamingTheParameterAndTheRange() {
        double[][] a2 = {{0.9, 0.1}, {0.1, 0.9}};
        double[] pi2 = {0.5, 0.5};
        assertThatIllegalArgumentException().isThrownBy(() -> GaussianHmm.of(new double[] {1}, new double[][] {{1}},
                        new double[] {0}, new double[] {1}))
                .withMessage("means.length (the number of states) must be in [2, 4], got 1");
        assertThatIllegalArgumentException().isThrownBy(() -> GaussianHmm.of(new double[5], new double[5][5],
                        new double[5], new double[5]))
                .withMessage("means.length (the number of states) must be in [2, 4], got 5");
        assertThatIllegalArgumentException().isThrownBy(() -> GaussianHmm.of(pi2, a2, new double[] {0, 1},
                        new double[] {1}))
                .withMessage("sigmas.length must equal the number of states 2, got 1");
        assertThatIllegalArgumentException().isThrownBy(() -> GaussianHmm.of(new double[] {0.5, 0.6}, a2,
                        new double[] {0, 1}, new double[] {1, 2}))
                .withMessageStartingWith("initialProbabilities must sum to 1 (within 1.0E-9), got 1.1");
        assertThatIllegalArgumentException().isThrownBy(() -> GaussianHmm.of(pi2,
                        new double[][] {{0.9, 0.1}, {1.2, -0.2}}, new double[] {0, 1}, new double[] {1, 2}))
                .withMessage("transitionMatrix[1][0] must be a probability in [0, 1], got 1.2");
        assertThatIllegalArgumentException().isThrownBy(() -> GaussianHmm.of(pi2, a2, new double[] {0, 1},
                        new double[] {1, 0}))
                .withMessage("sigmas[1] must be finite and > 0, got 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> GaussianHmm.of(pi2, a2, new double[] {Double.NaN, 1},
                        new double[] {1, 2}))
                .withMessage("means[0] must be finite, got NaN");
    }

    @Test
    void badObservationsAreRefusedNamingTheIndexAndLeaveTheFilterUnchanged() {
        assertThatIllegalArgumentException().isThrownBy(() -> TINY.logLikelihood(new double[0]))
                .withMessage("observations must not be empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TINY.viterbi(new double[] {0.1, Double.POSITIVE_INFINITY}))
                .withMessage("observations[1] must be finite, got Infinity");
        assertThatIllegalArgumentException().isThrownBy(() -> TINY.transitionProbability(0, 2))
                .withMessage("to must be a state in [0, 1], got 2");

        HmmFilter filter = TINY.newFilter();
        filter.update(0.5);
        double[] before = filter.probabilities();
        double logLikelihood = filter.logLikelihood();
        assertThatIllegalArgumentException().isThrownBy(() -> filter.update(Double.NaN))
                .withMessage("observation must be finite, got NaN");
        assertThat(filter.probabilities()).isEqualTo(before);
        assertThat(filter.logLikelihood()).isEqualTo(logLikelihood);
        assertThat(filter.observations()).isEqualTo(1);

        // A model that rules state 1 out for good cannot explain an observation only state 1 can.
        GaussianHmm absorbing = GaussianHmm.of(new double[] {1, 0}, new double[][] {{1, 0}, {0, 1}},
                new double[] {0, 100}, new double[] {1, 1});
        assertThatIllegalArgumentException().isThrownBy(() -> absorbing.filteredProbabilities(new double[] {0, 100}))
                .withMessage("observations[1]: observation 100.0 has probability zero under the model given the past");
        assertThat(absorbing.logLikelihood(new double[] {0, 100})).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    private static double density(GaussianHmm m, int state, double x) {
        double z = (x - m.means()[state]) / m.sigmas()[state];
        return Math.exp(-0.5 * z * z) / (m.sigmas()[state] * Math.sqrt(2 * Math.PI));
    }
}
