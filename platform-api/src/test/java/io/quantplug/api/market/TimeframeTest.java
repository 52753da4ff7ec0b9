package io.quantplug.api.market;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeframeTest {

    @Test
    void parsesAndLabelsBinanceIntervals() {
        assertThat(Timeframe.parse("1m")).isEqualTo(Timeframe.M1);
        assertThat(Timeframe.parse("4h").millis()).isEqualTo(14_400_000L);
        assertThat(Timeframe.parse("1w").label()).isEqualTo("1w");
        assertThat(new Timeframe(90_000).label()).isEqualTo("90s");
        assertThat(new Timeframe(120_000).label()).isEqualTo("2m");
        assertThat(Timeframe.D1).hasToString("1d");
    }

    @Test
    void annualisesOver365Days() {
        assertThat(Timeframe.M1.barsPerYear()).isEqualTo(525_600.0);
        assertThat(Timeframe.H1.barsPerYear()).isEqualTo(8_760.0);
        assertThat(Timeframe.D1.barsPerYear()).isEqualTo(365.0);
    }

    @Test
    void refusesOtherForms() {
        assertThatThrownBy(() -> Timeframe.parse("1M")).hasMessageContaining("must be a number followed by");
        assertThatThrownBy(() -> new Timeframe(0)).hasMessageContaining("> 0");
    }

    @Test
    void barChecksNameTheProblem() {
        assertThat(Bar.check(10, 11, 9, 10.5, 1)).isNull();
        assertThat(Bar.check(10, 9.5, 9, 10, 1)).contains("low <= open, close <= high");
        assertThat(Bar.check(10, 11, 9, 10, -1)).contains("volume must be finite and >= 0");
        assertThat(Bar.check(Double.NaN, 11, 9, 10, 1)).contains("prices must be finite");
    }
}
