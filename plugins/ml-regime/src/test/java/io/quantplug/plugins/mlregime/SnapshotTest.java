package io.quantplug.plugins.mlregime;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.quantplug.plugins.mlregime.Fixtures.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hot swap: a snapshot carries the bars, and the new instance refits to exactly the old one's model. */
class SnapshotTest {

    private static final Map<String, Object> PARAMETERS = Map.of("featureBars", 12, "longBars", 48,
            "horizonBars", 12, "minTrainingExamples", 300, "trainingWindow", 600, "retrainEveryBars", 200,
            "trees", 15, "maxDepth", 5);

    @Test
    void aRestoredInstanceDecidesBitForBitAsTheOldOne() {
        List<Bar> bars = Fixtures.btcHours().subList(0, 1_800);
        MlRegimeEnhancer old = Fixtures.enhancer(PARAMETERS);
        // bar 1,099 is classified by the fit at 359 + 3 x 200 = 959: the swap falls between two fits
        bars.subList(0, 1_100).forEach(old::onBar);
        RegimePrediction before = old.prediction(BTC).orElseThrow();
        StateSnapshot snapshot = old.snapshot();
        assertThat(snapshot.format()).isEqualTo("ml-regime/1");

        MlRegimeEnhancer swapped = Fixtures.enhancer(PARAMETERS);
        assertThat(swapped.restore(snapshot)).isTrue();
        assertThat(swapped.prediction(BTC)).contains(before);
        assertThat(swapped.diagnostics()).isEqualTo(old.diagnostics());
        for (int t = 1_100; t < bars.size(); t++) {
            old.onBar(bars.get(t));
            swapped.onBar(bars.get(t));
            assertThat(swapped.prediction(BTC)).as("bar %d", t).isEqualTo(old.prediction(BTC));
            for (SignalDirection d : SignalDirection.values()) {
                Signal s = Signal.of(BTC, d, t, "test");
                assertThat(swapped.enhance(s, null)).as("%s at bar %d", d, t).isEqualTo(old.enhance(s, null));
            }
        }
    }

    @Test
    void otherParametersContinueFromTheBarsTheSnapshotHas() {
        List<Bar> bars = Fixtures.btcHours().subList(0, 1_200);
        MlRegimeEnhancer old = Fixtures.enhancer(PARAMETERS);
        bars.subList(0, 1_000).forEach(old::onBar);
        Map<String, Object> wider = new HashMap<>(PARAMETERS);
        wider.put("trainingWindow", 2_000);
        MlRegimeEnhancer swapped = Fixtures.enhancer(wider);
        assertThat(swapped.restore(old.snapshot())).isTrue();
        // the old instance kept W + h + m + R = 600 + 12 + 48 + 200 = 860 bars: 140 .. 999; the fit at 959 can use
        // examples from bar 140 + 48 = 188 to 959 - 12 = 947, i.e. 760 of the 2,000 it would like
        assertThat(swapped.diagnostics()).containsEntry("trainingExamples", 947 - 188 + 1)
                .containsEntry("lastTrainingBar", 959L).containsEntry("bars", 1_000L);
        bars.subList(1_000, 1_200).forEach(swapped::onBar);
        assertThat(swapped.prediction(BTC)).isPresent();
    }

    @Test
    void nothingToCarryBeforeTheFirstBarAndOtherFormatsAreDeclined() {
        assertThat(Fixtures.enhancer(Map.of()).snapshot()).isNull();
        assertThat(Fixtures.enhancer(Map.of()).restore(new StateSnapshot("volatility-regime/1", Map.of())))
                .isFalse();
        StateSnapshot broken = new StateSnapshot("ml-regime/1", Map.of("instruments", "BTCUSDT.BINANCE"));
        assertThatThrownBy(() -> Fixtures.enhancer(Map.of()).restore(broken))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshot lacks '0.bars'");
    }
}
