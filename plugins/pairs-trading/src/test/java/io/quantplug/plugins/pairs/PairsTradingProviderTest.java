package io.quantplug.plugins.pairs;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.ParameterType;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.TestParameters;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema and the refusals of {@link PairsTradingProvider#create}. */
class PairsTradingProviderTest {

    private final PairsTradingProvider provider = new PairsTradingProvider();
    private final Instrument sol = PairsTradingStrategyTest.instrument("SOLUSDT", "SOL", InstrumentKind.SPOT);
    private final Instrument avax = PairsTradingStrategyTest.instrument("AVAXUSDT", "AVAX", InstrumentKind.SPOT);
    private final Instrument btc = PairsTradingStrategyTest.instrument("BTCUSDT", "BTC", InstrumentKind.SPOT);

    private void create(List<Instrument> instruments, Map<String, ?> parameters) {
        FakeStrategyContext base = new FakeStrategyContext(instruments.get(0))
                .parameters(TestParameters.of(provider, parameters));
        provider.create(new RecordingContext(base, instruments, false));
    }

    @Test
    void everyParameterIsBoundedAndDescribed() {
        List<ParameterSpec> specs = provider.descriptor().parameters().parameters();
        assertThat(specs).extracting(ParameterSpec::name).containsExactly("lookback", "entryZ", "exitZ", "stopZ",
                "allocation", "significance", "adfLags", "minBars", "mode");
        assertThat(specs).allSatisfy(s -> {
            assertThat(s.description()).isNotBlank();
            if (s.type() == ParameterType.CHOICE) {
                assertThat(s.choices()).containsExactly("long-only", "long-short");
            } else {
                assertThat(s.min()).as(s.name()).isNotNull();
                assertThat(s.max()).as(s.name()).isNotNull();
            }
        });
    }

    @Test
    void refusesAnythingButTwoInstrumentsNamingTheCount() {
        assertThatThrownBy(() -> create(List.of(sol), Map.of())).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("exactly two instruments").hasMessageContaining("subscribes to 1");
        assertThatThrownBy(() -> create(List.of(sol, avax, btc), Map.of()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("subscribes to 3")
                .hasMessageContaining("BTCUSDT.BINANCE");
        create(List.of(sol, avax), Map.of());
    }

    @Test
    void refusesLongShortOnSpotBecauseASpotShortIsRefused() {
        assertThatThrownBy(() -> create(List.of(sol, avax), Map.of("mode", "long-short")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'mode' = long-short").hasMessageContaining("SOLUSDT.BINANCE is SPOT");
        create(List.of(PairsTradingStrategyTest.instrument("SOLUSDT", "SOL", InstrumentKind.PERPETUAL),
                PairsTradingStrategyTest.instrument("AVAXUSDT", "AVAX", InstrumentKind.PERPETUAL)),
                Map.of("mode", "long-short"));
    }

    @Test
    void crossChecksTheThresholdsTheTestSizeAndTheLags() {
        assertThatThrownBy(() -> create(List.of(sol, avax), Map.of("entryZ", 1.5, "exitZ", 1.5)))
                .hasMessageContaining("'exitZ' = 1.5 must be below entryZ (1.5)");
        assertThatThrownBy(() -> create(List.of(sol, avax), Map.of("entryZ", 2, "stopZ", 2)))
                .hasMessageContaining("'stopZ' = 2.0 must be 0 (no stop) or above entryZ (2.0)");
        assertThatThrownBy(() -> create(List.of(sol, avax), Map.of("significance", 0.02)))
                .hasMessageContaining("'significance' = 0.02 must be 0 (no gate), 0.01, 0.05 or 0.1");
        assertThatThrownBy(() -> create(List.of(sol, avax), Map.of("lookback", 40, "adfLags", 11)))
                .hasMessageContaining("'adfLags' = 11 must be at most lookback / 4 (10)");
        create(List.of(sol, avax), Map.of("lookback", 40, "adfLags", 11, "significance", 0));
        assertThatThrownBy(() -> TestParameters.of(provider, Map.of("allocation", 1.5)))
                .hasMessageContaining("allocation");
    }
}
