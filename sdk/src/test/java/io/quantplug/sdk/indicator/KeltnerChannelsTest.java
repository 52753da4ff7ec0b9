package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.keltner.KeltnerChannelLowerIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelMiddleIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelUpperIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KeltnerChannelsTest {

    @Test
    void centresOnTheEmaOfTheTypicalPriceWithAtrWidth() {
        KeltnerChannels kc = new KeltnerChannels(2, 2, 1.5);
        assertThat(kc.update(10, 12, 9, 11, 1)).isNaN();                // TP 32/3, TR 3
        // TP 38/3, TR 3: EMA(2) seeded (32/3 + 38/3) / 2 = 35/3; ATR(2) = 3; width 4.5.
        assertThat(kc.update(11, 14, 11, 13, 1)).isCloseTo(35.0 / 3, within(1e-14));
        assertThat(kc.upper()).isCloseTo(35.0 / 3 + 4.5, within(1e-14));
        assertThat(kc.lower()).isCloseTo(35.0 / 3 - 4.5, within(1e-14));
        // TP 38/3, TR 1.5: EMA 35/3 + 2/3 (38/3 - 35/3) = 37/3; ATR (3 + 1.5) / 2 = 2.25; width 3.375.
        assertThat(kc.update(13, 13.5, 12, 12.5, 1)).isCloseTo(37.0 / 3, within(1e-14));
        assertThat(kc.upper()).isCloseTo(37.0 / 3 + 3.375, within(1e-14));
        assertThat(kc.warmUpPeriod()).isEqualTo(2);
        assertThat(new KeltnerChannels(20, 10, 2).warmUpPeriod()).isEqualTo(20);
    }

    @Test
    void refusesBadParameters() {
        assertThatThrownBy(() -> new KeltnerChannels(0, 10, 2))
                .hasMessage("Keltner channels emaPeriod must be >= 1, got 0");
        assertThatThrownBy(() -> new KeltnerChannels(20, 0, 2))
                .hasMessage("Keltner channels atrPeriod must be >= 1, got 0");
        assertThatThrownBy(() -> new KeltnerChannels(20, 10, -1))
                .hasMessage("Keltner channels multiplier must be finite and > 0, got -1.0");
    }

    /** Both averages' seeds (ours a simple mean, ta4j's the first input) weigh below e^-30 after 30 * 20 bars. */
    @ParameterizedTest
    @ValueSource(strings = {RealBars.BTC_1M, RealBars.ETH_1H})
    void matchesTa4jOnRealBars(String file) {
        RealBars bars = RealBars.load(file);
        BarSeries series = Ta4jSeries.ofBars(bars);
        KeltnerChannels kc = new KeltnerChannels(20, 10, 2);
        int size = bars.size();
        double[] middle = new double[size];
        double[] upper = new double[size];
        double[] lower = new double[size];
        for (int i = 0; i < size; i++) {
            middle[i] = bars.feed(kc, i);
            upper[i] = kc.upper();
            lower[i] = kc.lower();
        }
        KeltnerChannelMiddleIndicator mid = new KeltnerChannelMiddleIndicator(series, 20);
        int from = 30 * 20;
        Ta4jMatch.assertMatches("Keltner middle", middle, mid, from, null);
        Ta4jMatch.assertMatches("Keltner upper", upper, new KeltnerChannelUpperIndicator(mid, 2, 10), from, null);
        Ta4jMatch.assertMatches("Keltner lower", lower, new KeltnerChannelLowerIndicator(mid, 2, 10), from, null);
    }
}
