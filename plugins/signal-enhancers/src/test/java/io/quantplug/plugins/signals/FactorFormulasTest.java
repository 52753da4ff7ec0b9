package io.quantplug.plugins.signals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each factor's formula against hand calculations (the arithmetic is in the comments). */
class FactorFormulasTest {

    private static final double EPS = 1e-9;

    @Test
    void technicalCountsTrendPriceAndRsiAgreement() {
        // long: EMAfast 104.1975 > EMAslow 103.9583 -> 1; close 104 > 103.9583 -> 1; RSI 51.1111 -> (51.1111-30)/40
        // = 0.527778; 100/3 * (1 + 1 + 0.527778) = 84.259259
        assertThat(FactorFormulas.technical(1, 104.19753086, 103.95833333, 104, 51.11111111))
                .isCloseTo(84.259259, within(1e-5));
        // short: both trend readings disagree -> 0 + 0; RSI_d = 100 - 51.1111 = 48.8889 -> 18.8889/40 = 0.472222;
        // 100/3 * 0.472222 = 15.740741
        assertThat(FactorFormulas.technical(-1, 104.19753086, 103.95833333, 104, 51.11111111))
                .isCloseTo(15.740741, within(1e-5));
        // RSI outside Wilder's 30..70 saturates: RSI 80 long -> 1, RSI 20 long -> 0
        assertThat(FactorFormulas.technical(1, 11, 10, 12, 80)).isCloseTo(100, within(EPS));
        assertThat(FactorFormulas.technical(1, 9, 10, 8, 20)).isCloseTo(0, within(EPS));
    }

    @Test
    void volumeIsHalfTheRelativeVolumeCappedAtTwo() {
        // average of 8, 10, 20 = 12.6667; 15 / 12.6667 = 1.184211; 100 * 1.184211 / 2 = 59.210526
        assertThat(FactorFormulas.volume(15, (8 + 10 + 20) / 3.0)).isCloseTo(59.210526, within(1e-5));
        assertThat(FactorFormulas.volume(10, 10)).isCloseTo(50, within(EPS));
        assertThat(FactorFormulas.volume(30, 10)).isCloseTo(100, within(EPS));   // rv 3 capped at 2
        assertThat(FactorFormulas.volume(0, 10)).isCloseTo(0, within(EPS));
        assertThat(FactorFormulas.volume(5, 0)).isEqualTo(100);                  // trades after none at all
        assertThat(FactorFormulas.volume(0, 0)).isEqualTo(0);
    }

    @Test
    void dailyAtrPercentScalesBySquareRootOfTime() {
        // 1d bars: 100 * 5.09375 / 104 * sqrt(1) = 4.897837
        assertThat(FactorFormulas.dailyAtrPercent(5.09375, 104, 86_400_000L)).isCloseTo(4.897837, within(1e-6));
        // 1m bars: ATR 10 on 25,000 = 0.04 % per bar; sqrt(1440) = 37.947332; 0.04 * 37.947332 = 1.517893
        assertThat(FactorFormulas.dailyAtrPercent(10, 25_000, 60_000L)).isCloseTo(1.517893, within(1e-6));
    }

    @Test
    void volatilityIsFullInsideTheBandAndFallsOffOutside() {
        assertThat(FactorFormulas.volatility(2.5, 1, 4)).isEqualTo(100);
        assertThat(FactorFormulas.volatility(1, 1, 4)).isEqualTo(100);
        assertThat(FactorFormulas.volatility(4, 1, 4)).isEqualTo(100);
        // below: 100 * 0.25 / 1 = 25
        assertThat(FactorFormulas.volatility(0.25, 1, 4)).isCloseTo(25, within(EPS));
        // above: 100 * (2 - 4.897837 / 4) = 100 * (2 - 1.224459) = 77.554075
        assertThat(FactorFormulas.volatility(4.897837, 1, 4)).isCloseTo(77.554075, within(1e-5));
        // twice the upper edge and beyond: 0
        assertThat(FactorFormulas.volatility(8, 1, 4)).isCloseTo(0, within(EPS));
        assertThat(FactorFormulas.volatility(12, 1, 4)).isEqualTo(0);
    }

