package io.quantplug.plugins.pairs;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot swap: an instance snapshotted in the middle of a position on real SOL/AVAX bars (2023 H1), a new instance
 * restored from the snapshot and fed the rest, decide exactly as one instance fed everything: the same orders at the
 * same times and the same logged z-scores and hedge ratios, bit for bit.
 */
class PairsTradingSwapTest {

    static final Map<String, Object> PARAMETERS = Map.of("lookback", 168, "significance", 0.05, "mode", "long-short");

    private static PairHarness harness(Map<String, Object> parameters) {
        return new PairHarness(PairsTradingStrategyTest.instrument("SOLUSDT", "SOL", InstrumentKind.PERPETUAL),
                PairsTradingStrategyTest.instrument("AVAXUSDT", "AVAX", InstrumentKind.PERPETUAL), parameters,
                "10000");
    }

    private static HandSpread solAvax() throws IOException {
        return HandSpread.read(SharedData.require(PairsTradingPluginIT.SOL),
                SharedData.require(PairsTradingPluginIT.AVAX), PairsTradingPluginIT.FROM, PairsTradingPluginIT.TO);
    }

    private static List<String> orders(PairHarness h) {
        return h.context.orders().stream().map(s -> {
            MarketOrder o = (MarketOrder) s.order();
            return s.timeMillis() + " " + o.side() + " " + o.instrument() + " "
                    + ((OrderSize.Base) o.size()).quantity().toPlainString();
        }).toList();
    }

    @Test
    void aRestoredInstanceDecidesExactlyAsTheUninterruptedOne() throws IOException {
        HandSpread pairs = solAvax();
        PairHarness whole = harness(PARAMETERS);
        whole.feed(pairs, 0, pairs.size());
        long firstEntry = whole.context.orders().get(0).timeMillis();
        int swapAt = 0;
        while (pairs.times[swapAt] + PairHarness.HOUR <= firstEntry) {
            swapAt++;
        }
        PairHarness before = harness(PARAMETERS);
        before.feed(pairs, 0, swapAt);
        assertThat(((PairsTradingStrategy) before.strategy).position()).isNotEqualTo(SpreadPosition.FLAT);
        StateSnapshot snapshot = before.strategy.snapshot();

        PairHarness after = harness(PARAMETERS);
        assertThat(after.strategy.restore(snapshot)).isTrue();
        after.feed(pairs, swapAt, pairs.size());

        List<String> resumed = new ArrayList<>(orders(before));
        resumed.addAll(orders(after));
        assertThat(orders(after)).as("decisions after the swap").hasSizeGreaterThan(4);
        assertThat(resumed).isEqualTo(orders(whole));
        assertThat(Stream.concat(before.context.messages().stream(), after.context.messages().stream()).toList())
                .isEqualTo(whole.context.messages());
    }

    @Test
    void refusesASnapshotOfAnotherWindowOrFormatAndChangesNothing() throws IOException {
        HandSpread pairs = solAvax();
        PairHarness source = harness(PARAMETERS);
        source.feed(pairs, 0, 1_000);
        StateSnapshot snapshot = source.strategy.snapshot();

        PairHarness otherWindow = harness(Map.of("lookback", 169, "significance", 0.05, "mode", "long-short"));
        assertThat(otherWindow.strategy.restore(snapshot)).isFalse();
        PairHarness fresh = harness(PARAMETERS);
        assertThat(fresh.strategy.restore(new StateSnapshot("pairs-trading/0", snapshot.values()))).isFalse();
        Map<String, String> broken = new java.util.HashMap<>(snapshot.values());
        broken.put("pair.5", "not,numbers");
        assertThat(fresh.strategy.restore(new StateSnapshot(PairsTradingStrategy.SNAPSHOT_FORMAT, broken))).isFalse();
        assertThat(((PairsTradingStrategy) fresh.strategy).window().isReady()).isFalse();
        assertThat(fresh.strategy.snapshot().values()).containsEntry("pairs", "0").containsEntry("position", "FLAT");
    }
}
