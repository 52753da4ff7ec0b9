package io.quantplug.plugins.mlregime;

import io.quantplug.api.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quantplug.plugins.mlregime.Fixtures.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The ten features and the labels against hand calculations on a six-bar fixture (n = 2, m = 3, h = 2). */
class RegimeFeaturesTest {

    //                                  open   high   low  close volume
    private static final List<Bar> BARS = List.of(
            bar(0, 100, 101, 99, 100, 10),
            bar(1, 100, 103, 100, 102, 12),
            bar(2, 102, 104, 100, 101, 8),
            bar(3, 101, 105, 101, 104, 14),
            bar(4, 104, 107, 103, 106, 9),
            bar(5, 106, 110, 105, 109, 11));

    // log returns r_k = ln(C_k / C_{k-1}):
    //   r1 = ln(102/100) = 0.0198026273   r1^2 = 3.921440e-4
    //   r2 = ln(101/102) = -0.0098522964  r2^2 = 0.970677e-4
    //   r3 = ln(104/101) = 0.0292703823   r3^2 = 8.567553e-4
    //   r4 = ln(106/104) = 0.0190481950   r4^2 = 3.628337e-4
    //   r5 = ln(109/106) = 0.0279087881   r5^2 = 7.789005e-4
    private static final double R2SQ = 0.970677452e-4;
    private static final double R1SQ = 3.921440478e-4;
    private static final double R3SQ = 8.567552800e-4;

    @Test
    void featuresOfBarThreeByHand() {
        double[] f = new RegimeFeatures(2, 3).compute(Fixtures.window(BARS.subList(0, 4)), 3);
        assertThat(RegimeFeatures.NAMES).hasSize(f.length);
        // return1 = r3
        assertThat(f[0]).isCloseTo(0.0292703823, within(1e-10));
        // returnShort = ln(C3 / C1) = ln(104/102)
        assertThat(f[1]).isCloseTo(0.0194180859, within(1e-10));
        // returnLong = ln(C3 / C0) = ln(1.04)
        assertThat(f[2]).isCloseTo(0.0392207132, within(1e-10));
        // volatility: sigma_2 = sqrt((r2^2 + r3^2) / 2) = sqrt(9.538230e-4 / 2) = sqrt(4.769115e-4) = 0.0218383
        double sigma2 = Math.sqrt((R2SQ + R3SQ) / 2);
        assertThat(sigma2).isCloseTo(0.0218383, within(1e-7));
        assertThat(f[3]).isCloseTo(sigma2, within(1e-11));
        // sigma_3 = sqrt((r1^2 + r2^2 + r3^2) / 3) = sqrt(13.459671e-4 / 3) = sqrt(4.486557e-4) = 0.0211815
        double sigma3 = Math.sqrt((R1SQ + R2SQ + R3SQ) / 3);
        assertThat(sigma3).isCloseTo(0.0211815, within(1e-7));
        // volatilityRatio = 0.0218383 / 0.0211815 = 1.03101
        assertThat(f[4]).isCloseTo(1.03101, within(1e-5));
        // trendStrength = returnShort / (sigma_3 sqrt(2)) = 0.0194181 / (0.0211815 x 1.4142136) = 0.648239
        assertThat(f[5]).isCloseTo(0.648239, within(1e-6));
        // true ranges of bars 2 and 3 (previous closes 102 and 101):
        //   TR2 = max(104 - 100, |104 - 102|, |100 - 102|) = 4;  TR3 = max(105 - 101, |105 - 101|, |101 - 101|) = 4
        // atrToPrice = ((4 + 4) / 2) / 104 = 0.0384615385
        assertThat(f[6]).isCloseTo(4.0 / 104, within(1e-15));
        // EMA of period 2 (alpha = 2/3) over C0..C3 from E0 = 100:
        //   E1 = 100 + 2/3 (102 - 100) = 101.333333;  E2 = 101.333333 + 2/3 (101 - 101.333333) = 101.111111
        //   E3 = 101.111111 + 2/3 (104 - 101.111111) = 103.037037
        // emaSlope = ln(103.037037 / 101.111111) = ln(1.0190476) = 0.0188685
        assertThat(f[7]).isCloseTo(0.0188685, within(1e-7));
        // rangePosition over bars 2..3: HH = 105, LL = 100: (104 - 100) / (105 - 100) = 0.8
        assertThat(f[8]).isCloseTo(0.8, within(1e-15));
        // volumeZ over V1..V3 = 12, 8, 14: mean = 34/3 = 11.333333; squared deviations 0.444444, 11.111111,
        // 7.111111, sum 18.666667, / 3 = 6.222222, sd = 2.494438; z = (14 - 11.333333) / 2.494438 = 1.069045
        assertThat(f[9]).isCloseTo(1.069045, within(1e-6));
    }

