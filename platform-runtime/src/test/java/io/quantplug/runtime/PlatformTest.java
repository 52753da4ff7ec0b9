package io.quantplug.runtime;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestConfigurationException;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginStatus;
import io.quantplug.runtime.plugin.TestJars;
import io.quantplug.runtime.plugin.testplugin.EchoStrategyProvider;
import io.quantplug.runtime.store.DatabaseSettings;
import io.quantplug.runtime.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The embedding facade: class-path extensions (the sample {@code sma-crossover} provider, which this module's tests
 * have on their class path, listed in its jar's {@code META-INF/services}), plugin jars built by {@code TestJars}
 * around {@code EchoStrategyProvider} (id {@code echo}, does nothing), the refusal of an id offered twice, unknown
 * ids, the optional store, and what {@code close} releases.
 *
 * <p>The trading case is small enough to compute by hand: {@code sma-crossover:fast=1,slow=2} compares each close
 * with the mean of it and the previous close, so it goes long when a rise follows a fall and flat when a fall
 * follows a rise. Eight one-minute bars, 1,000 USDT, no fee, no slippage, lot 0.001:
 * <pre>
 *  bar  open  close  SMA(2)  close vs SMA(2)            engine
 *   0   100   100    -       not ready
 *   1   100    98     99     below (first state)
 *   2    98   102    100     above: crossed UP -> LONG
 *   3   100   104    103     above                      buy at open 100: floor(1000 / 100, 0.001) = 10.000
 *   4   104   101    102.5   below: crossed DOWN -> FLAT
 *   5   110   108    104.5   above: crossed UP -> LONG  sell 10 at 110: cash 1,100; P&amp;L +100
 *   6   108   105    106.5   below: crossed DOWN -> FLAT buy at 108: floor(1100 / 108 = 10.185185.., 0.001) = 10.185,
 *                                                       cost 1,099.98, cash 0.02
 *   7    99    99    102     below                      sell 10.185 at 99 = 1,008.315: cash 1,008.335;
 *                                                       P&amp;L 10.185 * (99 - 108) = -91.665
 * </pre>
 * End equity 1,008.335 USDT, total return 1008.335 / 1000 - 1 = 0.008335, two round trips, both closed by a signal.
 */
class PlatformTest {

    private static final long T0 = 1_677_628_800_000L; // 2023-03-01T00:00:00Z
    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    private static final Instrument SPOT = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ZERO);
    private static final double[][] OPEN_CLOSE = {
        {100, 100}, {100, 98}, {98, 102}, {100, 104}, {104, 101}, {110, 108}, {108, 105}, {99, 99}};

    @TempDir
    Path dir;

    private static List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < OPEN_CLOSE.length; i++) {
            double open = OPEN_CLOSE[i][0];
            double close = OPEN_CLOSE[i][1];
            bars.add(new Bar(BTC, Timeframe.M1, T0 + i * 60_000L, open, Math.max(open, close) + 1,
                    Math.min(open, close) - 1, close, 5));
        }
        return bars;
    }

    private static BacktestConfig config(String strategy) {
        return new BacktestConfig(SPOT, new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO,
                ExtensionRef.parse(strategy), List.of(), null, List.of());
    }

    @Test
    void backtestsAClassPathStrategyAsCalculatedByHand() {
        try (Platform platform = Platform.builder().classPathExtensions(PlatformTest.class.getClassLoader())
                .build()) {
            ExtensionInfo sma = platform.catalog().find(ExtensionKind.STRATEGY, "sma-crossover").orElseThrow();
            assertThat(sma.pluginId()).isNull();
            assertThat(platform.plugins()).isEmpty();
            assertThat(platform.store()).isEmpty();

            BacktestResult result = platform.backtest(config("sma-crossover:fast=1,slow=2"), bars());

            assertThat(result.barCount()).isEqualTo(8);
            assertThat(result.trades()).hasSize(2);
            RoundTrip first = result.trades().get(0);
            assertThat(first.entryTimeMillis()).isEqualTo(T0 + 3 * 60_000L);
            assertThat(first.exitTimeMillis()).isEqualTo(T0 + 5 * 60_000L);
            assertThat(first.quantity()).isEqualByComparingTo("10");
            assertThat(first.entryPrice()).isEqualByComparingTo("100");
            assertThat(first.exitPrice()).isEqualByComparingTo("110");
            assertThat(first.pnl()).isEqualByComparingTo("100");
            RoundTrip second = result.trades().get(1);
            assertThat(second.entryTimeMillis()).isEqualTo(T0 + 6 * 60_000L);
            assertThat(second.exitTimeMillis()).isEqualTo(T0 + 7 * 60_000L);
            assertThat(second.quantity()).isEqualByComparingTo("10.185");
            assertThat(second.entryPrice()).isEqualByComparingTo("108");
            assertThat(second.exitPrice()).isEqualByComparingTo("99");
            assertThat(second.pnl()).isEqualByComparingTo("-91.665");
            assertThat(result.trades()).extracting(RoundTrip::exitReason).containsOnly(ExitReason.SIGNAL);
            assertThat(result.metrics().endEquity()).isEqualByComparingTo("1008.335");
            assertThat(result.metrics().totalReturn()).isCloseTo(0.008335, within(1e-12));
        }
    }

    @Test
    void readsTheBarsOfACsvFile() throws Exception {
        // The same eight bars as a file: same hand-calculated end equity.
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (Bar b : bars()) {
            csv.append(b.openTimeMillis()).append(',').append(b.open()).append(',').append(b.high()).append(',')
                    .append(b.low()).append(',').append(b.close()).append(',').append(b.volume()).append('\n');
        }
        Path file = Files.writeString(dir.resolve("BTCUSDT_1m.csv"), csv);
        try (Platform platform = Platform.builder().classPathExtensions(PlatformTest.class.getClassLoader())
                .build()) {
            BacktestResult result = platform.backtest(config("sma-crossover:fast=1,slow=2"), file);
            assertThat(result.timeframe()).isEqualTo(Timeframe.M1);
            assertThat(result.trades()).hasSize(2);
            assertThat(result.metrics().endEquity()).isEqualByComparingTo("1008.335");
        }
    }

    @Test
    void addsTheExtensionsOfAPluginsDirectoryToTheClassPathOnes() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        echoPlugin(plugins.resolve("echo.jar"));
        try (Platform platform = Platform.builder().classPathExtensions(PlatformTest.class.getClassLoader())
                .pluginsDirectory(plugins).build()) {
            assertThat(platform.catalog().find(ExtensionKind.STRATEGY, "sma-crossover").orElseThrow().pluginId())
                    .isNull();
            assertThat(platform.catalog().find(ExtensionKind.STRATEGY, "echo").orElseThrow().pluginId())
                    .isEqualTo("echo-plugin");
            assertThat(platform.plugins()).extracting(p -> p.status()).containsExactly(PluginStatus.STARTED);

            // echo never trades: the 1,000 USDT stay as they are.
            BacktestResult echo = platform.backtest(config("echo"), bars());
            assertThat(echo.trades()).isEmpty();
            assertThat(echo.barCount()).isEqualTo(8);
            assertThat(echo.metrics().endEquity()).isEqualByComparingTo("1000");
            // and the class-path strategy still runs beside it (hand calculation in the class comment)
            BacktestResult sma = platform.backtest(config("sma-crossover:fast=1,slow=2"), bars());
            assertThat(sma.metrics().endEquity()).isEqualByComparingTo("1008.335");
        }
    }

    @Test
    void refusesAnIdOfferedByTheClassPathAndByAPlugin() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        Path pluginJar = echoPlugin(plugins.resolve("echo.jar"));
        // The application's class path lists the same provider: a jar with only the service file, over this test's
        // class path (where the class is).
        Path appJar = TestJars.jar(dir.resolve("app.jar"), Map.of(), TestJars.ECHO_SERVICE);
        try (URLClassLoader app = new URLClassLoader(new URL[] {appJar.toUri().toURL()},
                PlatformTest.class.getClassLoader())) {
            assertThatThrownBy(() -> Platform.builder().classPathExtensions(app).pluginsDirectory(plugins).build())
                    .isInstanceOf(DuplicateExtensionException.class)
                    .hasMessageStartingWith("strategy id 'echo' is provided twice: by"
                            + " io.quantplug.runtime.plugin.testplugin.EchoStrategyProvider on the class path (")
                    .hasMessageContaining(" and by io.quantplug.runtime.plugin.testplugin.EchoStrategyProvider in"
                            + " plugin 'echo-plugin' (" + pluginJar + ")")
                    .hasMessageEndingWith("; remove one of them or give one another id");
        }
    }

    @Test
    void unknownStrategyIdNamesTheAvailableOnesAndTheirSources() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        echoPlugin(plugins.resolve("echo.jar"));
        try (Platform platform = Platform.builder().classPathExtensions(PlatformTest.class.getClassLoader())
                .pluginsDirectory(plugins).build()) {
            assertThatThrownBy(() -> platform.backtest(config("sma-cross"), bars()))
                    .isInstanceOf(BacktestConfigurationException.class)
                    .hasMessage("unknown strategy 'sma-cross'; available: sma-crossover (class path),"
                            + " echo (plugin echo-plugin)");
        }
    }

    @Test
    void unknownStrategyIdWithNothingAvailableSaysWhereItLookedAndWhatWasRefused() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        TestJars.jar(plugins.resolve("future.jar"), Map.of("Plugin-Id", "future", "Plugin-Version", "1.0.0",
                "Plugin-Requires", ">=2.0.0"), TestJars.ECHO_SERVICE, EchoStrategyProvider.class);
        try (Platform platform = Platform.builder().pluginsDirectory(plugins).build()) {
            assertThat(platform.catalog().all()).isEmpty();
            assertThat(platform.plugins()).extracting(p -> p.status()).containsExactly(PluginStatus.REFUSED);
            assertThatThrownBy(() -> platform.backtest(config("sma-crossover"), bars()))
                    .isInstanceOf(BacktestConfigurationException.class)
                    .hasMessageStartingWith("unknown strategy 'sma-crossover': no strategy is available from the"
                            + " plugins directory " + plugins + " (providers are listed in"
                            + " META-INF/services/io.quantplug.api.strategy.StrategyProvider); plugin future.jar was"
                            + " refused: ");
        }
    }

    @Test
    void closeStopsAndUnloadsThePlugins() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        echoPlugin(plugins.resolve("echo.jar"));
        Platform platform = Platform.builder().pluginsDirectory(plugins).build();
        ExtensionInfo echo = platform.catalog().find(ExtensionKind.STRATEGY, "echo").orElseThrow();
        URLClassLoader pluginLoader = (URLClassLoader) echo.provider().getClass().getClassLoader();
        assertThat(pluginLoader.findResource("META-INF/MANIFEST.MF")).isNotNull();

        platform.close();

        // PF4J closed the plugin's class loader, and with it the jar.
        assertThat(pluginLoader.findResource("META-INF/MANIFEST.MF")).isNull();
        assertThatThrownBy(platform::catalog).isInstanceOf(IllegalStateException.class)
                .hasMessage("the platform is closed");
        assertThatThrownBy(() -> platform.backtest(config("echo"), bars())).isInstanceOf(IllegalStateException.class);
        platform.close(); // idempotent
    }

    @Test
    void recordsRunsOnlyInAConfiguredStore() {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("home"));
        try (Platform platform = Platform.builder().classPathExtensions(PlatformTest.class.getClassLoader())
                .store(settings).build()) {
            platform.backtest(config("sma-crossover:fast=1,slow=2"), bars());
            List<RunStore.RunSummary> runs = platform.store().orElseThrow().runs().list();
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).status()).isEqualTo(RunStore.Status.COMPLETED);
            assertThat(runs.get(0).strategy()).isEqualTo("sma-crossover");
            assertThat(runs.get(0).tradeCount()).isEqualTo(2); // the hand calculation of the class comment
        }
    }

    @Test
    void buildWithoutAnExtensionSourceFails() {
        assertThatThrownBy(() -> Platform.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("no extension source: call classPathExtensions() and/or pluginsDirectory(dir) before"
                        + " build()");
    }

    private static Path echoPlugin(Path file) throws IOException {
        return TestJars.jar(file, TestJars.manifest("echo-plugin", ">=0.1.0 & <0.2.0"), TestJars.ECHO_SERVICE,
                EchoStrategyProvider.class);
    }
}
