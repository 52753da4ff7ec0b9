package io.quantplug.runtime.report;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandlesTest {

    private static final InstrumentId ID = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final long T0 = 1_677_628_800_000L; // 2023-03-01T00:00:00Z

    /** Minute bars at the given minutes after T0, bar k priced around 100 + k. */
    private static List<Bar> bars(int... minutes) {
        List<Bar> out = new ArrayList<>();
        for (int m : minutes) {
            out.add(new Bar(ID, Timeframe.M1, T0 + m * 60_000L, 100 + m, 100.5 + m, 99 + m, 100.25 + m, 1));
        }
        return out;
    }

    @Test
    void mergesWholeBarsKeepingEveryExtremeAndLeavesAGapAGap() {
        // minutes 0-4 and 7-8 (5 and 6 missing); at most 3 candles over a 9-minute span: 3 bars per candle
        Candles c = Candles.of(bars(0, 1, 2, 3, 4, 7, 8), 3);
        assertThat(c.barSeconds()).isEqualTo(60);
        assertThat(c.barsPerCandle()).isEqualTo(3);
        // buckets [0,3) [3,6) [6,9) minutes: bars 0-2, then 3-4, then 7-8
        assertThat(c.time()).containsExactly(T0 / 1000, T0 / 1000 + 180, T0 / 1000 + 360);
        assertThat(c.open()).containsExactly(100, 103, 107);
        assertThat(c.high()).containsExactly(102.5, 104.5, 108.5);
        assertThat(c.low()).containsExactly(99, 102, 106);
        assertThat(c.close()).containsExactly(102.25, 104.25, 108.25);

        Candles gap = Candles.of(bars(0, 1, 2, 3, 4, 7, 8), 100);
        assertThat(gap.barsPerCandle()).isEqualTo(1);
        assertThat(gap.size()).isEqualTo(7); // one candle per bar, none made up for 5 and 6
    }

    @Test
    void aRangeIsCutByOpenTimeAndDrawnAtFullResolutionWhenSmall() {
        List<Bar> all = new ArrayList<>();
        for (int m = 0; m < 1_000; m++) {
            all.addAll(bars(m));
        }
        assertThat(Candles.of(all, 100).barsPerCandle()).isEqualTo(10);
        Candles zoomed = Candles.of(all, T0 + 500 * 60_000L, T0 + 549 * 60_000L, 100);
        assertThat(zoomed.barsPerCandle()).isEqualTo(1);
        assertThat(zoomed.size()).isEqualTo(50);
        assertThat(zoomed.open()[0]).isEqualTo(600);
        assertThat(zoomed.close()[49]).isEqualTo(649.25);
        assertThat(Candles.of(all, T0 - 10, T0 - 1, 100).size()).isZero();
        assertThat(Candles.of(List.of(), 10).size()).isZero();
        assertThatThrownBy(() -> Candles.of(all, 0)).hasMessage("maxCandles must be >= 1, got 0");
    }
}
