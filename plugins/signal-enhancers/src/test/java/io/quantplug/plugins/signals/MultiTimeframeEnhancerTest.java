package io.quantplug.plugins.signals;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.quantplug.plugins.signals.TestBars.BTC;
import static io.quantplug.plugins.signals.TestBars.NO_CONTEXT;
import static io.quantplug.plugins.signals.TestBars.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Trend, alignment, levels and filtering of {@code multi-timeframe}, by hand. */
class MultiTimeframeEnhancerTest {

    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    private static MultiTimeframeEnhancer enhancer(Map<String, String> raw) {
        return (MultiTimeframeEnhancer) new MultiTimeframeProvider().create(TestBars.multiTimeframe(raw));
    }

    /** Minute i (from 00:00) at a price: 45 rising minutes 100 + i, then 15 falling ones 144 - 6 (i - 44). */
    private static double price(int i) {
        return i <= 44 ? 100 + i : 144 - 6 * (i - 44);
    }

    private static double alignment(MultiTimeframeEnhancer e, SignalDirection d) {
        return e.enhance(signal(BTC, d, 0), NO_CONTEXT).orElseThrow().scores().get(MultiTimeframeEnhancer.ALIGNMENT);
    }

    /**
     * 5m and 15m from 1m bars, EMA(2) (alpha 2/3), linear weights 5m = 1, 15m = 2.
     * <ul>
     *   <li>5m closes 104, 109, ..., 144 (minutes 4, 9, ..., 44): EMA seed (104 + 109)/2 = 106.5, then 111.5,
     *       116.5, ... 141.5: close above and rising: UP.</li>
     *   <li>15m closes 114, 129 (minutes 14, 29): two bars, no slope yet: UNKNOWN until minute 44 completes the
     *       third (144): EMA seed 121.5, then 121.5 + 2/3 (144 - 121.5) = 136.5: UP.</li>
     *   <li>minutes 45..49 fall to 114: 5m EMA 141.5 + 2/3 (114 - 141.5) = 123.17, close below and falling: DOWN.
     *       The 15m bucket 00:45 is still building: its trend stays UP until minute 59 completes it (close 54:
     *       EMA 136.5 + 2/3 (54 - 136.5) = 81.5, close below and falling: DOWN).</li>
     * </ul>
     */
    @Test
    void aHigherTimeframeCountsOnlyOnceItsBarIsComplete() {
        MultiTimeframeEnhancer e = enhancer(Map.of("timeframes", "5m 15m", "emaPeriod", "2", "minAlignment", "0"));
        int i = 0;
        for (; i <= 43; i++) {
            e.onBar(TestBars.minute(BTC, T0 + i * 60_000L, price(i)));
        }
        // 15m UNKNOWN: only 5m (weight 1 of 3) agrees with a long
        assertThat(alignment(e, SignalDirection.LONG)).isCloseTo(1.0 / 3, within(1e-12));
        e.onBar(TestBars.minute(BTC, T0 + 44 * 60_000L, price(44)));
        assertThat(alignment(e, SignalDirection.LONG)).isEqualTo(1.0);
        assertThat(alignment(e, SignalDirection.SHORT)).isEqualTo(0.0);
        for (i = 45; i <= 49; i++) {
            e.onBar(TestBars.minute(BTC, T0 + i * 60_000L, price(i)));
        }
        // 5m DOWN (1 of 3 agrees with a short), 15m still UP (2 of 3 agree with a long)
        assertThat(alignment(e, SignalDirection.LONG)).isCloseTo(2.0 / 3, within(1e-12));
        for (i = 50; i <= 58; i++) {
            e.onBar(TestBars.minute(BTC, T0 + i * 60_000L, price(i)));
        }
        // minute 58: the 15m bucket 00:45 already trades at 60 but is not complete: still UP
        assertThat(alignment(e, SignalDirection.LONG)).isCloseTo(2.0 / 3, within(1e-12));
        e.onBar(TestBars.minute(BTC, T0 + 59 * 60_000L, price(59)));
        assertThat(alignment(e, SignalDirection.LONG)).isEqualTo(0.0);
        assertThat(alignment(e, SignalDirection.SHORT)).isEqualTo(1.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> tf15 = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) e.diagnostics().get("instruments")).get("BTCUSDT.BINANCE")).get("timeframes"))
                .get("15m");
        assertThat(tf15.get("trend")).isEqualTo("DOWN");
        assertThat((Double) tf15.get("ema")).isCloseTo(81.5, within(1e-9));
        assertThat(tf15.get("completedBars")).isEqualTo(4L);
    }

    /**
     * 1h bars into the timeframe 1h (each bar complete as it comes), EMA(2), pivots with 1 bar each side.
     * <pre>
     *  bar  open   high   low    close
     *   1   100    101    99     100
     *   2   100    104    99.5   103      pivot high 104 (&gt; 101, 103.5)
     *   3   103    103.5  101    102
     *   4   102    102.5  98     99       pivot low 98 (&lt; 101, 99)
     *   5   99     101    99     100.5
     *   6   100.5  106    100    105      pivot high 106 (&gt; 101, 105.5)
     *   7   105    105.5  102    103      last bar: no right neighbour yet
     * </pre>
     * EMA(2): 101.5, 101.8333, 99.9444, 100.3148, 103.4383, 103.1461: close 103 below and falling: DOWN.
     * Close 103: resistance = lowest pivot high above = 104; support = highest pivot low below = 98; distances
     * 100 (104 - 103)/103 = 0.970874 % and 100 (103 - 98)/103 = 4.854369 %.
     */
    @Test
    void passesAnAlignedEntryWithItsNearestSupportAndResistance() {
        double[][] rows = {{100, 101, 99, 100, 1}, {100, 104, 99.5, 103, 1}, {103, 103.5, 101, 102, 1},
                {102, 102.5, 98, 99, 1}, {99, 101, 99, 100.5, 1}, {100.5, 106, 100, 105, 1},
                {105, 105.5, 102, 103, 1}};
        MultiTimeframeEnhancer e = enhancer(Map.of("timeframes", "1h", "emaPeriod", "2", "pivotBars", "1",
                "levelBars", "10", "minAlignment", "0.5"));
        TestBars.bars(BTC, Timeframe.H1, "2024-01-01T00:00:00Z", rows).forEach(e::onBar);

        assertThat(e.enhance(signal(BTC, SignalDirection.LONG, 0), NO_CONTEXT)).isEmpty();
        Signal s = e.enhance(signal(BTC, SignalDirection.SHORT, 0), NO_CONTEXT).orElseThrow();
        assertThat(s.scores()).containsEntry(MultiTimeframeEnhancer.ALIGNMENT, 1.0)
                .containsEntry(MultiTimeframeEnhancer.SUPPORT, 98.0)
                .containsEntry(MultiTimeframeEnhancer.RESISTANCE, 104.0);
        assertThat(s.scores().get(MultiTimeframeEnhancer.RESISTANCE_DISTANCE)).isCloseTo(0.970874, within(1e-6));
        assertThat(s.scores().get(MultiTimeframeEnhancer.SUPPORT_DISTANCE)).isCloseTo(4.854369, within(1e-6));
        assertThat(s.reason()).isEqualTo("test signal | multi-timeframe alignment 1.00 (1h DOWN)");
        assertThat(e.diagnostics().get("signals")).isEqualTo(Map.of("entries", 2L, "exits", 0L, "passed", 1L,
                "dropped", 1L));
    }

    @Test
    void equalWeightingCountsEveryTimeframeTheSame() {
        // same path as above up to minute 49: 5m DOWN, 15m UP -> equal weights: 1/2 each way
        MultiTimeframeEnhancer e = enhancer(Map.of("timeframes", "5m 15m", "emaPeriod", "2", "minAlignment", "0",
                "weighting", "equal"));
        for (int i = 0; i <= 49; i++) {
            e.onBar(TestBars.minute(BTC, T0 + i * 60_000L, price(i)));
        }
        assertThat(alignment(e, SignalDirection.LONG)).isEqualTo(0.5);
        assertThat(alignment(e, SignalDirection.SHORT)).isEqualTo(0.5);
    }

    @Test
    void dropsEntriesBelowMinAlignmentAndWithoutDataButLetsExitsThrough() {
        MultiTimeframeEnhancer e = enhancer(Map.of("timeframes", "5m 15m", "emaPeriod", "2", "minAlignment",
                "0.7"));
        Signal exit = signal(BTC, SignalDirection.FLAT, 0);
        assertThat(e.enhance(exit, NO_CONTEXT)).containsSame(exit);
        assertThat(e.enhance(signal(BTC, SignalDirection.LONG, 0), NO_CONTEXT)).isEmpty();   // no bars yet
        for (int i = 0; i <= 49; i++) {
            e.onBar(TestBars.minute(BTC, T0 + i * 60_000L, price(i)));
        }
        assertThat(e.enhance(signal(BTC, SignalDirection.LONG, 0), NO_CONTEXT)).isEmpty();   // 2/3 < 0.7
        assertThat(e.enhance(exit, NO_CONTEXT)).containsSame(exit);

        // without any usable timeframe (1d input bars, timeframes below 1d) the alignment is undefined
        MultiTimeframeEnhancer daily = enhancer(Map.of("timeframes", "1h 4h", "minAlignment", "0.5"));
        List<Bar> days = TestBars.bars(BTC, Timeframe.D1, "2024-01-01T00:00:00Z",
                new double[][] {{1, 2, 1, 2, 1}, {2, 3, 2, 3, 1}});
        days.forEach(daily::onBar);
        assertThat(daily.enhance(signal(BTC, SignalDirection.LONG, 0), NO_CONTEXT)).isEmpty();
        MultiTimeframeEnhancer annotating = enhancer(Map.of("timeframes", "1h 4h", "minAlignment", "0"));
        days.forEach(annotating::onBar);
        Signal entry = signal(BTC, SignalDirection.LONG, 0);
        assertThat(annotating.enhance(entry, NO_CONTEXT)).containsSame(entry);
    }
}
