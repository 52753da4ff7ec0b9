package io.quantplug.plugins.mlregime;

import io.quantplug.api.market.Bar;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static io.quantplug.plugins.mlregime.Fixtures.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No look-ahead: the enhancer runs over 2,000 real BTCUSDT hours, asked at every bar (as the engine asks when a
 * strategy signals) for its prediction and its decision on a long, a short and an exit. A second run sees the same
 * bars up to bar T and, after T, the later bars shuffled, their prices scaled by 1.7 and their volumes by 0.3. Every
 * prediction, confidence, per-regime score and decision at bars 0 .. T must be bit for bit the same in both runs
 * (and the diagnostics at T), while later ones differ, which shows the perturbation reaches the model.
 */
class LookAheadTest {

    private static final int BARS = 2_000;
    private static final int T = 1_500;
    private static final Map<String, Object> PARAMETERS = Map.of("featureBars", 12, "longBars", 48,
            "horizonBars", 12, "minTrainingExamples", 300, "trainingWindow", 600, "retrainEveryBars", 250,
            "trees", 15, "maxDepth", 5);

    /** What one run said at one bar. */
    private record Step(Optional<RegimePrediction> prediction, List<Optional<Signal>> decisions) {
    }

    private static List<Step> run(List<Bar> bars, Map<Integer, Map<String, Object>> diagnosticsAt) {
        MlRegimeEnhancer e = Fixtures.enhancer(PARAMETERS);
        List<Step> steps = new ArrayList<>();
        for (int t = 0; t < bars.size(); t++) {
            e.onBar(bars.get(t));
            List<Optional<Signal>> decisions = new ArrayList<>();
            for (SignalDirection d : SignalDirection.values()) {
                decisions.add(e.enhance(Signal.of(BTC, d, bars.get(t).closeTimeMillis(), "test"), null));
            }
            steps.add(new Step(e.prediction(BTC), decisions));
            if (t == T) {
                diagnosticsAt.put(t, e.diagnostics());
            }
        }
        return steps;
    }

    private static List<Bar> perturbedAfter(List<Bar> bars, int t) {
        List<Bar> later = new ArrayList<>(bars.subList(t + 1, bars.size()));
        Collections.shuffle(later, new Random(20_240_601));
        List<Bar> out = new ArrayList<>(bars.subList(0, t + 1));
        for (int k = 0; k < later.size(); k++) {
            Bar b = later.get(k);
            Bar slot = bars.get(t + 1 + k);
            out.add(new Bar(b.instrument(), b.timeframe(), slot.openTimeMillis(), 1.7 * b.open(), 1.7 * b.high(),
                    1.7 * b.low(), 1.7 * b.close(), 0.3 * b.volume()));
        }
        return out;
    }

    @Test
    void nothingAtOrBeforeTDependsOnLaterBars() {
        List<Bar> real = Fixtures.btcHours().subList(0, BARS);
        Map<Integer, Map<String, Object>> diagnosticsA = new HashMap<>();
        Map<Integer, Map<String, Object>> diagnosticsB = new HashMap<>();
        List<Step> a = run(real, diagnosticsA);
        List<Step> b = run(perturbedAfter(real, T), diagnosticsB);

        int predicted = 0;
        for (int t = 0; t <= T; t++) {
            // RegimePrediction.equals compares confidence and every score by their bits (Double.compare,
            // Arrays.equals); Signal equality compares the scores map's Doubles the same way
            assertThat(b.get(t)).as("bar %d", t).isEqualTo(a.get(t));
            predicted += a.get(t).prediction().isPresent() ? 1 : 0;
        }
        // first fit at bar 48 + 12 + 300 - 1 = 359: predictions at bars 359 .. 1500
        assertThat(predicted).isEqualTo(T - 359 + 1);
        assertThat(diagnosticsB.get(T)).isEqualTo(diagnosticsA.get(T));

        long differing = 0;
        for (int t = T + 1; t < BARS; t++) {
            differing += a.get(t).equals(b.get(t)) ? 0 : 1;
        }
        assertThat(differing).as("predictions after T that the perturbation changed").isGreaterThan(100);
    }
}
