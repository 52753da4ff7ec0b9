package io.quantplug.api.market;

import io.quantplug.api.instrument.InstrumentId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarTest {

    private static final InstrumentId ID = InstrumentId.of("BTCUSDT", "BINANCE");

    @Test
    void timeBarClosesAtOpenPlusTimeframe() {
        Bar bar = new Bar(ID, Timeframe.M15, 1_677_628_800_000L, 10, 12, 9, 11, 2);
        assertThat(bar.closeTimeMillis()).isEqualTo(1_677_628_800_000L + 900_000L);
        assertThat(bar).isEqualTo(new Bar(ID, Timeframe.M15, 1_677_628_800_000L, 10, 12, 9, 11, 2,
                1_677_628_800_000L + 900_000L));
    }

    @Test
    void activityBarKeepsItsOwnCloseTimeWhateverItsNominalTimeframe() {
        Bar bar = new Bar(ID, Timeframe.M1, 1_000, 10, 12, 9, 11, 50, 1_000);
        assertThat(bar.closeTimeMillis()).isEqualTo(1_000);
        assertThat(new Bar(ID, Timeframe.M1, 1_000, 10, 12, 9, 11, 50, 4_321).closeTimeMillis()).isEqualTo(4_321);
    }

    @Test
    void refusesACloseTimeBeforeTheOpenTime() {
        assertThatThrownBy(() -> new Bar(ID, Timeframe.M1, 1_000, 10, 12, 9, 11, 50, 999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("close time").hasMessageContaining("before the open time");
    }
}
