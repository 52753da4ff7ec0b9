package io.quantplug.runtime.internal.venue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The two queue models on hand-computed cases. Notation: {@code front} the quantity ahead, {@code back} the
 * quantity behind ({@code levelBefore - front}), {@code c} the cancel, probability of a cancel behind
 * {@code p = f(back) / (f(back) + f(front))} with {@code f(x) = x^n}, and
 * {@code front' = min(after, front - (1 - p) c + min(back - p c, 0))}.
 */
class QueuePositionModelTest {

    private static final double EPS = 1e-12;

    @Test
    void riskAverseOnlyCapsTheQueueAtTheLevel() {
        RiskAverseQueueModel model = new RiskAverseQueueModel();
        // 6 ahead, the level 8 -> 4: at most 4 can be ahead
        assertThat(model.aheadAfter(6, 8, 4)).isEqualTo(4.0);
        // 6 ahead, the level 8 -> 7: the cancel is taken from behind
        assertThat(model.aheadAfter(6, 8, 7)).isEqualTo(6.0);
        // growth joins behind
        assertThat(model.aheadAfter(6, 8, 12)).isEqualTo(6.0);
    }

    @Test
    void probabilisticSplitsACancelByPositionWithPowerOne() {
        ProbabilisticQueueModel model = new ProbabilisticQueueModel(1);
        // front 6, back 2, c 4: p = 2 / 8 = 0.25; 6 - 0.75 x 4 + min(2 - 1, 0) = 3
        assertThat(model.aheadAfter(6, 8, 4)).isCloseTo(3.0, within(EPS));
    }

    @Test
    void probabilisticSplitsACancelByPositionWithPowerTwo() {
        ProbabilisticQueueModel model = new ProbabilisticQueueModel(2);
        // front 6, back 2, c 4: p = 4 / (4 + 36) = 0.1; 6 - 0.9 x 4 + min(2 - 0.4, 0) = 2.4
        assertThat(model.aheadAfter(6, 8, 4)).isCloseTo(2.4, within(EPS));
        // front 2, back 8, c 9: p = 64 / 68; (1 - p) c = 36 / 68; back - p c = (544 - 576) / 68 = -32 / 68;
        // 2 - 36/68 - 32/68 = 1, and the level after is 1
        assertThat(model.aheadAfter(2, 10, 1)).isCloseTo(1.0, within(EPS));
    }

    @Test
    void probabilisticNeverAdvancesTheHeadAndGivesTheTailTheWholeCancel() {
        ProbabilisticQueueModel model = new ProbabilisticQueueModel(1);
        // at the head nothing is ahead: it stays 0
        assertThat(model.aheadAfter(0, 8, 4)).isEqualTo(0.0);
        // at the tail (back 0): p = 0, the whole cancel of 2 is ahead: 5 - 2 = 3
        assertThat(model.aheadAfter(5, 5, 3)).isCloseTo(3.0, within(EPS));
        // growth: capped only
        assertThat(model.aheadAfter(6, 8, 10)).isEqualTo(6.0);
    }

    @Test
    void probabilisticRefusesAPowerThatIsNotFiniteAndPositive() {
        for (double n : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new ProbabilisticQueueModel(n))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("power n").hasMessageContaining("> 0");
        }
        assertThat(new ProbabilisticQueueModel(2).power()).isEqualTo(2.0);
    }
}
