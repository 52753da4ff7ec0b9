package io.quantplug.plugins.signals;

import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.runtime.instrument.InstrumentCatalog;
import io.quantplug.samples.sma.SmaCrossoverProvider;
import io.quantplug.testkit.BacktestRun;
import io.quantplug.testkit.PluginBacktest;
import io.quantplug.testkit.RecordedSignal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample strategy {@code sma-crossover} (SMA 10/30) on 50,000 real BTCUSDT 1m bars (2022-06-15 .. 2022-07-19),
 * through the runtime's engine: once alone with the test kit's {@link PluginBacktest}, once behind
 * {@code multi-timeframe} and {@code multi-factor-score} with their defaults ({@link EnhancedBacktest}, because the
 * test kit cannot attach enhancers).
 */
class EnhancedBacktestTest {

    private static final String MTF = "FILTERED by multi-timeframe";
    private static final String MFS = "FILTERED by multi-factor-score";
    private static Instrument btc;
    private static List<Bar> bars;

    @BeforeAll
    static void load() {
        btc = InstrumentCatalog.binanceSpot().find("BTCUSDT").orElseThrow();
        bars = RealData.klines(RealData.BTC_1M_2022, btc.id(), Timeframe.M1);
    }

    private static EnhancedBacktest.Run enhanced(List<Bar> input) {
        return EnhancedBacktest.run(new SmaCrossoverProvider(), Map.of(), List.of(
                new EnhancedBacktest.Enhancer(new MultiTimeframeProvider(), Map.of()),
                new EnhancedBacktest.Enhancer(new MultiFactorScoreProvider(), Map.of())), btc, input, Timeframe.M1);
    }

    private static long count(List<RecordedSignal> signals, SignalDirection d, String outcomePrefix) {
        return signals.stream().filter(s -> s.signal().direction() == d && s.outcome().startsWith(outcomePrefix))
                .count();
    }

    @Test
    void theFiltersDropSomeEntriesButNoExit() {
        BacktestRun alone = PluginBacktest.of(SmaCrossoverProvider.class).bars(bars, Timeframe.M1).run();
        EnhancedBacktest.Run filtered = enhanced(bars);

        assertThat(filtered.result().faults()).isEmpty();
        // the strategy emits the same signals either way; only what becomes of them differs
        assertThat(filtered.signals()).extracting(RecordedSignal::timeMillis, s -> s.signal().direction())
                .isEqualTo(alone.signals().stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.timeMillis(),
                        s.signal().direction())).toList());
        long entriesAlone = count(alone.signals(), SignalDirection.LONG, "ORDERED");
        long entriesFiltered = count(filtered.signals(), SignalDirection.LONG, "ORDERED");
        long droppedByMtf = count(filtered.signals(), SignalDirection.LONG, MTF);
        long droppedByScore = count(filtered.signals(), SignalDirection.LONG, MFS);
        assertThat(entriesAlone).isGreaterThan(500);
        assertThat(droppedByMtf).isPositive();
        assertThat(droppedByScore).isPositive();
        assertThat(entriesFiltered).isPositive().isLessThan(entriesAlone);
        assertThat(entriesFiltered + droppedByMtf + droppedByScore)
                .isEqualTo(count(alone.signals(), SignalDirection.LONG, ""));   // every long accounted for
        assertThat(count(filtered.signals(), SignalDirection.FLAT, "FILTERED")).isZero();
        assertThat(filtered.result().trades()).hasSize((int) entriesFiltered);
        assertThat(alone.trades()).hasSize((int) entriesAlone);
    }

    @Test
    void theEnginesDecisionsAreTheEnhancersOwn() {
        // replays the bars and the recorded signals through fresh enhancers, outside the engine: each signal's
        // outcome in the backtest is what the two enhancers answer, in the configured order
        EnhancedBacktest.Run run = enhanced(bars);
        SignalEnhancer mtf = (SignalEnhancer) new MultiTimeframeProvider().create(TestBars.multiTimeframe(Map.of()));
        SignalEnhancer mfs = (SignalEnhancer) new MultiFactorScoreProvider().create(TestBars.multiFactor(Map.of()));
        List<RecordedSignal> signals = run.signals();
        int next = 0;
        for (Bar bar : bars) {
            mtf.onBar(bar);
            mfs.onBar(bar);
            while (next < signals.size() && signals.get(next).timeMillis() == bar.closeTimeMillis()) {
                RecordedSignal recorded = signals.get(next++);
                Optional<Signal> afterMtf = mtf.enhance(recorded.signal(), TestBars.NO_CONTEXT);
                Optional<Signal> afterBoth = afterMtf.flatMap(s -> mfs.enhance(s, TestBars.NO_CONTEXT));
                String expected = afterMtf.isEmpty() ? MTF : afterBoth.isEmpty() ? MFS : null;
                if (expected != null) {
                    assertThat(recorded.outcome()).as("signal at %d", recorded.timeMillis()).isEqualTo(expected);
                } else {
                    assertThat(recorded.outcome()).as("signal at %d", recorded.timeMillis()).doesNotStartWith(
                            "FILTERED");
                    if (recorded.signal().direction() != SignalDirection.FLAT) {
                        assertThat(afterBoth.orElseThrow().scores()).containsKeys("mtf.alignment", "score.composite",
                                "score.technical", "score.volume", "score.volatility", "score.momentum",
                                "score.riskReward", "score.timing");
                    }
                }
            }
        }
        assertThat(next).as("every signal falls on a bar's close").isEqualTo(signals.size());
    }

    @Test
    void changingTheBarsAfterATimeChangesNoDecisionUpToIt() {
        int cut = 30_000 + 11;
        List<Bar> changed = new ArrayList<>(bars.subList(0, cut + 1));
        for (int i = cut + 1; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double f = 1 + 0.02 * Math.cos(i / 7.0);
            changed.add(new Bar(b.instrument(), b.timeframe(), b.openTimeMillis(), b.open() * f, b.high() * f,
                    b.low() * f, b.close() * f, b.volume() * 0.5));
        }
        long t = bars.get(cut).closeTimeMillis();
        List<RecordedSignal> original = enhanced(bars).signals();
        List<RecordedSignal> perturbed = enhanced(changed).signals();
        List<RecordedSignal> upToT = original.stream().filter(s -> s.timeMillis() <= t).toList();
        assertThat(upToT).hasSizeGreaterThan(100);
        assertThat(perturbed.stream().filter(s -> s.timeMillis() <= t).toList()).isEqualTo(upToT);
        assertThat(perturbed).isNotEqualTo(original);
    }
}
