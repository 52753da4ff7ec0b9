package io.quantplug.api.param;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterSchemaTest {

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.integer("period").defaultValue(14).range(2, 500).unit("bars").description("look-back")
                    .build(),
            ParameterSpec.decimal("lower").defaultValue("30").range(0, 100).description("entry level").build(),
            ParameterSpec.choice("action", "reject", "resize").defaultValue("reject").description("what to do")
                    .build(),
            ParameterSpec.bool("verbose").defaultValue(false).description("log more").build(),
            ParameterSpec.decimal("limit").min(0).unit("USDT").description("required amount").build());

    @Test
    void fillsDefaultsAndParsesTypes() {
        Parameters p = schema.resolve(Map.of("period", "21", "limit", "1000.50"));
        assertThat(p.getInt("period")).isEqualTo(21);
        assertThat(p.getDecimal("lower")).isEqualByComparingTo("30");
        assertThat(p.getDouble("lower")).isEqualTo(30.0);
        assertThat(p.getString("action")).isEqualTo("reject");
        assertThat(p.getBoolean("verbose")).isFalse();
        assertThat(p.getDecimal("limit")).isEqualTo(new BigDecimal("1000.50"));
        assertThat(p.asText()).containsExactly(Map.entry("period", "21"), Map.entry("lower", "30"),
                Map.entry("action", "reject"), Map.entry("verbose", "false"), Map.entry("limit", "1000.50"));
    }

    @Test
    void outOfRangeNamesTheParameterAndTheAllowedRange() {
        assertThatThrownBy(() -> schema.resolve(Map.of("period", "1", "limit", "1")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("parameter 'period' = 1 is out of range: allowed integer 2 .. 500 (bars)")
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("period");
    }

    @Test
    void wrongTypeUnknownNameMissingValueAndBadChoiceAreRefused() {
        assertThatThrownBy(() -> schema.resolve(Map.of("period", "abc", "limit", "1")))
                .hasMessage("parameter 'period' = 'abc' is not a whole number: allowed integer 2 .. 500 (bars)");
        assertThatThrownBy(() -> schema.resolve(Map.of("perod", "3", "limit", "1")))
                .hasMessage("unknown parameter 'perod'; known parameters: period, lower, action, verbose, limit");
        assertThatThrownBy(() -> schema.resolve(Map.of()))
                .hasMessage("parameter 'limit' is required: allowed decimal 0 .. +inf (USDT)");
        assertThatThrownBy(() -> schema.resolve(Map.of("action", "ignore", "limit", "1")))
                .hasMessage("parameter 'action' = 'ignore' is not one of reject, resize: allowed one of reject, resize");
        assertThatThrownBy(() -> schema.resolve(Map.of("verbose", "yes", "limit", "1")))
                .hasMessageContaining("is not true or false");
    }

    @Test
    void specsWithAnInvalidDefaultOrDuplicateNamesDoNotBuild() {
        assertThatThrownBy(() -> ParameterSpec.integer("n").defaultValue(0).range(1, 5).description("x").build())
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> ParameterSpec.integer("n").description(" ").build())
                .hasMessageContaining("needs a description");
        ParameterSpec n = ParameterSpec.integer("n").description("x").build();
        assertThatThrownBy(() -> ParameterSchema.of(n, n)).hasMessageContaining("duplicate parameter 'n'");
    }
}
