package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HighestLowestTest {

    @Test
    void keepsTheExtremeOfTheLastPeriodInputs() {
        Highest highest = new Highest(3);
        Lowest lowest = new Lowest(3);
        double[] in = {5, 3, 4, 1, 2, 6, 6, 0};
        double[] hi = new double[in.length];
        double[] lo = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            hi[i] = highest.update(in[i]);
            lo[i] = lowest.update(in[i]);
        }
        // windows: {5,3,4} {3,4,1} {4,1,2} {1,2,6} {2,6,6} {6,6,0}
        assertThat(hi).containsExactly(Double.NaN, Double.NaN, 5, 4, 4, 6, 6, 6);
        assertThat(lo).containsExactly(Double.NaN, Double.NaN, 3, 1, 1, 1, 2, 0);
        assertThat(highest.warmUpPeriod()).isEqualTo(3);
        assertThat(lowest.count()).isEqualTo(8);
    }

    @Test
    void periodOneIsTheInputItself() {
        Highest highest = new Highest(1);
        assertThat(highest.update(7)).isEqualTo(7);
        assertThat(highest.update(2)).isEqualTo(2);
    }

    @Test
    void refusesBadPeriodAndNonFiniteInput() {
        assertThatThrownBy(() -> new Highest(0)).hasMessage("Highest period must be >= 1, got 0");
        assertThatThrownBy(() -> new Lowest(-2)).hasMessage("Lowest period must be >= 1, got -2");
        assertThatThrownBy(() -> new Lowest(2).update(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    }

    @ParameterizedTest
    @ValueSource(strings = {RealBars.BTC_1M, RealBars.ETH_1H})
    void matchesTa4jOnRealHighsAndLows(String file) {
        RealBars bars = RealBars.load(file);
        BarSeries series = Ta4jSeries.ofBars(bars);
        for (int n : new int[] {1, 14, 100}) {
            Highest highest = new Highest(n);
            Lowest lowest = new Lowest(n);
            double[] hi = new double[bars.size()];
            double[] lo = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                hi[i] = highest.update(bars.high[i]);
                lo[i] = lowest.update(bars.low[i]);
            }
            Ta4jMatch.assertMatches("Highest(" + n + ")", hi,
                    new HighestValueIndicator(new HighPriceIndicator(series), n), n - 1, null);
            Ta4jMatch.assertMatches("Lowest(" + n + ")", lo,
                    new LowestValueIndicator(new LowPriceIndicator(series), n), n - 1, null);
        }
    }
}
