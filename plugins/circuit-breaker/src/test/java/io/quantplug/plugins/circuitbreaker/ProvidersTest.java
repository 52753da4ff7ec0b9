package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.ParameterType;
import io.quantplug.api.risk.RiskRuleProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the runtime and the console read from the plugin: the providers and their parameter schemas. */
class ProvidersTest {

    private static List<RiskRuleProvider> providers() {
        return ServiceLoader.load(RiskRuleProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Test
    void bothRulesAreRegisteredAsServices() {
        assertThat(providers()).extracting(p -> p.descriptor().id())
                .contains("circuit-breaker", "exposure-limits");
    }

    @Test
    void everyParameterHasADescriptionAndEveryNumberARange() {
        for (RiskRuleProvider provider : List.of(new CircuitBreakerProvider(), new ExposureLimitsProvider())) {
            for (ParameterSpec spec : provider.descriptor().parameters().parameters()) {
                assertThat(spec.description()).as(spec.name()).isNotBlank();
                assertThat(spec.defaultValue()).as(spec.name()).isNotNull();
                if (spec.type() == ParameterType.INTEGER || spec.type() == ParameterType.DECIMAL) {
                    assertThat(spec.min()).as(spec.name()).isNotNull();
                    assertThat(spec.max()).as(spec.name()).isNotNull();
                    assertThat(spec.unit()).as(spec.name()).isNotBlank();
                }
            }
        }
    }

    @Test
    void defaultsMakeAClosedBreaker() {
        CircuitBreakerProvider provider = new CircuitBreakerProvider();
        CircuitBreakerRule rule = (CircuitBreakerRule) provider.create(provider.descriptor().parameters().defaults());
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(rule.events()).isEmpty();
    }

    @Test
    void badParameterNamesItselfAndItsRange() {
        CircuitBreakerProvider provider = new CircuitBreakerProvider();
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> provider.descriptor().parameters().resolve(Map.of("cooldownMinutes", "0")))
                .satisfies(e -> {
                    assertThat(e.parameter()).isEqualTo("cooldownMinutes");
                    assertThat(e.getMessage()).isEqualTo(
                            "parameter 'cooldownMinutes' = 0 is out of range: allowed integer 1 .. 10080 (minutes)");
                });
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> provider.descriptor().parameters().resolve(Map.of("dailyLossPercent", "150")))
                .withMessage("parameter 'dailyLossPercent' = 150 is out of range: allowed decimal 0 .. 100 (%)");
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> provider.descriptor().parameters().resolve(Map.of("volatilityWindowBars", "4")))
                .satisfies(e -> assertThat(e.parameter()).isEqualTo("volatilityWindowBars"));
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> provider.descriptor().parameters().resolve(Map.of("volatilityMeasure", "atr")))
                .satisfies(e -> assertThat(e.getMessage()).contains("one of return, range, either"));
    }
}
