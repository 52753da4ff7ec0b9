package io.quantplug.sdk.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StochasticOscillatorTest {

    @Test
    void computesKAndDByHand() {
        StochasticOscillator so = new StochasticOscillator(3, 2);
        assertThat(so.update(9, 10, 8, 9, 1)).isNaN();
        assertThat(so.update(10, 11, 9, 10, 1)).isNaN();
        // %K at bar 2 is 87.5 (HH 12, LL 8), but %D needs two values of %K: nothing is defined yet.
        assertThat(so.update(11, 12, 10, 11.5, 1)).isNaN();
        assertThat(so.d()).isNaN();
        // Bar 3: HH 12, LL 9 over bars 1..3, %K = 100 (9.5 - 9) / 3; %D = (87.5 + 16.67) / 2.
        assertThat(so.update(10, 11, 9, 9.5, 1)).isCloseTo(100.0 / 6, within(1e-12));
        assertThat(so.d()).isCloseTo((87.5 + 100.0 / 6) / 2, within(1e-12));
        assertThat(so.warmUpPeriod()).isEqualTo(4);
    }

    @Test
    void flatWindowIsNeutral() {
        StochasticOscillator so = new StochasticOscillator(2, 1);
        so.update(5, 5, 5, 5, 0);
        assertThat(so.update(5, 5, 5, 5, 0)).isEqualTo(50.0);
    }

    @Test
    void refusesBadParameters() {
        assertThatThrownBy(() -> new StochasticOscillator(0, 3))
                .hasMessage("stochastic oscillator period must be >= 1, got 0");
        assertThatThrownBy(() -> new StochasticOscillator(14, 0))
                .hasMessage("stochastic oscillator smoothing must be >= 1, got 0");
    }

    /**
     * %K within 1e-9 relative; %D, a mean of %K values, within 1e-9 relative to the 0..100 range of those values
     * (ta4j's rolling decimal sum leaves 3e-28 where three %K of 0 give our exact 0).
     */
    @ParameterizedTest
    @ValueSource(strings = {RealBars.BTC_1M, RealBars.ETH_1H})
    void matchesTa4jOnRealBars(String file) {
        RealBars bars = RealBars.load(file);
        BarSeries series = Ta4jSeries.ofBars(bars);
        StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(series, 14);
        StochasticOscillator so = new StochasticOscillator(14, 3);
        double[] ks = new double[bars.size()];
        double[] ds = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            ks[i] = bars.feed(so, i);
            ds[i] = so.d();
        }
        Ta4jMatch.assertMatches("%K(14)", ks, k, 15, null);
        double[] range = new double[bars.size()];
        java.util.Arrays.fill(range, 100.0);
        Ta4jMatch.assertMatches("%D(14, 3)", ds, new StochasticOscillatorDIndicator(k), 15, range);
    }
}
