package io.quantplug.sdk.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The rolling fit by hand on three-pair windows; on real pairs it is checked against R's {@code lm} in
 * {@link CointegrationReferenceTest}.
 */
class RollingHedgeRatioTest {

    @Test
    void fitsTheWindowAndScoresTheNewestSpread() {
        RollingHedgeRatio rolling = new RollingHedgeRatio(3);
        assertThat(rolling.update(2, 1)).isFalse();
        assertThat(rolling.update(4.1, 2)).isFalse();
        assertThat(rolling.hedgeRatio()).isNaN();
        // (x, y) = (1, 2), (2, 4.1), (3, 5.9): x̄ = 2, ȳ = 4, Sxx = 2, Sxy = 3.9 -> β = 1.95, α = 0.1;
        // residuals -0.05, 0.1, -0.05, s = sqrt(0.015 / 2); z = -0.05 / s = -1/√3
        assertThat(rolling.update(5.9, 3)).isTrue();
        assertThat(rolling.hedgeRatio()).isCloseTo(1.95, within(1e-12));
        assertThat(rolling.intercept()).isCloseTo(0.1, within(1e-12));
        assertThat(rolling.spread()).isCloseTo(-0.05, within(1e-12));
        assertThat(rolling.zScore()).isCloseTo(-1 / Math.sqrt(3), within(1e-12));
        // (1, 2) leaves: (2, 4.1), (3, 5.9), (4, 8): β = 1.95, α = 0.15; residuals 0.05, -0.1, 0.05; z = +1/√3
        assertThat(rolling.update(8, 4)).isTrue();
        assertThat(rolling.hedgeRatio()).isCloseTo(1.95, within(1e-12));
        assertThat(rolling.intercept()).isCloseTo(0.15, within(1e-12));
        assertThat(rolling.spread()).isCloseTo(0.05, within(1e-12));
        assertThat(rolling.zScore()).isCloseTo(1 / Math.sqrt(3), within(1e-12));
    }

    @Test
    void copiedPairsRestoreTheEstimatorBitForBit() {
        RollingHedgeRatio original = new RollingHedgeRatio(5);
        double[] ys = new double[5];
        double[] xs = new double[5];
        for (int i = 0; i < 13; i++) {
            original.update(Math.log(100 + 7 * Math.sin(i)), Math.log(50 + 3 * Math.cos(0.7 * i) + i));
        }
        int held = original.copyPairs(ys, xs);
        RollingHedgeRatio restored = new RollingHedgeRatio(5);
        for (int i = 0; i < held; i++) {
            restored.update(ys[i], xs[i]);
        }
        assertThat(held).isEqualTo(5);
        assertThat(restored.zScore()).isEqualTo(original.zScore());
        assertThat(restored.update(4.7, 4.0)).isEqualTo(original.update(4.7, 4.0));
        assertThat(restored.hedgeRatio()).isEqualTo(original.hedgeRatio());
        assertThat(restored.zScore()).isEqualTo(original.zScore());
        assertThat(new RollingHedgeRatio(4).copyPairs(ys, xs)).isZero();
        assertThatThrownBy(() -> original.copyPairs(new double[4], xs))
                .hasMessage("yOut and xOut must hold at least window=5 values");
    }

    @Test
    void constantXGivesNoEstimate() {
        RollingHedgeRatio rolling = new RollingHedgeRatio(3);
        rolling.update(1, 5);
        rolling.update(2, 5);
        assertThat(rolling.update(3, 5)).isFalse();
        assertThat(rolling.zScore()).isNaN();
    }

    @Test
    void rejectsBadInputNamingItAndKeepsItsState() {
        assertThatThrownBy(() -> new RollingHedgeRatio(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("window must be >= 3 pairs, got 2");
        RollingHedgeRatio rolling = new RollingHedgeRatio(3);
        rolling.update(2, 1);
        rolling.update(4.1, 2);
        assertThatThrownBy(() -> rolling.update(Double.NaN, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("y and x must be finite, got y=NaN, x=3.0");
        assertThat(rolling.update(5.9, 3)).isTrue();
        assertThat(rolling.hedgeRatio()).isCloseTo(1.95, within(1e-12));
    }
}
