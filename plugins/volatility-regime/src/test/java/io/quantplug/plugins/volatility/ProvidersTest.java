package io.quantplug.plugins.volatility;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.ParameterType;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.strategy.StrategyProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's three providers are found through {@code META-INF/services} as the plugin host finds them, and every
 * parameter they take is described, and bounded when it is a number.
 */
class ProvidersTest {

    @Test
    void eachExtensionKindIsRegisteredForServiceLoading() {
        assertThat(ids(EnhancementProvider.class)).contains("volatility-regime");
        assertThat(ids(RiskRuleProvider.class)).contains("black-swan-guard");
        assertThat(ids(StrategyProvider.class)).contains("regime-trend");
    }

    @Test
    void everyParameterHasADescriptionAndNumbersHaveBounds() {
        for (ExtensionProvider p : List.of(new VolatilityRegimeProvider(), new BlackSwanGuardProvider(),
                new RegimeTrendProvider())) {
            for (ParameterSpec spec : p.descriptor().parameters().parameters()) {
                assertThat(spec.description()).as("%s %s", p.descriptor().id(), spec.name()).isNotBlank();
                assertThat(spec.defaultValue()).as("%s %s", p.descriptor().id(), spec.name()).isNotNull();
                if (spec.type() == ParameterType.INTEGER || spec.type() == ParameterType.DECIMAL) {
                    assertThat(spec.min()).as("%s %s", p.descriptor().id(), spec.name()).isNotNull();
                    assertThat(spec.max()).as("%s %s", p.descriptor().id(), spec.name()).isNotNull();
                }
            }
        }
        // the regime parameters are the same in the enhancer and the strategy, the forecast's in guard and strategy
        assertThat(new RegimeTrendProvider().descriptor().parameters().parameters())
                .containsAll(RegimeSettings.specs());
        assertThat(new VolatilityRegimeProvider().descriptor().parameters().parameters())
                .containsAll(RegimeSettings.specs());
        assertThat(new BlackSwanGuardProvider().descriptor().parameters().parameters())
                .containsAll(ForecastSettings.specs(ForecastSettings.EWMA));
    }

    private static <P extends ExtensionProvider> List<String> ids(Class<P> kind) {
        return ServiceLoader.load(kind).stream().map(p -> p.get().descriptor().id()).toList();
    }
}
