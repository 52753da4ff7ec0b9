package io.quantplug.runtime.backtest;

import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Parameters resolved once: a checked reference hands its typed values to a session whose extension has the same
 * schema.
 */
class ExtensionRefTest {

    private static final ParameterSchema V1 = ParameterSchema.of(
            ParameterSpec.integer("fast").defaultValue("10").range(1, 100).description("fast period").build());
    private static final ParameterSchema V2 = ParameterSchema.of(
            ParameterSpec.integer("fast").defaultValue("3").range(1, 5).description("fast period").build());

    @Test
    void checkedValuesAreUsedAsTheyAreForTheSameSchema() {
        Map<String, String> raw = Map.of("fast", "12");
        Parameters values = V1.resolve(raw);
        ExtensionRef ref = ExtensionRef.checked("sma", raw, values);
        assertThat(ref.resolve(V1)).isSameAs(values);
        assertThat(ref.resolve(V1).getInt("fast")).isEqualTo(12);
        assertThat(ref.parameters()).isEqualTo(raw);
        assertThat(ref.toString()).isEqualTo("sma:fast=12");
    }

    @Test
    void anotherSchemaResolvesTheRawValuesAgain() {
        ExtensionRef ref = ExtensionRef.checked("sma", Map.of("fast", "12"), V1.resolve(Map.of("fast", "12")));
        // a replaced plugin whose schema allows at most 5: its own check refuses the value
        assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> ref.resolve(V2))
                .withMessageContaining("fast");
        ExtensionRef unchecked = new ExtensionRef("sma", Map.of());
        assertThat(unchecked.values()).isNull();
        assertThat(unchecked.resolve(V1).getInt("fast")).isEqualTo(10);
    }
}
