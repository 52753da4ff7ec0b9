package io.quantplug.plugins.grid;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.plugin.PluginStatus;
import io.quantplug.testkit.BacktestRun;
import io.quantplug.testkit.PluginBacktest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built plugin jar (run by failsafe after {@code package}, on the shaded jar): it bundles sdk-volatility and
 * commons-math3, none of the volatility-regime plugin's classes, and registers only its own strategy, so it loads
 * beside the volatility-regime plugin (which bundles its own copy of sdk-volatility) in one host.
 */
class PluginJarIT {

    private static final String SERVICES = "META-INF/services/";
    private static final String ENHANCEMENT_SERVICE = SERVICES + "io.quantplug.api.enhancement.EnhancementProvider";
    private static final String STRATEGY_SERVICE = SERVICES + "io.quantplug.api.strategy.StrategyProvider";
    private static final String GARCH_FITTER = "io.quantplug.sdk.volatility.GarchFitter";

    @TempDir
    Path dir;

    private static Path gridJar() {
        String path = System.getProperty("quantplug.pluginJar");
        assertThat(path).as("system property quantplug.pluginJar (set by the failsafe configuration)").isNotNull();
        Path jar = Path.of(path);
        assertThat(jar).as("the built plugin jar").isRegularFile();
        return jar;
    }

    /** The volatility-regime plugin jar of the same build, copied by the dependency plugin before the ITs. */
    private static Path regimeJar() {
        String path = System.getProperty("quantplug.regimeJar");
        assertThat(path).as("system property quantplug.regimeJar (set by the failsafe configuration)").isNotNull();
        Path jar = Path.of(path);
        assertThat(jar).as("the volatility-regime plugin jar").isRegularFile();
        return jar;
    }

    @Test
    void registersOnlyItsOwnStrategyAndBundlesWhatItUses() throws IOException {
        List<String> services = new ArrayList<>();
        try (JarFile jar = new JarFile(gridJar().toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(SERVICES) && !name.equals(SERVICES)) {
                    services.add(name);
                }
                assertThat(name).doesNotStartWith("io/quantplug/api/").doesNotStartWith("io/quantplug/runtime/")
                        .doesNotStartWith("io/quantplug/plugins/volatility/").doesNotStartWith("org/pf4j/");
                if (name.startsWith("io/quantplug/sdk/") && !name.equals("io/quantplug/sdk/")) {
                    assertThat(name).as("the only SDK classes bundled are sdk-volatility's")
                            .startsWith("io/quantplug/sdk/volatility/");
                }
                assertThat(name).as("no module descriptor of a bundled library").doesNotEndWith("module-info.class");
            }
            assertThat(services).containsExactly(STRATEGY_SERVICE);
            assertThat(jar.getEntry(ENHANCEMENT_SERVICE)).isNull();
            try (InputStream in = jar.getInputStream(jar.getEntry(STRATEGY_SERVICE))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                        .isEqualTo(VolatilityGridProvider.class.getName());
            }
            assertThat(jar.getEntry("io/quantplug/sdk/volatility/GarchFitter.class")).isNotNull();
            assertThat(jar.getEntry("io/quantplug/sdk/volatility/YangZhangEstimator.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/commons/math3/optim/nonlinear/scalar/noderiv/BOBYQAOptimizer.class"))
                    .isNotNull();
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id")).isEqualTo("volatility-grid");
        }
    }

    @Test
    void loadsBesideTheVolatilityRegimePluginAndBacktestsFromItsJar() throws Exception {
        try (PluginHost host = PluginHost.open(Files.createDirectories(dir.resolve("plugins")))) {
            PluginInfo regime = host.load(regimeJar());
            PluginInfo grid = host.load(gridJar());

            assertThat(regime.status()).as(regime.problem()).isEqualTo(PluginStatus.STARTED);
            assertThat(grid.status()).as(grid.problem()).isEqualTo(PluginStatus.STARTED);
            assertThat(host.catalog().ids(ExtensionKind.STRATEGY)).contains("volatility-grid");
            assertThat(host.catalog().ids(ExtensionKind.ENHANCEMENT)).contains("volatility-regime");
            assertThat(grid.extensions()).singleElement()
                    .satisfies(e -> assertThat(e.provider().descriptor().id()).isEqualTo("volatility-grid"));

            StrategyProvider provider = host.catalog().strategy("volatility-grid").orElseThrow();
            assertThat(provider.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
            // each plugin runs sdk-volatility from its own jar, through its own class loader
            ClassLoader gridLoader = provider.getClass().getClassLoader();
            ClassLoader regimeLoader = host.catalog().enhancement("volatility-regime").orElseThrow().getClass()
                    .getClassLoader();
            assertThat(regimeLoader).isNotSameAs(gridLoader).isNotSameAs(getClass().getClassLoader());
            assertThat(gridLoader.loadClass(GARCH_FITTER).getClassLoader()).isSameAs(gridLoader);
            assertThat(regimeLoader.loadClass(GARCH_FITTER).getClassLoader()).isSameAs(regimeLoader);
            BacktestRun run = PluginBacktest.of(provider).bars(walk(), Timeframe.M1).instrument("BTCUSDT")
                    .parameters(Map.of("garchWindowBars", 50, "garchRefitBars", 100, "windowBars", 20,
                            "minSpacingBps", 2))
                    .run();
            assertThat(run.fills()).isNotEmpty();          // the GARCH fit ran on the bundled commons-math3
        }
    }

    /** 600 one-minute bars of a seeded random walk around 20000, 0.1 % per bar. */
    private static List<Bar> walk() {
        Random random = new Random(42);
        InstrumentId btc = InstrumentId.of("BTCUSDT", "BINANCE");
        List<Bar> out = new ArrayList<>();
        double close = 20000;
        for (int m = 0; m < 600; m++) {
            double open = close;
            close = open * Math.exp(0.001 * random.nextGaussian());
            double high = Math.max(open, close) * (1 + 0.001 * random.nextDouble());
            double low = Math.min(open, close) * (1 - 0.001 * random.nextDouble());
            out.add(new Bar(btc, Timeframe.M1, FakeContext.T0 + m * 60_000L, open, high, low, close, 1));
        }
        return out;
    }
}
