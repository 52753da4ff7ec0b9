package io.quantplug.plugins.sizing;

import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.ParameterType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the runtime and the console read from the plugin: the providers and their parameter schemas. */
class ProvidersTest {

    private static List<EnhancementProvider> providers() {
        return ServiceLoader.load(EnhancementProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Test
    void allFiveSizersAreRegisteredAsServices() {
        assertThat(providers()).extracting(p -> p.descriptor().id())
                .containsExactlyInAnyOrder("fixed-fractional", "kelly", "volatility-target", "risk-parity",
                        "kelly-inventory");
    }

    @Test
    void defaultsMakeAPositionSizer() {
        for (EnhancementProvider provider : providers()) {
            assertThat(provider.kind()).isEqualTo(EnhancementKind.POSITION_SIZER);
            assertThat(provider.create(provider.descriptor().parameters().defaults()))
                    .as(provider.descriptor().id()).isInstanceOf(PositionSizer.class);
        }
    }

    @Test
    void everyParameterHasADescriptionAndEveryNumberARange() {
        for (EnhancementProvider provider : providers()) {
            for (ParameterSpec spec : provider.descriptor().parameters().parameters()) {
                String name = provider.descriptor().id() + "." + spec.name();
                assertThat(spec.description()).as(name).isNotBlank();
                assertThat(spec.defaultValue()).as(name).isNotNull();
                if (spec.type() == ParameterType.INTEGER || spec.type() == ParameterType.DECIMAL) {
                    assertThat(spec.min()).as(name).isNotNull();
                    assertThat(spec.max()).as(name).isNotNull();
                    assertThat(spec.unit()).as(name).isNotBlank();
                }
            }
        }
    }

    @Test
    void badParameterNamesItselfAndItsRange() {
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> new FixedFractionalProvider().descriptor().parameters()
                        .resolve(Map.of("riskPercent", "0")))
                .satisfies(e -> assertThat(e.parameter()).isEqualTo("riskPercent"))
                .withMessage("parameter 'riskPercent' = 0 is out of range: allowed decimal 0.01 .. 20 (% of equity)");
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> new FixedFractionalProvider().descriptor().parameters()
                        .resolve(Map.of("stop", "trailing")))
                .satisfies(e -> assertThat(e.getMessage()).contains("one of percent, atr"));
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> new KellyProvider().descriptor().parameters()
                        .resolve(Map.of("kellyFraction", "1.5")))
                .withMessage("parameter 'kellyFraction' = 1.5 is out of range: allowed decimal 0.01 .. 1 (x Kelly)");
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> new VolatilityTargetProvider().descriptor().parameters()
                        .resolve(Map.of("volatilityBars", "1")))
                .withMessage("parameter 'volatilityBars' = 1 is out of range: allowed integer 2 .. 999 (bars)");
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> new RiskParityProvider().descriptor().parameters()
                        .resolve(Map.of("instrumentCount", "0")))
                .withMessage("parameter 'instrumentCount' = 0 is out of range: allowed integer 1 .. 1000 "
                        + "(instruments)");
    }
}
