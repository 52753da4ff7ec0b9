package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RsiTest {

    /**
     * Wilder's 14-period example as reproduced in StockCharts' ChartSchool RSI article: the first 14 changes hold
     * gains summing to 3.34 and losses summing to 1.40.
     */
    private static final double[] WORKED = {44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08,
        45.89, 46.03, 45.61, 46.28, 46.28, 46.00, 46.03, 46.41, 46.22, 45.64};

    @Test
    void reproducesTheWorkedExampleByHand() {
        Rsi rsi = new Rsi(14);
        double[] out = new double[WORKED.length];
        for (int i = 0; i < WORKED.length; i++) {
            out[i] = rsi.update(WORKED[i]);
        }
        assertThat(out[13]).isNaN();
        assertThat(rsi.warmUpPeriod()).isEqualTo(15);

        // By hand: avgGain = 3.34/14, avgLoss = 1.40/14, RSI = 100 * 3.34 / (3.34 + 1.40) = 70.4641...
        double g = 3.34 / 14;
        double l = 1.40 / 14;
        assertThat(out[14]).isCloseTo(100 * g / (g + l), within(1e-9)).isCloseTo(70.4641, within(1e-4));
        // Next change is 46.00 - 46.28 = -0.28: Wilder smoothing (x13 + current) / 14.
        g = g * 13 / 14;
        l = (l * 13 + 0.28) / 14;
        assertThat(out[15]).isCloseTo(100 * g / (g + l), within(1e-9));
        // StockCharts publishes 70.53, 66.32, 66.55 ... 57.97 from averages rounded to two decimals.
        assertThat(out[14]).isCloseTo(70.53, within(0.1));
        assertThat(out[15]).isCloseTo(66.32, within(0.1));
        assertThat(out[16]).isCloseTo(66.55, within(0.15));
        assertThat(out[19]).isCloseTo(57.97, within(0.15));
    }

    @Test
    void onlyGainsGive100AndNoMovementGivesNeutral50() {
        Rsi up = new Rsi(3);
        for (double x : new double[] {1, 2, 3, 4, 5}) {
            up.update(x);
        }
        assertThat(up.value()).isEqualTo(100.0);
        Rsi flat = new Rsi(3);
        for (int i = 0; i < 5; i++) {
            flat.update(7.0);
        }
        assertThat(flat.value()).isEqualTo(50.0);
    }

    @Test
    void agreesWithTa4jOnRealClosesOnceTheSeedHasDecayed() {
        double[] closes = RealCloses.load();
        BarSeries series = Ta4jSeries.ofCloses(closes);
        RSIIndicator reference = new RSIIndicator(new ClosePriceIndicator(series), 14);
        Rsi rsi = new Rsi(14);
        // ta4j seeds Wilder's averages with the first change instead of the mean of the first 14; the difference
        // decays as (13/14)^k and is below 1e-9 after 400 bars.
        for (int i = 0; i < closes.length; i++) {
            double v = rsi.update(closes[i]);
            if (i >= 400) {
                assertThat(v).as("RSI(14) at bar %d", i)
                        .isCloseTo(reference.getValue(i).doubleValue(), within(1e-7));
            }
        }
    }
}
