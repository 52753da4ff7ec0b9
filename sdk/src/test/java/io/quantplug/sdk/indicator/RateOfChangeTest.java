package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateOfChangeTest {

    @Test
    void comparesWithTheInputPeriodStepsBack() {
        RateOfChange roc = new RateOfChange(2);
        assertThat(roc.update(100)).isNaN();
        assertThat(roc.update(110)).isNaN();
        assertThat(roc.isReady()).isFalse();
        assertThat(roc.update(121)).isEqualTo(21.0);          // 100 (121 - 100) / 100
        assertThat(roc.update(99)).isEqualTo(-10.0);          // 100 (99 - 110) / 110
        assertThat(roc.warmUpPeriod()).isEqualTo(3);
    }

    @Test
    void zeroBaseIsUndefined() {
        RateOfChange roc = new RateOfChange(1);
        roc.update(0);
        assertThat(roc.update(5)).isNaN();
        assertThat(roc.update(10)).isEqualTo(100.0);
    }

    @Test
    void refusesBadPeriod() {
        assertThatThrownBy(() -> new RateOfChange(0)).hasMessage("ROC period must be >= 1, got 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {RealBars.BTC_1M, RealBars.ETH_1H})
    void matchesTa4jOnRealCloses(String file) {
        RealBars bars = RealBars.load(file);
        BarSeries series = Ta4jSeries.ofBars(bars);
        for (int n : new int[] {1, 12, 60}) {
            RateOfChange roc = new RateOfChange(n);
            double[] ours = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                ours[i] = roc.update(bars.close[i]);
            }
            Ta4jMatch.assertMatches("ROC(" + n + ")", ours, new ROCIndicator(new ClosePriceIndicator(series), n), n,
                    null);
        }
    }
}
