package io.quantplug.sdk.indicator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AverageTrueRangeTest {

    @Test
    void seedsWithTheMeanOfTheFirstTrueRangesThenSmoothsByWilder() {
        AverageTrueRange atr = new AverageTrueRange(3);
        TrueRange tr = new TrueRange();
        double[][] bars = {{10, 12, 9, 11}, {11, 14, 11, 13}, {13, 13.5, 12, 12.5}, {20, 21, 19.5, 20.5}};
        double[] trueRanges = new double[4];
        double[] atrs = new double[4];
        for (int i = 0; i < bars.length; i++) {
            double[] b = bars[i];
            trueRanges[i] = tr.update(b[0], b[1], b[2], b[3], 1);
            atrs[i] = atr.update(b[0], b[1], b[2], b[3], 1);
        }
        // TR: first bar H - L = 3; then max(3, |14-11|, |11-11|) = 3; max(1.5, |13.5-13|, |12-13|) = 1.5;
        // the gap bar max(1.5, |21-12.5|, |19.5-12.5|) = 8.5.
        assertThat(trueRanges).containsExactly(3, 3, 1.5, 8.5);
        assertThat(atrs[0]).isNaN();
        assertThat(atrs[1]).isNaN();
        assertThat(atrs[2]).isEqualTo(2.5);                 // (3 + 3 + 1.5) / 3
        assertThat(atrs[3]).isEqualTo(4.5);                 // (2.5 * 2 + 8.5) / 3
        assertThat(atr.warmUpPeriod()).isEqualTo(3);
        assertThat(atr.isReady()).isTrue();
        assertThat(tr.warmUpPeriod()).isEqualTo(1);
    }

    @Test
    void refusesBadPeriodAndInvalidBars() {
        assertThatThrownBy(() -> new AverageTrueRange(0)).hasMessage("ATR period must be >= 1, got 0");
        assertThatThrownBy(() -> new TrueRange().update(10, 9, 11, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low <= open, close <= high");
        assertThatThrownBy(() -> new AverageTrueRange(3).update(10, 11, 9, Double.NaN, 1))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new TrueRange().update(10, 11, 9, 10, -1)).hasMessageContaining("volume");
    }

    /**
     * The true range matches ta4j's TRIndicator from the first bar. ta4j's ATRIndicator seeds Wilder's recursion with
     * the first true range where we take the mean of the first n; the seed's weight ((n-1)/n)^k is below e^-30 after
     * 30 n bars, from where the two agree within 1e-9 relative at every bar.
     */
    @ParameterizedTest
    @ValueSource(strings = {RealBars.BTC_1M, RealBars.ETH_1H})
    void matchesTa4jOnRealBars(String file) {
        RealBars bars = RealBars.load(file);
        BarSeries series = Ta4jSeries.ofBars(bars);
        TrueRange tr = new TrueRange();
        double[] trs = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            trs[i] = bars.feed(tr, i);
        }
        Ta4jMatch.assertMatches("TR", trs, new TRIndicator(series), 0, null);
        for (int n : new int[] {5, 14}) {
            AverageTrueRange atr = new AverageTrueRange(n);
            double[] ours = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                ours[i] = bars.feed(atr, i);
                assertThat(Double.isNaN(ours[i])).isEqualTo(i < n - 1);
            }
            Ta4jMatch.assertMatches("ATR(" + n + ")", ours, new ATRIndicator(series, n), 30 * n, null);
        }
    }
}
