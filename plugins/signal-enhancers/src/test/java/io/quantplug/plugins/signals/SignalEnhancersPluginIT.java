package io.quantplug.plugins.signals;

import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.runtime.instrument.InstrumentCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.samples.sma.SmaCrossoverProvider;
import io.quantplug.testkit.PluginJar;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built plugin jar (after {@code package}), loaded through the platform's PF4J plugin host exactly as the
 * platform loads it ({@link PluginJar}): manifest, API range, provider files and packaging; then its enhancers
 * filter a backtest.
 */
class SignalEnhancersPluginIT {

    private static Path jar() {
        Path jar = Path.of(System.getProperty("signal-enhancers.jar", "target/signal-enhancers-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the plugin jar; run 'mvn verify', which packages it first").exists();
        return jar;
    }

    @Test
    void theJarLoadsThroughThePluginHostWithBothEnhancers() throws Exception {
        try (PluginJar plugin = PluginJar.load(jar())) {
            assertThat(plugin.info().id()).isEqualTo("signal-enhancers");
            assertThat(plugin.info().extensions()).extracting(ExtensionInfo::id)
                    .containsExactlyInAnyOrder("multi-factor-score", "multi-timeframe");
            for (String id : List.of("multi-factor-score", "multi-timeframe")) {
                EnhancementProvider provider = plugin.catalog().enhancement(id).orElseThrow();
                // created by the plugin's own class loader, not the test's class path
                assertThat(provider.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
                assertThat(provider.getClass().getName()).startsWith("io.quantplug.plugins.signals.");
            }
            try (var zip = java.nio.file.FileSystems.newFileSystem(jar())) {
                assertThat(Files.exists(zip.getPath("io/quantplug/api"))).as("API not bundled").isFalse();
                assertThat(Files.exists(zip.getPath("io/quantplug/sdk"))).as("SDK not bundled").isFalse();
            }
        }
    }

    @Test
    void theLoadedEnhancersFilterABacktest() {
        Instrument btc = InstrumentCatalog.binanceSpot().find("BTCUSDT").orElseThrow();
        List<Bar> bars = RealData.klines(RealData.BTC_1M_2023, btc.id(), Timeframe.M1);
        try (PluginJar plugin = PluginJar.load(jar())) {
            EnhancedBacktest.Run run = EnhancedBacktest.run(new SmaCrossoverProvider(), Map.of(), List.of(
                    new EnhancedBacktest.Enhancer(plugin.catalog().enhancement("multi-timeframe").orElseThrow(),
                            Map.of("minAlignment", "0.6")),
                    new EnhancedBacktest.Enhancer(plugin.catalog().enhancement("multi-factor-score").orElseThrow(),
                            Map.of("minScore", "60"))), btc, bars, Timeframe.M1);
            assertThat(run.result().faults()).isEmpty();
            long longs = run.signals().stream().filter(s -> s.signal().direction() == SignalDirection.LONG).count();
            long ordered = run.signals().stream().filter(s -> s.signal().direction() == SignalDirection.LONG
                    && s.outcome().equals("ORDERED")).count();
            assertThat(run.signals()).anyMatch(s -> s.outcome().equals("FILTERED by multi-timeframe"));
            assertThat(run.signals()).anyMatch(s -> s.outcome().equals("FILTERED by multi-factor-score"));
            assertThat(ordered).isPositive().isLessThan(longs);
            assertThat(run.result().trades()).hasSize((int) ordered);
        }
    }
}
