package io.quantplug.plugins.mlregime;

import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The descriptor, the parameter checks (each error names the parameter and its range) and the service file. */
class MlRegimeProviderTest {

    private static final MlRegimeProvider PROVIDER = new MlRegimeProvider();
    private static final ParameterSchema SCHEMA = PROVIDER.descriptor().parameters();

    @Test
    void describesASignalEnhancerWithDefaults() {
        assertThat(PROVIDER.descriptor().id()).isEqualTo("ml-regime");
        assertThat(PROVIDER.kind()).isEqualTo(EnhancementKind.SIGNAL_ENHANCER);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("featureBars", "24");
        defaults.put("longBars", "168");
        defaults.put("horizonBars", "24");
        defaults.put("trendThreshold", "1.0");
        defaults.put("volatilityThreshold", "1.5");
        defaults.put("minTrainingExamples", "500");
        defaults.put("trainingWindow", "1000");
        defaults.put("retrainEveryBars", "250");
        defaults.put("trees", "50");
        defaults.put("maxDepth", "6");
        defaults.put("minConfidence", "0.5");
        defaults.put("seed", "42");
        assertThat(SCHEMA.defaults().asText()).containsExactlyEntriesOf(defaults);
        assertThat(PROVIDER.create(SCHEMA.defaults())).isInstanceOf(MlRegimeEnhancer.class);
        SCHEMA.parameters().forEach(p -> assertThat(p.description()).as(p.name()).isNotBlank());
    }

    @ParameterizedTest
    @CsvSource({
        "featureBars, 1, integer 2 .. 500 (bars)",
        "longBars, 5001, integer 3 .. 5000 (bars)",
        "horizonBars, 0, integer 1 .. 1000 (bars)",
        "trendThreshold, 0.05, decimal 0.1 .. 10 (standard deviations)",
        "volatilityThreshold, 0.9, decimal 1 .. 10 (x)",
        "minTrainingExamples, 49, integer 50 .. 50000 (examples)",
        "trainingWindow, 50001, integer 50 .. 50000 (examples)",
        "retrainEveryBars, 0, integer 1 .. 50000 (bars)",
        "trees, 501, integer 1 .. 500 (trees)",
        "maxDepth, 0, integer 1 .. 30 (levels)",
        "minConfidence, 1.01, decimal 0 .. 1",
        "seed, -1, integer 0 .. 9223372036854775807",
    })
    void outOfRangeValuesNameTheParameterAndItsRange(String name, String value, String allowed) {
        assertThatThrownBy(() -> SCHEMA.resolve(Map.of(name, value)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter '" + name + "' = " + value + " is out of range: allowed " + allowed)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo(name));
    }

    @Test
    void theLongWindowMustExceedTheShortOne() {
        assertThatThrownBy(() -> PROVIDER.create(SCHEMA.resolve(Map.of("featureBars", "48", "longBars", "48"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'longBars' = 48 is out of range: allowed 49 .. 5000 (bars), above featureBars"
                        + " (48)")
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("longBars"));
    }

    @Test
    void theTrainingWindowHoldsAtLeastTheFirstFitsExamples() {
        assertThatThrownBy(() -> PROVIDER.create(SCHEMA.resolve(Map.of("minTrainingExamples", "800",
                "trainingWindow", "700"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'trainingWindow' = 700 is out of range: allowed 800 .. 50000 (examples), at"
                        + " least minTrainingExamples (800)");
    }

    @Test
    void theServiceFileRegistersTheProvider() {
        assertThat(ServiceLoader.load(EnhancementProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(MlRegimeProvider.class);
    }
}
