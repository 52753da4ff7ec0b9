package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MacdTest {

    @Test
    void computesLineSignalAndHistogramByHand() {
        Macd macd = new Macd(2, 3, 2);
        double[] in = {1, 2, 4, 8, 16};
        for (int i = 0; i < 3; i++) {
            assertThat(macd.update(in[i])).isNaN();
            assertThat(macd.signal()).isNaN();
        }
        // EMA(2), alpha 2/3, seeded 1.5: 19/6, 115/18, 691/54. EMA(3), alpha 1/2, seeded 7/3: 31/6, 127/12.
        // Line: 5/6, 11/9, 239/108. Signal EMA(2) seeded with (5/6 + 11/9) / 2 = 37/36, then 589/324.
        macd.update(8);
        assertThat(macd.warmUpPeriod()).isEqualTo(4);
        assertThat(macd.isReady()).isTrue();
        assertThat(macd.value()).isCloseTo(11.0 / 9, within(1e-14));
        assertThat(macd.signal()).isCloseTo(37.0 / 36, within(1e-14));
        assertThat(macd.histogram()).isCloseTo(7.0 / 36, within(1e-14));
        macd.update(16);
        assertThat(macd.value()).isCloseTo(239.0 / 108, within(1e-14));
        assertThat(macd.signal()).isCloseTo(589.0 / 324, within(1e-14));
        assertThat(macd.histogram()).isCloseTo(128.0 / 324, within(1e-14));
    }

    @Test
    void refusesBadPeriods() {
        assertThatThrownBy(() -> new Macd(0, 26, 9)).hasMessage("MACD fastPeriod must be >= 1, got 0");
        assertThatThrownBy(() -> new Macd(12, 12, 9))
                .hasMessage("MACD slowPeriod (> fastPeriod 12) must be >= 13, got 12");
        assertThatThrownBy(() -> new Macd(12, 26, 0)).hasMessage("MACD signalPeriod must be >= 1, got 0");
    }

    /**
     * ta4j seeds each EMA with its first input, we with the mean of the first {@code period} inputs; after
     * 15 (slow + 1) + 15 (signal + 1) bars both seeds weigh less than e^-30 and every output agrees within 1e-9 of
     * the price (MACD is a difference of two price-sized averages and crosses zero).
     */
    @ParameterizedTest
    @ValueSource(strings = {RealBars.BTC_1M, RealBars.ETH_1H})
    void matchesTa4jOnRealCloses(String file) {
        RealBars bars = RealBars.load(file);
        BarSeries series = Ta4jSeries.ofBars(bars);
        MACDIndicator reference = new MACDIndicator(new ClosePriceIndicator(series), 12, 26);
        Macd macd = new Macd(12, 26, 9);
        int size = bars.size();
        double[] line = new double[size];
        double[] signal = new double[size];
        double[] histogram = new double[size];
        for (int i = 0; i < size; i++) {
            line[i] = macd.update(bars.close[i]);
            signal[i] = macd.signal();
            histogram[i] = macd.histogram();
            assertThat(Double.isNaN(line[i])).isEqualTo(i < 33);
        }
        int from = 15 * 27 + 15 * 10;
        Ta4jMatch.assertMatches("MACD line", line, reference, from, bars.close);
        Ta4jMatch.assertMatches("MACD signal", signal, reference.getSignalLine(9), from, bars.close);
        Ta4jMatch.assertMatches("MACD histogram", histogram, reference.getHistogram(9), from, bars.close);
    }
}
