package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmaTest {

    @Test
    void seedsWithTheSimpleAverageThenSmooths() {
        // alpha = 2/(3+1) = 0.5; seed = (1+2+3)/3 = 2; then 2 + 0.5*(4-2) = 3; 3 + 0.5*(8-3) = 5.5
        Ema ema = new Ema(3);
        assertThat(ema.alpha()).isEqualTo(0.5);
        assertThat(ema.update(1)).isNaN();
        assertThat(ema.update(2)).isNaN();
        assertThat(ema.update(3)).isEqualTo(2.0);
        assertThat(ema.update(4)).isEqualTo(3.0);
        assertThat(ema.update(8)).isEqualTo(5.5);
    }

    @Test
    void agreesWithTa4jOnceTheSeedHasDecayed() {
        double[] closes = RealCloses.load();
        BarSeries series = Ta4jSeries.ofCloses(closes);
        int period = 20;
        EMAIndicator reference = new EMAIndicator(new ClosePriceIndicator(series), period);
        Ema ema = new Ema(period);
        // ta4j seeds with the first close, we with the SMA of the first 20; the seed's weight (19/21)^k is below
        // 1e-12 relative after k = 300 bars.
        for (int i = 0; i < closes.length; i++) {
            double v = ema.update(closes[i]);
            if (i >= 300) {
                double expected = reference.getValue(i).doubleValue();
                assertThat(v).as("EMA(20) at bar %d", i).isCloseTo(expected, within(expected * 1e-9));
            }
        }
    }
}
