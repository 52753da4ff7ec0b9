package io.quantplug.runtime.analytics;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CombinatoriallySymmetricCrossValidation}: a matrix small enough to follow by hand, and the two limits
 * Bailey, Borwein, López de Prado and Zhu (2017) describe: skill-less trials overfit half the time, a real edge
 * never.
 */
class CombinatoriallySymmetricCrossValidationTest {

    @Test
    void twoTrialsInFourBlocksByHand() {
        // S = 4 blocks A B C D of 2 rows. Trial 1 earns (0.05, 0.07) in A and B and (-0.01, 0.01) in C and D;
        // trial 2 earns (0.01, 0.03) in every block.
        // Sharpe (mean / sample sd) of 4 rows:
        //   trial 2 anywhere: mean 0.02, deviations +-0.01, sd = sqrt(4e-4 / 3) = 0.011547 -> 1.732
        //   trial 1 on A+B: mean 0.06, sd 0.011547 -> 5.196; on C+D: mean 0 -> 0;
        //   on one of A/B with one of C/D: mean 0.03, deviations .02 .04 -.04 -.02, sd = sqrt(0.004 / 3) -> 0.822
        // In-sample sets in lexicographic order: AB, AC, AD, BC, BD, CD.
        //   AB: trial 1 best (5.196 > 1.732); out of sample CD it is worst (0 < 1.732): w = 1/3, logit -ln 2
        //   AC, AD, BC, BD: trial 2 best (1.732 > 0.822) and best out of sample too: w = 2/3, logit ln 2
        //   CD: trial 2 best (1.732 > 0); out of sample AB it is worst (1.732 < 5.196): logit -ln 2
        // PBO = 2 / 6.
        double[][] m = {
            {0.05, 0.07, 0.05, 0.07, -0.01, 0.01, -0.01, 0.01}, // trial 1: blocks A, B, C, D
            {0.01, 0.03, 0.01, 0.03, 0.01, 0.03, 0.01, 0.03}, // trial 2
        };
        BacktestOverfitting pbo = new CombinatoriallySymmetricCrossValidation(4).estimate(m);
        double ln2 = Math.log(2);
        assertThat(pbo.logits()).containsExactly(new double[] {-ln2, ln2, ln2, ln2, ln2, -ln2}, Offset.offset(1e-12));
        assertThat(pbo.probability()).isEqualTo(2.0 / 6);
        assertThat(pbo.blocks()).isEqualTo(4);
        assertThat(pbo.rowsPerBlock()).isEqualTo(2);
    }

    @Test
    void theEarliestRowsThatDoNotFillABlockAreLeftOut() {
        // the same matrix behind one extra first row that would change every Sharpe ratio of block A
        double[][] m = {
            {9, 0.05, 0.07, 0.05, 0.07, -0.01, 0.01, -0.01, 0.01},
            {-9, 0.01, 0.03, 0.01, 0.03, 0.01, 0.03, 0.01, 0.03},
        };
        assertThat(new CombinatoriallySymmetricCrossValidation(4).estimate(m).probability()).isEqualTo(2.0 / 6);
    }

    @Test
    void skillLessTrialsOverfitAboutHalfTheTime() {
        // N = 10 i.i.d. noise trials: the in-sample best's out-of-sample rank is uniform on 1..10, and
        // logit <= 0 exactly for ranks 1..5, so E[PBO] = 0.5. Mean over 200 seeded matrices.
        Random random = new Random(18);
        CombinatoriallySymmetricCrossValidation cscv = new CombinatoriallySymmetricCrossValidation(8);
        double total = 0;
        int matrices = 200;
        for (int k = 0; k < matrices; k++) {
            double[][] m = new double[10][400];
            for (double[] series : m) {
                for (int t = 0; t < series.length; t++) {
                    series[t] = 0.01 * random.nextGaussian();
                }
            }
            total += cscv.estimate(m).probability();
        }
        assertThat(total / matrices).isCloseTo(0.5, Offset.offset(0.05));
    }

    @Test
    void aRealEdgeDominatingEveryBlockNeverOverfits() {
        Random random = new Random(7);
        double[][] m = new double[10][1600];
        for (int t = 0; t < 1600; t++) {
            for (int n = 0; n < m.length; n++) {
                m[n][t] = 0.01 * random.nextGaussian() + (n == 3 ? 0.01 : 0);
            }
        }
        BacktestOverfitting pbo = new CombinatoriallySymmetricCrossValidation(16).estimate(m);
        assertThat(pbo.logits()).hasSize(12_870); // C(16, 8)
        assertThat(pbo.probability()).isZero();
        // the edge is best out of sample every time: rank 10 of 10, w = 10/11, logit ln 10
        for (double logit : pbo.logits()) {
            assertThat(logit).isCloseTo(Math.log(10), Offset.offset(1e-12));
        }
    }

    @Test
    void refusesShapesItCannotSplit() {
        assertThatThrownBy(() -> new CombinatoriallySymmetricCrossValidation(5)).hasMessageContaining("even");
        CombinatoriallySymmetricCrossValidation cscv = new CombinatoriallySymmetricCrossValidation(4);
        assertThatThrownBy(() -> cscv.estimate(new double[1][8])).hasMessageContaining("at least 2 trials");
        assertThatThrownBy(() -> cscv.estimate(new double[2][7])).hasMessageContaining("8 for S = 4");
        assertThatThrownBy(() -> cscv.estimate(new double[][] {new double[8], new double[9]}))
                .hasMessageContaining("trial 1 has 9 returns");
    }
}
