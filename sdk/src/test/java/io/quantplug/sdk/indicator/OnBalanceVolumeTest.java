package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;

import static org.assertj.core.api.Assertions.assertThat;

class OnBalanceVolumeTest {

    @Test
    void addsVolumeOnUpClosesAndSubtractsOnDownCloses() {
        OnBalanceVolume obv = new OnBalanceVolume();
        assertThat(obv.value()).isNaN();
        assertThat(obv.update(10, 10, 10, 10, 9)).isEqualTo(0.0);     // first bar: 0
        assertThat(obv.update(11, 11, 11, 11, 5)).isEqualTo(5.0);     // up
        assertThat(obv.update(11, 11, 11, 11, 7)).isEqualTo(5.0);     // unchanged
        assertThat(obv.update(9, 9, 9, 9, 2)).isEqualTo(3.0);         // down
        assertThat(obv.update(12, 12, 12, 12, 4)).isEqualTo(7.0);     // up
        assertThat(obv.count()).isEqualTo(5);
        assertThat(obv.warmUpPeriod()).isEqualTo(1);
    }

    /**
     * The total crosses zero, so the tolerance is 1e-9 relative to the total volume so far (the size of the terms
     * summed), as well as to the value.
     */
    @ParameterizedTest
    @ValueSource(strings = {RealBars.BTC_1M, RealBars.ETH_1H})
    void matchesTa4jOnRealBars(String file) {
        RealBars bars = RealBars.load(file);
        BarSeries series = Ta4jSeries.ofBars(bars);
        OnBalanceVolume obv = new OnBalanceVolume();
        double[] ours = new double[bars.size()];
        double[] traded = new double[bars.size()];
        double total = 0;
        for (int i = 0; i < bars.size(); i++) {
            ours[i] = bars.feed(obv, i);
            total += bars.volume[i];
            traded[i] = total;
        }
        Ta4jMatch.assertMatches("OBV", ours, new OnBalanceVolumeIndicator(series), 0, traded);
    }
}