    @Test
    void momentumMeasuresTheRateOfChangeInTypicalMoves() {
        // ROC 2.970297 %, ATR% 4.897837, n 2: z = 2.970297 / (4.897837 * 1.414214) = 0.428825;
        // long 50 + 25 * 0.428825 = 60.720637; short 50 - 10.720637 = 39.279363
        assertThat(FactorFormulas.momentum(1, 2.970297, 4.897837, 2)).isCloseTo(60.720637, within(1e-5));
        assertThat(FactorFormulas.momentum(-1, 2.970297, 4.897837, 2)).isCloseTo(39.279363, within(1e-5));
        // two typical moves (z = 2) or more saturate: ROC 4 %, ATR% 1, n 4 -> z = 4 / (1 * 2) = 2 -> 100
        assertThat(FactorFormulas.momentum(1, 4, 1, 4)).isCloseTo(100, within(EPS));
        assertThat(FactorFormulas.momentum(1, -8, 1, 4)).isEqualTo(0);
        assertThat(FactorFormulas.momentum(1, 0, 1, 4)).isEqualTo(50);
        assertThat(FactorFormulas.momentum(-1, -1, 0, 4)).isEqualTo(100);       // flat bars, price fell: short wins
    }

    @Test
    void riskRewardComparesTheRoomToTheSwingWithAnAtrStop() {
        // long: reward 108 - 104 = 4; risk 1 * 5.09375; R = 0.785276; / Rfull 2 = 0.392638 -> 39.263804
        assertThat(FactorFormulas.riskReward(1, 104, 108, 100.5, 5.09375, 1, 2)).isCloseTo(39.263804, within(1e-5));
        // short: reward 104 - 100.5 = 3.5; R = 0.687117; / 2 -> 34.355828
        assertThat(FactorFormulas.riskReward(-1, 104, 108, 100.5, 5.09375, 1, 2)).isCloseTo(34.355828,
                within(1e-5));
        // at the swing high there is no room; 3 R or more with Rfull 3 is full
        assertThat(FactorFormulas.riskReward(1, 108, 108, 100, 2, 2, 3)).isEqualTo(0);
        assertThat(FactorFormulas.riskReward(1, 100, 115, 90, 2, 2, 3)).isEqualTo(100);  // 15 / 4 = 3.75 R
        assertThat(FactorFormulas.riskReward(1, 100, 101, 99, 0, 2, 3)).isEqualTo(100);  // no ATR, some room
    }

    @Test
    void timingPenalisesBuyingTheTopAndExtension() {
        // range 100.5 .. 108: pos = (104 - 100.5) / 7.5 = 0.466667; SMA 103.666667; ext = (104 - 103.666667) /
        // 5.09375 = 0.065440; long: 50 * 0.533333 + 50 * (1 - 0.065440 / 3) = 26.666667 + 48.909339 = 75.576005
        assertThat(FactorFormulas.timing(1, 104, 108, 100.5, 103.66666667, 5.09375)).isCloseTo(75.576005,
                within(1e-5));
        // short: pos_d = 0.533333 -> 50 * 0.466667 = 23.333333; ext_d = -0.065440 -> clamp(1.021813) = 1 -> 50
        assertThat(FactorFormulas.timing(-1, 104, 108, 100.5, 103.66666667, 5.09375)).isCloseTo(73.333333,
                within(1e-5));
        // a long at the top of the range, 3 ATR above the mean: 0; at the bottom, below the mean: 100
        assertThat(FactorFormulas.timing(1, 110, 110, 100, 104, 2)).isCloseTo(0, within(EPS));
        assertThat(FactorFormulas.timing(1, 100, 110, 100, 104, 2)).isCloseTo(100, within(EPS));
        // no range: pos 0.5 -> 25 + 50
        assertThat(FactorFormulas.timing(1, 100, 100, 100, 100, 0)).isCloseTo(75, within(EPS));
    }

    @Test
    void qualityClassesHaveTheDocumentedBands() {
        assertThat(QualityClass.of(80)).isEqualTo(QualityClass.A);
        assertThat(QualityClass.of(79.999)).isEqualTo(QualityClass.B);
        assertThat(QualityClass.of(65)).isEqualTo(QualityClass.B);
        assertThat(QualityClass.of(64.9)).isEqualTo(QualityClass.C);
        assertThat(QualityClass.of(50)).isEqualTo(QualityClass.C);
        assertThat(QualityClass.of(49.9)).isEqualTo(QualityClass.D);
        assertThat(QualityClass.of(0)).isEqualTo(QualityClass.D);
    }
}
