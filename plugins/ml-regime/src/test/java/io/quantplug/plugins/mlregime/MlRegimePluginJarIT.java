package io.quantplug.plugins.mlregime;

import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.instrument.InstrumentCatalog;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.samples.sma.SmaCrossoverProvider;
import io.quantplug.testkit.PluginJar;
import io.quantplug.testkit.RecordedSignal;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built plugin jar (after {@code package}) loaded through the platform's PF4J plugin host ({@link PluginJar}),
 * with no Tribuo on this test's class path (see the failsafe configuration): the jar bundles Tribuo, OLCUT and
 * protobuf but not the API, SDK, runtime, PF4J or SLF4J; its enhancer trains and filters a backtest of real
 * BTCUSDT hours inside the plugin's class loader.
 */
class MlRegimePluginJarIT {

    private static final Map<String, String> PARAMETERS = Map.of("minTrainingExamples", "1000",
            "trainingWindow", "1000", "retrainEveryBars", "500", "trees", "20");

    private static Path jar() {
        Path jar = Path.of(System.getProperty("ml-regime.jar", "target/ml-regime-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the plugin jar; run 'mvn verify', which packages it first").exists();
        return jar;
    }

    @Test
    void theJarBundlesTribuoButNotWhatTheRuntimeProvides() throws IOException {
        List<String> entries;
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            entries = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(new String(zip.getInputStream(zip.getEntry(
                    "META-INF/services/io.quantplug.api.enhancement.EnhancementProvider")).readAllBytes()).strip())
                    .isEqualTo(MlRegimeProvider.class.getName());
        }
        assertThat(entries).contains("io/quantplug/plugins/mlregime/MlRegimeProvider.class",
                "org/tribuo/common/tree/RandomForestTrainer.class",
                "org/tribuo/classification/dtree/CARTClassificationTrainer.class",
                "com/oracle/labs/mlrg/olcut/provenance/Provenance.class",
                "com/google/protobuf/Message.class");
        for (String provided : List.of("io/quantplug/api/", "io/quantplug/sdk/", "io/quantplug/runtime/",
                "org/pf4j/", "org/slf4j/", "org/jline/", "org/fusesource/")) {
            assertThat(entries).as("nothing under %s", provided).noneMatch(e -> e.startsWith(provided));
        }
        // so the plugin below can only use the Tribuo its jar carries
        assertThatThrownBy(() -> Class.forName("org.tribuo.Model")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theLoadedEnhancerTrainsAndFiltersABacktestOfRealHours() throws Exception {
        Instrument btc = InstrumentCatalog.binanceSpot().find("BTCUSDT").orElseThrow();
        List<Bar> all = new BarFileReader().read(SharedData.require(Fixtures.BTC_1H), Timeframe.H1).series()
                .toBars(btc.id());
        List<Bar> bars = all.subList(0, 4_000);
        try (PluginJar plugin = PluginJar.load(jar())) {
            assertThat(plugin.info().id()).isEqualTo("ml-regime");
            EnhancementProvider provider = plugin.catalog().enhancement("ml-regime").orElseThrow();
            ClassLoader pluginLoader = provider.getClass().getClassLoader();
            assertThat(pluginLoader).isNotSameAs(getClass().getClassLoader());
            assertThat(Class.forName("org.tribuo.Model", false, pluginLoader).getClassLoader())
                    .isSameAs(pluginLoader);

            List<RecordedSignal> signals = new ArrayList<>();
            BacktestResult result = backtest(provider, btc, bars, signals);
            assertThat(result.faults()).isEmpty();
            // the first fit is at bar 168 + 24 + 1000 - 1 = 1191: no entry before its close is filtered
            long firstFit = bars.get(1_191).closeTimeMillis();
            List<RecordedSignal> filtered = signals.stream()
                    .filter(s -> s.outcome().equals("FILTERED by ml-regime")).toList();
            assertThat(filtered).isNotEmpty()
                    .allMatch(s -> s.signal().direction() == SignalDirection.LONG && s.timeMillis() >= firstFit);
            long longs = signals.stream().filter(s -> s.signal().direction() == SignalDirection.LONG).count();
            long ordered = signals.stream().filter(s -> s.signal().direction() == SignalDirection.LONG
                    && s.outcome().equals("ORDERED")).count();
            assertThat(ordered + filtered.size()).isEqualTo(longs);
            assertThat(result.trades()).hasSize((int) ordered);

            // the same code, asked directly: the diagnostics come from a fit inside the plugin's class loader
            Enhancement enhancement = provider.create(provider.descriptor().parameters().resolve(PARAMETERS));
            SignalEnhancer enhancer = (SignalEnhancer) enhancement;
            bars.forEach(enhancer::onBar);
            Map<String, Object> d = enhancement.diagnostics();
            assertThat(d).containsEntry("trainingExamples", 1_000).containsKey("featureImportances")
                    .containsEntry("lastTrainingBar", 1_191L + 5 * 500);
            assertThat((String) d.get("regime")).isIn("TREND_UP", "TREND_DOWN", "RANGE", "HIGH_VOLATILITY");
            assertThat((Map<?, ?>) d.get("featureImportances")).isNotEmpty();
            assertThat(d.get("featureImportances").getClass().getClassLoader()).as("JDK types only").isNull();
        }
        // the plugin quieted Tribuo's per-tree INFO lines (no level was set for org.tribuo before)
        assertThat(Logger.getLogger("org.tribuo").getLevel()).isEqualTo(Level.WARNING);
    }

    private static BacktestResult backtest(EnhancementProvider enhancer, Instrument instrument, List<Bar> bars,
                                           List<RecordedSignal> signals) {
        SmaCrossoverProvider strategy = new SmaCrossoverProvider();
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(
                new ExtensionInfo(ExtensionKind.STRATEGY, strategy, null),
                new ExtensionInfo(ExtensionKind.ENHANCEMENT, enhancer, "ml-regime")));
        BacktestConfig config = new BacktestConfig(instrument, new BigDecimal("10000"), BigDecimal.ZERO,
                BigDecimal.ZERO, new ExtensionRef("sma-crossover", Map.of()),
                List.of(new ExtensionRef("ml-regime", PARAMETERS)), null, List.of());
        return new Backtester(catalog).run(config, Timeframe.H1, bars, BacktestProgress.NONE, new SessionListener() {
            @Override
            public void onSignal(long timeMillis, String strategyId, Signal signal, String outcome) {
                signals.add(new RecordedSignal(timeMillis, signal, outcome));
            }
        });
    }
}
