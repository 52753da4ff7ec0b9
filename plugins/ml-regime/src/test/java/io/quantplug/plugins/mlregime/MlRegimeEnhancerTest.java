package io.quantplug.plugins.mlregime;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

import static io.quantplug.plugins.mlregime.Fixtures.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the enhancer does with signals, on series whose every training label is known in advance: a forest that
 * learnt from one class only can answer nothing but that class, with score 1. Tiny windows (n = 2, m = 3, h = 2,
 * first fit with 5 labelled examples at bar t0 = 3 + 2 + 5 - 1 = 9).
 */
class MlRegimeEnhancerTest {

    private static final MlRegimeSettings TINY = new MlRegimeSettings(2, 3, 2, 1.0, 1.5, 5, 10, 50, 5, 3, 0.5, 1);

    /** Bars with the given closes; open = previous close, high/low = max/min of open and close, volume 10. */
    static List<Bar> closes(int count, IntToDoubleFunction close) {
        List<Bar> bars = new ArrayList<>();
        double previous = close.applyAsDouble(0);
        for (int i = 0; i < count; i++) {
            double c = close.applyAsDouble(i);
            bars.add(Fixtures.bar(i, previous, Math.max(previous, c), Math.min(previous, c), c, 10));
            previous = c;
        }
        return bars;
    }

    private static Signal signal(SignalDirection d) {
        return Signal.of(BTC, d, 0, "test");
    }

    private static MlRegimeEnhancer fed(List<Bar> bars, MlRegimeSettings settings) {
        MlRegimeEnhancer e = new MlRegimeEnhancer(settings);
        bars.forEach(e::onBar);
        return e;
    }

    /** Every example of the first fit (bars 3 .. 7) has the expected label, so the forest knows only that one. */
    private static void assertAllTrainingLabels(List<Bar> bars, MarketRegime expected) {
        BarWindow w = Fixtures.window(bars);
        for (int i = 3; i <= 7; i++) {
            assertThat(TINY.labeler().label(w, i)).as("label of bar %d", i).isEqualTo(expected);
        }
    }

    @Test
    void entriesPassUnscoredUntilTheFirstFit() {
        // a steady rise: C_k = 100 x 1.001^k
        List<Bar> bars = closes(10, k -> 100 * Math.pow(1.001, k));
        MlRegimeEnhancer e = fed(bars.subList(0, 9), TINY);
        assertThat(e.prediction(BTC)).isEmpty();
        assertThat(e.enhance(signal(SignalDirection.SHORT), null)).contains(signal(SignalDirection.SHORT));
        // bar 8: labelled examples 3 .. 8 - 2 = 6, four of them; the first fit comes with bar 9, the 10th bar
        Map<String, Object> d = e.diagnostics();
        assertThat(d).containsEntry("regime", "WARMING_UP").containsEntry("labelledExamples", 4L)
                .containsEntry("firstTrainingAtBars", 10L).containsEntry("bars", 9L);
        e.onBar(bars.get(9));
        assertThat(e.prediction(BTC)).isPresent();
    }

    @Test
    void aSteadyRiseIsTrendUpWhereShortsAreDroppedAndLongsScored() {
        // r = ln(1.001) every bar: sigma_ref = sigma_f = r, R = 2r > 1 x r x sqrt(2) = 1.414 r, sigma_f / sigma_ref =
        // 1 <= 1.5 -> every label TREND_UP
        List<Bar> bars = closes(10, k -> 100 * Math.pow(1.001, k));
        assertAllTrainingLabels(bars, MarketRegime.TREND_UP);
        MlRegimeEnhancer e = fed(bars, TINY);
        RegimePrediction p = e.prediction(BTC).orElseThrow();
        assertThat(p.regime()).isEqualTo(MarketRegime.TREND_UP);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.probabilities()).containsExactly(1.0, 0.0, 0.0, 0.0);

