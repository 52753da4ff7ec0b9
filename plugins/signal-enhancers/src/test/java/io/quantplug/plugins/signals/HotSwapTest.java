package io.quantplug.plugins.signals;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static io.quantplug.plugins.signals.TestBars.BTC;
import static io.quantplug.plugins.signals.TestBars.NO_CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hot swap: an instance restored from another's snapshot in the middle of real 1m data (BTCUSDT, Aug/Sep 2023)
 * decides like the one that ran throughout.
 */
class HotSwapTest {

    private static List<Bar> bars;

    @BeforeAll
    static void load() {
        bars = RealData.klines(RealData.BTC_1M_2023, BTC, Timeframe.M1).subList(0, 40_000);
    }

    /**
     * Runs one instance over all bars and another that takes over from a snapshot at {@code swapAt}; compares their
     * answers to a signal every 61 bars after the swap.
     *
     * @return the instance that ran throughout and the restored one, after the last bar
     */
    private static SignalEnhancer[] assertSameDecisions(Supplier<SignalEnhancer> factory, int swapAt,
                                                        double scoreTolerance) {
        SignalEnhancer throughout = factory.get();
        SignalEnhancer before = factory.get();
        assertThat(before.snapshot()).as("nothing to hand over before the first bar").isNull();
        for (int i = 0; i < swapAt; i++) {
            throughout.onBar(bars.get(i));
            before.onBar(bars.get(i));
        }
        StateSnapshot snapshot = before.snapshot();
        SignalEnhancer after = factory.get();
        assertThat(after.restore(snapshot)).isTrue();
        assertThat(after.diagnostics().get("signals")).isEqualTo(before.diagnostics().get("signals"));
        int compared = 0;
        int passed = 0;
        for (int i = swapAt; i < bars.size(); i++) {
            throughout.onBar(bars.get(i));
            after.onBar(bars.get(i));
            if ((i - swapAt) % 61 == 0) {
                Signal s = TestBars.signal(BTC, i % 2 == 0 ? SignalDirection.LONG : SignalDirection.SHORT, 0);
                Optional<Signal> a = throughout.enhance(s, NO_CONTEXT);
                Optional<Signal> b = after.enhance(s, NO_CONTEXT);
                assertThat(b.isPresent()).as("decision at bar %d", i).isEqualTo(a.isPresent());
                if (a.isPresent()) {
                    assertThat(b.get().scores().keySet()).isEqualTo(a.get().scores().keySet());
                    a.get().scores().forEach((k, v) -> assertThat(b.get().scores().get(k)).as(k)
                            .isCloseTo(v, within(scoreTolerance)));
                    passed++;
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(passed).isPositive();
        return new SignalEnhancer[] {throughout, after};
    }

    @Test
    void multiFactorScoreContinuesFromASnapshot() {
        // replayed EMA/RSI/ATR seeds weigh below 2e-9 (FactorSettings.keptBars): scores agree to 1e-6 points
        assertSameDecisions(() -> (SignalEnhancer) new MultiFactorScoreProvider().create(
                TestBars.multiFactor(Map.of())), 12_345, 1e-6);
    }

    @Test
    void multiTimeframeContinuesFromASnapshotTakenInsideHigherBars() {
        // the snapshot is taken after the bar closing 2023-09-09 00:37 UTC: inside a 5m, 15m, 1h, 4h and 1d bucket;
        // alignment and levels agree exactly
        SignalEnhancer[] pair = assertSameDecisions(() -> (SignalEnhancer) new MultiTimeframeProvider().create(
                TestBars.multiTimeframe(Map.of())), 20_017, 0);
        // the buckets being built were handed over: the same higher bars completed, with the same closes
        Map<String, Object> a = timeframes(pair[0]);
        Map<String, Object> b = timeframes(pair[1]);
        assertThat(b.keySet()).containsExactly("5m", "15m", "1h", "4h", "1d");
        for (String tf : a.keySet()) {
            Map<?, ?> x = (Map<?, ?>) a.get(tf);
            Map<?, ?> y = (Map<?, ?>) b.get(tf);
            assertThat(y.get("completedBars")).as(tf).isEqualTo(x.get("completedBars"));
            assertThat(y.get("close")).as(tf).isEqualTo(x.get("close"));
            assertThat(y.get("buildingSince")).as(tf).isEqualTo(x.get("buildingSince"));
            assertThat((Double) y.get("ema")).as(tf).isCloseTo((Double) x.get("ema"),
                    within(1e-6 * (Double) x.get("ema")));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> timeframes(SignalEnhancer e) {
        Map<String, Object> instruments = (Map<String, Object>) e.diagnostics().get("instruments");
        return (Map<String, Object>) ((Map<String, Object>) instruments.get("BTCUSDT.BINANCE")).get("timeframes");
    }

    @Test
    void refusesASnapshotOfAnotherFormat() {
        StateSnapshot foreign = new StateSnapshot("volatility-regime/1", Map.of());
        assertThat(new MultiFactorScoreProvider().create(TestBars.multiFactor(Map.of())).restore(foreign)).isFalse();
        assertThat(new MultiTimeframeProvider().create(TestBars.multiTimeframe(Map.of())).restore(foreign))
                .isFalse();
    }
}
