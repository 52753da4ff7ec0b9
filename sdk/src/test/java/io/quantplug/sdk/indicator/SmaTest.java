package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SmaTest {

    @Test
    void averagesTheLastPeriodInputsAfterWarmUp() {
        Sma sma = new Sma(3);
        assertThat(sma.warmUpPeriod()).isEqualTo(3);
        assertThat(sma.update(1)).isNaN();
        assertThat(sma.update(2)).isNaN();
        assertThat(sma.isReady()).isFalse();
        assertThat(sma.update(3)).isEqualTo(2.0);        // (1+2+3)/3
        assertThat(sma.update(4)).isEqualTo(3.0);        // (2+3+4)/3
        assertThat(sma.update(11)).isEqualTo(6.0);       // (3+4+11)/3
        assertThat(sma.isReady()).isTrue();
        assertThat(sma.count()).isEqualTo(5);
    }

    @Test
    void constantInputGivesThatConstantExactly() {
        Sma sma = new Sma(30);
        for (int i = 0; i < 100_000; i++) {
            sma.update(0.1);
        }
        assertThat(sma.value()).isEqualTo(0.1);
    }

    @Test
    void flatMarketAfterMovementGivesEqualAveragesSoNoSpuriousCrossing() {
        double[] closes = RealCloses.load();
        Sma fast = new Sma(10);
        Sma slow = new Sma(30);
        Crossing crossing = new Crossing();
        for (int i = 0; i < 5_000; i++) {
            fast.update(closes[i]);
            slow.update(closes[i]);
        }
        double flat = closes[4_999];
        for (int i = 0; i < 100; i++) {
            fast.update(flat);
            slow.update(flat);
            if (i >= 30) {
                assertThat(fast.value()).isEqualTo(flat);
                assertThat(slow.value()).isEqualTo(flat);
                assertThat(crossing.update(fast.value(), slow.value())).isEqualTo(Crossing.Direction.NONE);
            }
        }
    }

    @Test
    void refusesBadPeriodAndNonFiniteInput() {
        assertThatThrownBy(() -> new Sma(0)).hasMessageContaining("period must be >= 1, got 0");
        assertThatThrownBy(() -> new Sma(5).update(Double.NaN)).hasMessageContaining("finite");
    }

    @Test
    void matchesTa4jOnRealBinanceCloses() {
        double[] closes = RealCloses.load();
        BarSeries series = Ta4jSeries.ofCloses(closes);
        for (int period : new int[] {10, 30, 200}) {
            SMAIndicator reference = new SMAIndicator(new ClosePriceIndicator(series), period);
            Sma sma = new Sma(period);
            for (int i = 0; i < closes.length; i++) {
                double v = sma.update(closes[i]);
                if (i >= period - 1) {
                    double expected = reference.getValue(i).doubleValue();
                    assertThat(v).as("SMA(%d) at bar %d", period, i).isCloseTo(expected, within(1e-9));
                } else {
                    assertThat(v).isNaN();
                }
            }
        }
    }
}
