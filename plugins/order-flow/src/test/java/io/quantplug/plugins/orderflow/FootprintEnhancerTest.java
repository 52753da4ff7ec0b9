package io.quantplug.plugins.orderflow;

import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeSizingContext;
import io.quantplug.testkit.TestParameters;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.quantplug.plugins.orderflow.ScalperBench.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FootprintEnhancerTest {

    private static final FakeSizingContext CONTEXT = new FakeSizingContext(BTCUSDT,
            new FakePortfolio().equity("10000"), List.of());

    private static SignalEnhancer enhancer(String... parameters) {
        FootprintEnhancerProvider provider = new FootprintEnhancerProvider();
        return (SignalEnhancer) provider.create(TestParameters.of(provider, parameters));
    }

    /** A signal whose bar bought 6 and sold 4 (delta 2 of 10) with 3 buying and 1 selling diagonal imbalances. */
    private static Signal annotated(SignalDirection direction) {
        return new Signal(BTCUSDT.id(), direction, 0.8, 1.0, 0, "test", Map.of(FootprintScores.DELTA, 2.0,
                FootprintScores.VOLUME, 10.0, FootprintScores.CUMULATIVE_DELTA, -5.0,
                FootprintScores.BUY_IMBALANCES, 3.0, FootprintScores.SELL_IMBALANCES, 1.0));
    }

    @Test
    void scoresALongByTheBarsDeltaOverVolumeAndItsNetImbalances() {
        Optional<Signal> out = enhancer("scaleStrength", "true").enhance(annotated(SignalDirection.LONG), CONTEXT);
        assertThat(out).get().satisfies(s -> {
            assertThat(s.scores()).containsEntry(FootprintEnhancer.AGREEMENT, 0.2)   // 2 / 10
                    .containsEntry(FootprintEnhancer.NET_IMBALANCES, 2.0);            // 3 - 1
            assertThat(s.strength()).isCloseTo(0.8 * 1.2 / 2, within(1e-12));        // x (1 + 0.2) / 2
            assertThat(s.reason()).isEqualTo("test | footprint agreement 0.200, net imbalances +2");
        });
    }

    @Test
    void dropsEntriesTheBarsAggressionContradicts() {
        SignalEnhancer strict = enhancer("minAgreement", "0", "minNetImbalances", "1");
        assertThat(strict.enhance(annotated(SignalDirection.LONG), CONTEXT)).isPresent();
        // a SHORT sees agreement -0.2 and net imbalances -2
        assertThat(strict.enhance(annotated(SignalDirection.SHORT), CONTEXT)).isEmpty();
        assertThat(enhancer("minNetImbalances", "3").enhance(annotated(SignalDirection.LONG), CONTEXT)).isEmpty();
        assertThat(enhancer("minAgreement", "0.21").enhance(annotated(SignalDirection.LONG), CONTEXT)).isEmpty();
        assertThat(strict.diagnostics()).containsEntry("entries", 2L).containsEntry("passed", 1L)
                .containsEntry("dropped", 1L);
    }

    @Test
    void vetoesAnEntryAgainstTheLastBarsAbsorption() {
        Signal askAbsorbed = annotated(SignalDirection.LONG).withScore(FootprintScores.LAST_BAR_ABSORPTION, -1.0);
        Signal bidAbsorbed = annotated(SignalDirection.LONG).withScore(FootprintScores.LAST_BAR_ABSORPTION, 1.0);
        SignalEnhancer veto = enhancer("vetoAbsorption", "true");
        assertThat(veto.enhance(askAbsorbed, CONTEXT)).isEmpty();          // offers absorbed buying: no long
        assertThat(veto.enhance(bidAbsorbed, CONTEXT)).isPresent();        // bids absorbed selling: a long is fine
        Signal shortBidAbsorbed = new Signal(BTCUSDT.id(), SignalDirection.SHORT, 1, 1, 0, "s",
                bidAbsorbed.scores());
        assertThat(veto.enhance(shortBidAbsorbed, CONTEXT)).isEmpty();
        assertThat(enhancer().enhance(askAbsorbed, CONTEXT)).isPresent(); // off by default
    }

    @Test
    void exitsAndUnannotatedSignalsPassUnlessTheFootprintIsRequired() {
        Signal flat = Signal.of(BTCUSDT.id(), SignalDirection.FLAT, 0, "exit");
        Signal bare = Signal.of(BTCUSDT.id(), SignalDirection.LONG, 0, "bare");
        SignalEnhancer strict = enhancer("minAgreement", "0.5", "requireFootprint", "true");
        assertThat(strict.enhance(flat, CONTEXT)).contains(flat);
        assertThat(strict.enhance(bare, CONTEXT)).isEmpty();
        assertThat(enhancer().enhance(bare, CONTEXT)).contains(bare);
        assertThat(strict.diagnostics()).containsEntry("exits", 1L).containsEntry("unannotated", 1L);
    }

    @Test
    void readsWhatVolumeScalperAttaches() {
        ScalperBench bench = new ScalperBench();
        bench.ladderAndBidBook();
        bench.trade(1_000, 101.05, 1, io.quantplug.api.order.Side.SELL);
        Signal entry = bench.context.signals().get(0);
        assertThat(enhancer("minAgreement", "0.9").enhance(entry, CONTEXT)).get()
                .satisfies(s -> assertThat(s.scores().get(FootprintEnhancer.AGREEMENT))
                        .isCloseTo(99.0 / 101.0, within(1e-12)));
    }
}
