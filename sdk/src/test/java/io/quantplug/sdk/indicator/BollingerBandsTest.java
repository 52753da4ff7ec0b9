package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BollingerBandsTest {

    @Test
    void usesThePopulationDeviation() {
        // The textbook population example: 2, 4, 4, 4, 5, 5, 7, 9 has mean 5 and standard deviation 2.
        BollingerBands bands = new BollingerBands(8, 2);
        double[] in = {2, 4, 4, 4, 5, 5, 7};
        for (double x : in) {
            assertThat(bands.update(x)).isNaN();
        }
        assertThat(bands.upper()).isNaN();
        assertThat(bands.update(9)).isEqualTo(5.0);
        assertThat(bands.standardDeviation()).isEqualTo(2.0);
        assertThat(bands.upper()).isEqualTo(9.0);
        assertThat(bands.lower()).isEqualTo(1.0);
    }

    @Test
    void slidesTheWindowAcrossRecentring() {
        BollingerBands bands = new BollingerBands(2, 1.5);
        bands.update(1);
        bands.update(3);                                       // {1, 3}: mean 2, deviation 1
        assertThat(bands.standardDeviation()).isEqualTo(1.0);
        bands.update(7);                                       // {3, 7}: mean 5, deviation 2
        assertThat(bands.value()).isEqualTo(5.0);
        assertThat(bands.standardDeviation()).isEqualTo(2.0);
        assertThat(bands.upper()).isEqualTo(8.0);
        bands.update(7);                                       // {7, 7}: deviation 0
        assertThat(bands.lower()).isEqualTo(7.0);
        bands.update(10);                                      // {7, 10}: mean 8.5, deviation 1.5
        assertThat(bands.value()).isEqualTo(8.5);
        assertThat(bands.standardDeviation()).isCloseTo(1.5, within(1e-15));
    }

    @Test
    void refusesBadParameters() {
        assertThatThrownBy(() -> new BollingerBands(0, 2))
                .hasMessage("Bollinger bands period must be >= 1, got 0");
        assertThatThrownBy(() -> new BollingerBands(20, 0))
                .hasMessage("Bollinger bands multiplier must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> new BollingerBands(20, Double.NaN)).hasMessageContaining("multiplier");
    }

    @ParameterizedTest
    @ValueSource(strings = {RealBars.BTC_1M, RealBars.ETH_1H})
    void matchesTa4jOnRealCloses(String file) {
        RealBars bars = RealBars.load(file);
        BarSeries series = Ta4jSeries.ofBars(bars);
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        for (int n : new int[] {5, 20}) {
            BollingerBands bands = new BollingerBands(n, 2);
            int size = bars.size();
            double[] middle = new double[size];
            double[] upper = new double[size];
            double[] lower = new double[size];
            double[] deviation = new double[size];
            for (int i = 0; i < size; i++) {
                middle[i] = bands.update(bars.close[i]);
                upper[i] = bands.upper();
                lower[i] = bands.lower();
                deviation[i] = bands.standardDeviation();
            }
            StandardDeviationIndicator sd = new StandardDeviationIndicator(close, n);
            BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(new SMAIndicator(close, n));
            Ta4jMatch.assertMatches("BB(" + n + ") middle", middle, mid, n - 1, null);
            Ta4jMatch.assertMatches("BB(" + n + ") deviation", deviation, sd, n - 1, null);
            Ta4jMatch.assertMatches("BB(" + n + ") upper", upper,
                    new BollingerBandsUpperIndicator(mid, sd, series.numOf(2)), n - 1, null);
            Ta4jMatch.assertMatches("BB(" + n + ") lower", lower,
                    new BollingerBandsLowerIndicator(mid, sd, series.numOf(2)), n - 1, null);
        }
    }
}
