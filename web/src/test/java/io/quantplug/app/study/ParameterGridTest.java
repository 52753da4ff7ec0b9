package io.quantplug.app.study;

import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.app.UserInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ParameterGrid} and {@link ParameterConstraint} against a schema like the SMA crossover's. */
class ParameterGridTest {

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.integer("fast").defaultValue(10).range(1, 1000).unit("bars").description("fast").build(),
            ParameterSpec.integer("slow").defaultValue(30).range(2, 5000).unit("bars").description("slow").build(),
            ParameterSpec.decimal("stop").defaultValue("1.5").range(0, 10).description("stop").build(),
            ParameterSpec.choice("side", "long", "short").defaultValue("long").description("side").build());

    @Test
    void theProductOfTheGridsWithTheFirstVaryingSlowest() {
        List<Map<String, String>> sets = ParameterGrid.sets(schema, List.of("fast=5..15:5", "side=long,short"),
                Map.of("slow", "40"));
        assertThat(sets).containsExactly(
                Map.of("slow", "40", "fast", "5", "side", "long"), Map.of("slow", "40", "fast", "5", "side", "short"),
                Map.of("slow", "40", "fast", "10", "side", "long"), Map.of("slow", "40", "fast", "10", "side", "short"),
                Map.of("slow", "40", "fast", "15", "side", "long"), Map.of("slow", "40", "fast", "15", "side", "short"));
    }

    @Test
    void decimalStepsAreExactAndStopAtTheLastStepNotAboveTo() {
        assertThat(ParameterGrid.sets(schema, List.of("stop=0.1..0.35:0.1"), Map.of()))
                .extracting(s -> s.get("stop")).containsExactly("0.1", "0.2", "0.3");
    }

    @Test
    void aValueOutsideTheSchemaNamesTheParameterAndItsRange() {
        assertThatThrownBy(() -> ParameterGrid.sets(schema, List.of("slow=100..6000:100"), Map.of()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--grid slow=100..6000:100: parameter 'slow' = 6000 is out of range: allowed integer"
                        + " 2 .. 5000 (bars)");
        assertThatThrownBy(() -> ParameterGrid.sets(schema, List.of("side=long,both"), Map.of()))
                .hasMessageContaining("'both' is not one of long, short");
        assertThatThrownBy(() -> ParameterGrid.sets(schema, List.of("fast=1..10:0.5"), Map.of()))
                .hasMessage("--grid fast=1..10:0.5: expected FROM <= TO and a STEP > 0, whole");
        assertThatThrownBy(() -> ParameterGrid.sets(schema, List.of("fast=10..1:1"), Map.of()))
                .hasMessageContaining("expected FROM <= TO");
        assertThatThrownBy(() -> ParameterGrid.sets(schema, List.of("side=a..b:1"), Map.of()))
                .hasMessageContaining("is not one of long, short");
        assertThatThrownBy(() -> ParameterGrid.sets(schema, List.of("slowest=1..2:1"), Map.of()))
                .hasMessage("--grid slowest=1..2:1: unknown parameter 'slowest'; known parameters: fast, slow, stop,"
                        + " side");
        assertThatThrownBy(() -> ParameterGrid.sets(schema, List.of("fast=1..2:1"), Map.of("fast", "3")))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> ParameterGrid.sets(schema, List.of(), Map.of()))
                .hasMessageContaining("give at least one --grid");
    }

    @Test
    void aGridOfMoreThanAMillionSetsIsRefusedBeforeItIsBuilt() {
        assertThatThrownBy(() -> ParameterGrid.sets(schema, List.of("fast=1..1000:1", "slow=2..5000:1"), Map.of()))
                .hasMessageContaining("more than 1000000 parameter sets");
    }

    @Test
    void constraintsCompareParametersNumbersAndDefaults() {
        ParameterConstraint fastBelowSlow = ParameterConstraint.parse("fast<slow", schema);
        assertThat(fastBelowSlow.test(Map.of("fast", "10", "slow", "30"), schema)).isTrue();
        assertThat(fastBelowSlow.test(Map.of("fast", "30", "slow", "30"), schema)).isFalse();
        // slow missing: its default, 30
        assertThat(fastBelowSlow.test(Map.of("fast", "40"), schema)).isFalse();
        assertThat(ParameterConstraint.parse("slow <= 200", schema).test(Map.of("slow", "200"), schema)).isTrue();
        assertThat(ParameterConstraint.parse("stop>=1.25", schema).test(Map.of("stop", "1.2"), schema)).isFalse();
        assertThat(ParameterConstraint.parse("fast!=slow", schema).test(Map.of("fast", "5", "slow", "5"), schema))
                .isFalse();
        assertThat(ParameterConstraint.parse("fast==5", schema).test(Map.of("fast", "5.0"), schema)).isTrue();
    }

    @Test
    void aMalformedConstraintOrAnUnknownNameIsRefused() {
        assertThatThrownBy(() -> ParameterConstraint.parse("fast<<slow", schema))
                .hasMessageContaining("expected A<B, A<=B");
        assertThatThrownBy(() -> ParameterConstraint.parse("fast<slowest", schema))
                .hasMessage("--constraint fast<slowest: 'slowest' is neither a number nor a parameter; known"
                        + " parameters: fast, slow, stop, side");
    }
}