    @Test
    void theWindowSlidesToBarFour() {
        double[] f = new RegimeFeatures(2, 3).compute(Fixtures.window(BARS.subList(0, 5)), 4);
        // returnLong = ln(C4 / C1) = ln(106/102) = 0.0384662
        assertThat(f[2]).isCloseTo(0.0384662, within(1e-7));
        // rangePosition over bars 3..4: HH = 107, LL = 101: (106 - 101) / 6 = 0.833333
        assertThat(f[8]).isCloseTo(5.0 / 6, within(1e-15));
        // volumeZ over V2..V4 = 8, 14, 9: mean = 31/3 = 10.333333; squared deviations 5.444444, 13.444444, 1.777778,
        // sum 20.666667, / 3 = 6.888889, sd = 2.624669; z = (9 - 10.333333) / 2.624669 = -0.508001
        assertThat(f[9]).isCloseTo(-0.508001, within(1e-6));
    }

    @Test
    void flatBarsGiveTheNeutralValues() {
        List<Bar> flat = List.of(bar(0, 50, 50, 50, 50, 3), bar(1, 50, 50, 50, 50, 3),
                bar(2, 50, 50, 50, 50, 3), bar(3, 50, 50, 50, 50, 3));
        double[] f = new RegimeFeatures(2, 3).compute(Fixtures.window(flat), 3);
        // no movement: returns and volatilities 0, the ratio 1 (0/0 taken as "unchanged"), trend strength 0,
        // true range 0, EMA slope ln(50/50) = 0, range position 0.5 (HH = LL), volume z 0 (sd = 0)
        assertThat(f).containsExactly(0, 0, 0, 0, 1, 0, 0, 0, 0.5, 0);
    }

    @Test
    void barsOutsideTheWindowAreRefused() {
        // bar 3 needs bars 0..3; a window of capacity 3 holds only 1..3
        BarWindow w = new BarWindow(3);
        BARS.subList(0, 4).forEach(w::add);
        assertThatThrownBy(() -> new RegimeFeatures(2, 3).compute(w, 3))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("bar 0 is not held");
    }

    @Test
    void labelsOfBarThreeByHand() {
        BarWindow w = Fixtures.window(BARS);
        // i = 3, h = 2: R = ln(C5 / C3) = ln(109/104) = 0.0469570
        // sigma_f = sqrt((r4^2 + r5^2) / 2) = sqrt((3.628337e-4 + 7.789005e-4) / 2) = sqrt(5.708671e-4) = 0.0238928
        // sigma_ref = sigma_3 at bar 3 = 0.0211815 (above); sigma_f / sigma_ref = 1.128005
        // trend threshold z sigma_ref sqrt(2) = z x 0.0299552
        // z = 1, rho = 1.5: 1.128 <= 1.5, R = 0.04696 > 0.02996 -> TREND_UP
        assertThat(new RegimeLabeler(2, 3, 1.0, 1.5).label(w, 3)).isEqualTo(MarketRegime.TREND_UP);
        // z = 2: 0.04696 <= 2 x 0.02996 = 0.05991, and >= -0.05991 -> RANGE
        assertThat(new RegimeLabeler(2, 3, 2.0, 1.5).label(w, 3)).isEqualTo(MarketRegime.RANGE);
        // rho = 1.12: 1.128 > 1.12 -> HIGH_VOLATILITY, whatever the return
        assertThat(new RegimeLabeler(2, 3, 1.0, 1.12).label(w, 3)).isEqualTo(MarketRegime.HIGH_VOLATILITY);
        // rho = 1.13: 1.128 <= 1.13 -> the trend rule decides again
        assertThat(new RegimeLabeler(2, 3, 1.0, 1.13).label(w, 3)).isEqualTo(MarketRegime.TREND_UP);
    }

    @Test
    void aFallingMirrorIsLabelledTrendDown() {
        // the fixture's closes inverted (C -> 10000 / C): every log return changes sign, volatilities are unchanged
        List<Bar> mirrored = BARS.stream().map(b -> bar((int) (b.openTimeMillis() / 3_600_000L),
                10_000 / b.open(), 10_000 / b.low(), 10_000 / b.high(), 10_000 / b.close(), b.volume())).toList();
        // R = -0.0469570 < -0.0299552 -> TREND_DOWN
        assertThat(new RegimeLabeler(2, 3, 1.0, 1.5).label(Fixtures.window(mirrored), 3))
                .isEqualTo(MarketRegime.TREND_DOWN);
    }

    @Test
    void aLabelNeedsTheBarsOfItsHorizon() {
        // bar 3's label with h = 2 reads bar 5: a window of bars 0..4 cannot give it
        assertThatThrownBy(() -> new RegimeLabeler(2, 3, 1.0, 1.5).label(Fixtures.window(BARS.subList(0, 5)), 3))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("bar 5 is not held");
    }
}