        assertThat(e.enhance(signal(SignalDirection.SHORT), null)).isEmpty();
        Signal flat = signal(SignalDirection.FLAT);
        assertThat(e.enhance(flat, null)).containsSame(flat);
        Signal longSignal = e.enhance(signal(SignalDirection.LONG), null).orElseThrow();
        assertThat(longSignal.scores()).containsExactlyInAnyOrderEntriesOf(Map.of("mlRegime", 0.0,
                "mlRegimeConfidence", 1.0, "mlRegimeProbability.TREND_UP", 1.0,
                "mlRegimeProbability.TREND_DOWN", 0.0, "mlRegimeProbability.RANGE", 0.0,
                "mlRegimeProbability.HIGH_VOLATILITY", 0.0));
        assertThat(longSignal.strength()).isEqualTo(1.0);
        assertThat(longSignal.reason()).isEqualTo("test");
    }

    @Test
    void aSteadyFallIsTrendDownWhereLongsAreDropped() {
        // r = ln(0.999) every bar: R = 2r < -1.414 |r| -> every label TREND_DOWN
        List<Bar> bars = closes(10, k -> 100 * Math.pow(0.999, k));
        assertAllTrainingLabels(bars, MarketRegime.TREND_DOWN);
        MlRegimeEnhancer e = fed(bars, TINY);
        assertThat(e.enhance(signal(SignalDirection.LONG), null)).isEmpty();
        assertThat(e.enhance(signal(SignalDirection.SHORT), null).orElseThrow().scores())
                .containsEntry("mlRegime", 1.0).containsEntry("mlRegimeConfidence", 1.0);
    }

    @Test
    void aSidewaysMarketIsRangeWhereBothEntriesPass() {
        // closes 100, 101, 100, 101 ...: |r| = ln(1.01) every bar, sigma_f = sigma_ref, R over 2 bars = 0 -> RANGE
        List<Bar> bars = closes(10, k -> k % 2 == 0 ? 100 : 101);
        assertAllTrainingLabels(bars, MarketRegime.RANGE);
        MlRegimeEnhancer e = fed(bars, TINY);
        assertThat(e.enhance(signal(SignalDirection.LONG), null).orElseThrow().scores())
                .containsEntry("mlRegime", 2.0);
        assertThat(e.enhance(signal(SignalDirection.SHORT), null).orElseThrow().scores())
                .containsEntry("mlRegimeProbability.RANGE", 1.0);
    }

    @Test
    void aWideningSwingIsHighVolatilityWhereEveryEntryIsDropped() {
        // r_k = (-1)^k 0.001 x 1.3^k: sigma_f^2 / sigma_ref^2 = [(g^2 + g^4) / 2] / [(g^-4 + g^-2 + 1) / 3]
        // = (4.5461 / 2) / (1.9418 / 3) = 3.512 with g = 1.3: sigma_f / sigma_ref = 1.874 > 1.5 -> HIGH_VOLATILITY
        double[] c = new double[10];
        c[0] = 100;
        for (int k = 1; k < 10; k++) {
            c[k] = c[k - 1] * Math.exp((k % 2 == 0 ? 1 : -1) * 0.001 * Math.pow(1.3, k));
        }
        List<Bar> bars = closes(10, k -> c[k]);
        assertAllTrainingLabels(bars, MarketRegime.HIGH_VOLATILITY);
        MlRegimeEnhancer e = fed(bars, TINY);
        assertThat(e.enhance(signal(SignalDirection.LONG), null)).isEmpty();
        assertThat(e.enhance(signal(SignalDirection.SHORT), null)).isEmpty();
        assertThat(e.enhance(signal(SignalDirection.FLAT), null)).isPresent();
    }

    @Test
    void theConfidenceBoundIsInclusive() {
        // confidence 1.0 >= minConfidence 1.0: still dropped
        MlRegimeSettings strict = new MlRegimeSettings(2, 3, 2, 1.0, 1.5, 5, 10, 50, 5, 3, 1.0, 1);
        MlRegimeEnhancer e = fed(closes(10, k -> 100 * Math.pow(1.001, k)), strict);
        assertThat(e.enhance(signal(SignalDirection.SHORT), null)).isEmpty();
    }

    @Test
    void diagnosticsDescribeThePredictionAndTheFit() {
        MlRegimeEnhancer e = fed(closes(12, k -> 100 * Math.pow(1.001, k)), TINY);
        Map<String, Object> d = e.diagnostics();
        // bar 11 (12 bars), classified by the fit at bar 9 on bars 3 .. 7; bar 9 closes at 10 h, bar 11 at 12 h
        assertThat(d).containsEntry("instrument", "BTCUSDT.BINANCE").containsEntry("bars", 12L)
                .containsEntry("timeframe", "1h").containsEntry("regime", "TREND_UP")
                .containsEntry("confidence", 1.0).containsEntry("predictionTime", "1970-01-01T12:00:00Z")
                .containsEntry("trainingExamples", 5).containsEntry("lastTrainingTime", "1970-01-01T10:00:00Z")
                .containsEntry("lastTrainingBar", 9L).containsEntry("barsUntilNextTraining", 9L + 50 - 11);
        assertThat(d.get("trainingClassCounts")).isEqualTo(Map.of("TREND_UP", 5, "TREND_DOWN", 0, "RANGE", 0,
                "HIGH_VOLATILITY", 0));
        // a single class needs no split: no feature is used
        assertThat(d.get("featureImportances")).isEqualTo(Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> features = (Map<String, Object>) d.get("features");
        assertThat(features.keySet()).containsExactlyElementsOf(RegimeFeatures.NAMES);
        // return1 = ln(C11 / C10) = ln(1.001)
        assertThat((Double) features.get("return1")).isCloseTo(Math.log(1.001), within(1e-12));
        assertThat(new MlRegimeEnhancer(TINY).diagnostics()).isEqualTo(Map.of("bars", 0L));
    }

    @Test
    void instrumentsAreTrackedApart() {
        List<Bar> up = closes(12, k -> 100 * Math.pow(1.001, k));
        InstrumentId eth = InstrumentId.of("ETHUSDT", "BINANCE");
        MlRegimeEnhancer e = new MlRegimeEnhancer(TINY);
        for (Bar b : up) {
            double c = 20_000 / b.close();
            e.onBar(new Bar(eth, b.timeframe(), b.openTimeMillis(), c, c, c, c, 1));
            e.onBar(b);
        }
        // ETH falls while BTC rises: each keeps its own regime
        assertThat(e.prediction(BTC).orElseThrow().regime()).isEqualTo(MarketRegime.TREND_UP);
        assertThat(e.prediction(eth).orElseThrow().regime()).isEqualTo(MarketRegime.TREND_DOWN);
        assertThat(e.enhance(Signal.of(eth, SignalDirection.LONG, 0, "test"), null)).isEmpty();
        assertThat(e.enhance(signal(SignalDirection.LONG), null)).isPresent();
        assertThat(e.diagnostics()).containsEntry("instrument", "BTCUSDT.BINANCE");
    }

    @Test
    void decisionsFollowTheRuleOnRealBars() {
        List<Bar> bars = Fixtures.btcHours().subList(0, 2_500);
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("featureBars", 12, "longBars", 48,
                "horizonBars", 12, "minTrainingExamples", 300, "trainingWindow", 600, "retrainEveryBars", 250,
                "trees", 15, "maxDepth", 5, "minConfidence", 0.6));
        MlRegimeEnhancer e = Fixtures.enhancer(parameters);
        int dropped = 0;
        int keptDespiteContradiction = 0;
        int kept = 0;
        for (Bar bar : bars) {
            e.onBar(bar);
            RegimePrediction p = e.prediction(BTC).orElse(null);
            if (p == null) {
                continue;
            }
            double[] probabilities = p.probabilities();
            double sum = 0;
            int best = 0;
            for (int k = 0; k < 4; k++) {
                sum += probabilities[k];
                best = probabilities[k] > probabilities[best] ? k : best;
            }
            assertThat(sum).as("scores sum at %d", p.bar()).isCloseTo(1.0, within(1e-9));
            assertThat(p.regime().ordinal()).isEqualTo(best);
            assertThat(p.confidence()).isEqualTo(probabilities[best]);
            for (SignalDirection d : List.of(SignalDirection.LONG, SignalDirection.SHORT)) {
                boolean drop = p.regime().contradicts(d) && p.confidence() >= 0.6;
                var out = e.enhance(signal(d), null);
                assertThat(out.isEmpty()).as("%s at bar %d, %s", d, p.bar(), p).isEqualTo(drop);
                if (drop) {
                    dropped++;
                } else {
                    if (p.regime().contradicts(d)) {
                        keptDespiteContradiction++;
                    } else {
                        kept++;
                    }
                    assertThat(out.orElseThrow().scores()).containsEntry("mlRegime", (double) p.regime().ordinal())
                            .containsEntry("mlRegimeConfidence", p.confidence())
                            .containsEntry("mlRegimeProbability.RANGE", p.probability(MarketRegime.RANGE));
                }
            }
        }
        // every branch of the rule was taken
        assertThat(dropped).isPositive();
        assertThat(keptDespiteContradiction).isPositive();
        assertThat(kept).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Double> importances = (Map<String, Double>) e.diagnostics().get("featureImportances");
        assertThat(importances).isNotEmpty();
        assertThat(RegimeFeatures.NAMES).containsAll(importances.keySet());
        List<Double> values = new ArrayList<>(importances.values());
        for (int k = 1; k < values.size(); k++) {
            assertThat(values.get(k)).isLessThanOrEqualTo(values.get(k - 1));
        }
    }
}
