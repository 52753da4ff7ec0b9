package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.volume.VWAPIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollingVwapTest {

    @Test
    void weighsTypicalPricesByVolumeOverTheWindow() {
        RollingVwap vwap = new RollingVwap(2);
        assertThat(vwap.update(10, 12, 9, 9, 1)).isNaN();      // TP 10, V 1
        assertThat(vwap.update(11, 13, 10, 10, 3)).isEqualTo(10.75);   // (10 + 33) / 4
        assertThat(vwap.update(11, 11, 11, 11, 0)).isEqualTo(11.0);    // (33 + 0) / 3
        assertThat(vwap.update(11, 11, 11, 11, 0)).isNaN();            // no volume in the window
        assertThat(vwap.isReady()).isTrue();
        assertThat(vwap.update(12, 12, 12, 12, 2)).isEqualTo(12.0);    // (0 + 24) / 2
    }

    @Test
    void refusesBadPeriod() {
        assertThatThrownBy(() -> new RollingVwap(0)).hasMessage("VWAP period must be >= 1, got 0");
    }

    /** Where no volume traded in the whole window ta4j divides zero by zero (NaN): so do we. */
    @ParameterizedTest
    @ValueSource(strings = {RealBars.BTC_1M, RealBars.ETH_1H})
    void matchesTa4jOnRealBars(String file) {
        RealBars bars = RealBars.load(file);
        BarSeries series = Ta4jSeries.ofBars(bars);
        for (int n : new int[] {1, 20}) {
            RollingVwap vwap = new RollingVwap(n);
            VWAPIndicator reference = new VWAPIndicator(series, n);
            double[] ours = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                ours[i] = bars.feed(vwap, i);
            }
            Ta4jMatch.assertMatches("VWAP(" + n + ")", ours, reference, n - 1, null);
            long undefined = java.util.Arrays.stream(ours).skip(n - 1).filter(Double::isNaN).count();
            if (file.equals(RealBars.BTC_1M) && n == 1) {
                assertThat(undefined).as("bars without volume").isEqualTo(658);
            }
        }
    }
}
