package io.quantplug.api.instrument;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstrumentTest {

    private static Instrument withSteps(String tick, String lot) {
        return Instrument.spot(InstrumentId.of("BTCUSDT", "BINANCE"), "BTC", "USDT", new BigDecimal(tick),
                new BigDecimal(lot), BigDecimal.TEN);
    }

    @Test
    void roundsPricesToPowerOfTenTicksInEachDirection() {
        Instrument i = withSteps("0.01", "0.00001");
        assertThat(i.roundPrice(new BigDecimal("23140.489"), RoundingMode.DOWN)).isEqualTo(new BigDecimal("23140.48"));
        assertThat(i.roundPrice(new BigDecimal("23140.481"), RoundingMode.UP)).isEqualTo(new BigDecimal("23140.49"));
        assertThat(i.roundPrice(new BigDecimal("23140.485"), RoundingMode.HALF_UP)).isEqualTo(new BigDecimal("23140.49"));
        assertThat(i.toTickPrice(23140.48)).isEqualTo(new BigDecimal("23140.48"));
        assertThat(i.toTickPrice(23140.0)).isEqualTo(new BigDecimal("23140.00"));
    }

    @Test
    void roundsToTicksThatAreNotPowersOfTen() {
        Instrument i = withSteps("0.05", "0.5");
        assertThat(i.roundPrice(new BigDecimal("100.07"), RoundingMode.DOWN)).isEqualTo(new BigDecimal("100.05"));
        assertThat(i.roundPrice(new BigDecimal("100.07"), RoundingMode.UP)).isEqualTo(new BigDecimal("100.10"));
        assertThat(i.roundQuantityDown(new BigDecimal("2.99"))).isEqualTo(new BigDecimal("2.5"));
    }

    @Test
    void roundsToStepsAboveOneTheSameWayWhateverTheirScale() {
        Instrument tens = withSteps("10", "1");
        // 1E+1 after stripTrailingZeros: the fast path must give the same plain result as the division path.
        assertThat(tens.roundPrice(new BigDecimal("123.4"), RoundingMode.DOWN)).isEqualTo(new BigDecimal("120"));
        assertThat(withSteps("20", "1").roundPrice(new BigDecimal("123.4"), RoundingMode.DOWN))
                .isEqualTo(new BigDecimal("120"));
        assertThat(tens.roundQuantityDown(new BigDecimal("7.9"))).isEqualTo(new BigDecimal("7"));
    }

    @Test
    void quantitiesNeverRoundUp() {
        Instrument i = withSteps("0.01", "0.00001");
        assertThat(i.roundQuantityDown(new BigDecimal("0.123459999"))).isEqualTo(new BigDecimal("0.12345"));
        assertThat(i.roundQuantityDown(new BigDecimal("0.000009"))).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void refusesNonPositiveSteps() {
        assertThatThrownBy(() -> withSteps("0", "1")).hasMessageContaining("tick size must be > 0");
        assertThatThrownBy(() -> withSteps("0.01", "-1")).hasMessageContaining("lot size must be > 0");
    }
}
