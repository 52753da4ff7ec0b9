package io.quantplug.plugins.grid;

import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.ParameterType;
import io.quantplug.api.strategy.StrategyProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The descriptor, the parameter schema's bounds and messages, and the service registration. */
class VolatilityGridProviderTest {

    private final VolatilityGridProvider provider = new VolatilityGridProvider();

    @Test
    void isRegisteredAsAStrategyProvider() {
        assertThat(ServiceLoader.load(StrategyProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(VolatilityGridProvider.class);
        assertThat(provider.descriptor().id()).isEqualTo("volatility-grid");
    }

    @Test
    void everyParameterIsDescribedAndEveryNumberBounded() {
        assertThat(provider.descriptor().parameters().parameters()).hasSize(13).allSatisfy((ParameterSpec p) -> {
            assertThat(p.description()).isNotBlank();
            assertThat(p.defaultValue()).isNotNull();
            assertThat(p.type()).isIn(ParameterType.INTEGER, ParameterType.DECIMAL);
            assertThat(p.min()).as(p.name()).isNotNull();
            assertThat(p.max()).as(p.name()).isNotNull();
        });
    }

    @Test
    void theDefaultsMakeAGrid() {
        FakeContext ctx = new FakeContext(FakeContext.BTCUSDT, Map.of());
        GridSettings s = GridSettings.of(ctx.parameters());

        assertThat(s.levels()).isEqualTo(5);
        assertThat(s.pauseMillis()).isEqualTo(60 * 60_000L);
        assertThat(s.warmUpBars()).isEqualTo(501);                 // max(60, 500 + 1)
        assertThat(provider.create(ctx)).isInstanceOf(VolatilityGrid.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "levels; 0; parameter 'levels' = 0 is out of range: allowed integer 1 .. 100 (levels)",
        "levels; 2.5; parameter 'levels' = '2.5' is not a whole number",
        "windowBars; 2; allowed integer 3 .. 5000 (bars)",
        "ewmaLambda; 1; allowed decimal 0.5 .. 0.999",
        "garchWeight; 1.5; allowed decimal 0 .. 1",
        "garchWindowBars; 20; allowed integer 50 .. 5000 (bars)",
        "garchRefitBars; 0; allowed integer 1 .. 100000 (bars)",
        "horizonBars; 0; allowed integer 1 .. 10000 (bars)",
        "spacingMultiple; 0; allowed decimal 0.1 .. 100 (standard deviations)",
        "minSpacingBps; -1; allowed decimal 0 .. 1000 (bps)",
        "maxRangePercent; 60; allowed decimal 0.01 .. 50 (%)",
        "capitalFraction; 0; allowed decimal 0.0001 .. 1",
        "maxInventoryLevels; 0; allowed integer 1 .. 1000 (levels)",
        "pauseMinutes; abc; parameter 'pauseMinutes' = 'abc' is not a whole number",
    })
    void refusesAValueOutOfItsRangeNamingTheParameter(String name, String value, String message) {
        assertThatThrownBy(() -> new FakeContext(FakeContext.BTCUSDT, Map.of(name, value)))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(name))
                .hasMessageContaining(message);
    }

    /** 300 bps is 3 %: wider than a 2 % maximum range, so no level could ever be placed. */
    @Test
    void refusesAMinimumSpacingWiderThanTheMaximumRange() {
        FakeContext ctx = new FakeContext(FakeContext.BTCUSDT, Map.of("minSpacingBps", 300, "maxRangePercent", 2));

        assertThatThrownBy(() -> provider.create(ctx))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("minSpacingBps"))
                .hasMessageContaining("parameter 'minSpacingBps' = 300 bps is wider than 'maxRangePercent' = 2 %")
                .hasMessageContaining("allowed 0 .. 200 (bps)");
        // exactly as wide is allowed: one level fits
        assertThat(provider.create(new FakeContext(FakeContext.BTCUSDT,
                Map.of("minSpacingBps", 200, "maxRangePercent", 2)))).isNotNull();
    }
}
