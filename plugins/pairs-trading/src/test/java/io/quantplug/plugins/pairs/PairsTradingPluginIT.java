package io.quantplug.plugins.pairs;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.backtest.PortfolioBacktester;
import io.quantplug.runtime.backtest.PortfolioConfig;
import io.quantplug.runtime.backtest.PortfolioResult;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.instrument.InstrumentCatalog;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.plugin.PluginStatus;
import io.quantplug.sdk.statistics.EngleGranger;
import io.quantplug.sdk.statistics.EngleGrangerResult;
import io.quantplug.sdk.statistics.SignificanceLevel;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The built plugin jar (failsafe, after {@code package}, on the shaded jar) loaded by the real plugin host and run by
 * the runtime's {@link PortfolioBacktester} on a cointegrated real pair: SOLUSDT (y) and AVAXUSDT (x), Binance spot
 * hourly closes of the first half of 2023, where the Engle-Granger test rejects "no cointegration" at 1 %. The
 * outside truth is {@link HandSpread}: the same CSV files read line by line and the regression done with the textbook
 * formulas, not with sdk-statistics.
 */
class PairsTradingPluginIT {

    static final String SOL = "binance-spot-1h-2021-2023/SOLUSDT_1h.csv";
    static final String AVAX = "binance-spot-1h-2021-2023/AVAXUSDT_1h.csv";
    static final long FROM = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
    static final long TO = Instant.parse("2023-07-01T00:00:00Z").toEpochMilli();
    static final int LOOKBACK = 720;
    static final double ENTRY_Z = 2;
    static final double EXIT_Z = 0.5;
    static final double STOP_Z = 4;
    static final long HOUR = 3_600_000L;
    private static final Pattern LOGGED = Pattern.compile(
            "(entry \\w+|exit \\w+ \\(\\w+\\)) at (\\S+): z=(\\S+) hedgeRatio=(\\S+) intercept=(\\S+).*");

    @TempDir
    Path dir;

    private static Path pluginJar() {
        Path jar = Path.of(System.getProperty("quantplug.pluginJar", "(quantplug.pluginJar not set by failsafe)"));
        assertThat(jar).as("the built plugin jar").isRegularFile();
        return jar;
    }

    /** Hands the engine's context to the jar's strategy through a {@link RecordingContext}. */
    record RecordingProvider(StrategyProvider inner, List<RecordingContext> contexts) implements StrategyProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return inner.descriptor();
        }

        @Override
        public Strategy create(StrategyContext context) {
            RecordingContext recording = new RecordingContext(context, null, true);
            contexts.add(recording);
            return inner.create(recording);
        }
    }

    @Test
    void bundlesSdkStatisticsAndCommonsMathButNothingThePlatformProvides() throws IOException {
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).noneMatch(n -> n.startsWith("io/quantplug/api/") || n.startsWith("io/quantplug/runtime/")
                    || n.startsWith("org/pf4j/") || n.startsWith("org/slf4j/") || n.endsWith("module-info.class"));
            assertThat(names).filteredOn(n -> n.startsWith("io/quantplug/sdk/") && n.endsWith(".class"))
                    .allMatch(n -> n.startsWith("io/quantplug/sdk/statistics/"))
                    .contains("io/quantplug/sdk/statistics/RollingHedgeRatio.class");
            assertThat(names).contains("org/apache/commons/math3/stat/regression/OLSMultipleLinearRegression.class",
                    "META-INF/services/io.quantplug.api.strategy.StrategyProvider");
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id")).isEqualTo("pairs-trading");
        }
    }

    @Test
    void firstThreeEntriesMatchAHandComputationOnSolAvax2023() throws Exception {
        Path sol = SharedData.require(SOL);
        Path avax = SharedData.require(AVAX);
        List<RecordingContext> contexts = new ArrayList<>();
        PortfolioResult result;
        try (PluginHost host = PluginHost.open(Files.createDirectories(dir.resolve("plugins")))) {
            PluginInfo plugin = host.load(pluginJar());
            assertThat(plugin.status()).as(plugin.problem()).isEqualTo(PluginStatus.STARTED);
            StrategyProvider fromJar = host.catalog().strategy("pairs-trading").orElseThrow();
            assertThat(fromJar.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
            result = run(new RecordingProvider(fromJar, contexts), sol, avax, Map.of("lookback", "720", "entryZ", "2",
                    "exitZ", "0.5", "stopZ", "4", "significance", "0", "allocation", "0.5"));
        }
        HandSpread hand = HandSpread.read(sol, avax, FROM, TO);
        List<HandSpread.Decision> expected = hand.decisions(LOOKBACK, ENTRY_Z, EXIT_Z, STOP_Z);
        List<HandSpread.Decision> entries = expected.stream().filter(d -> d.what().startsWith("entry")).toList();
        assertThat(entries).as("hand-computed entries").hasSizeGreaterThanOrEqualTo(3);
        RecordingContext recorded = contexts.get(0);
        List<Matcher> logged = recorded.messages().stream().map(LOGGED::matcher).filter(Matcher::matches).toList();
        assertThat(logged).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            HandSpread.Decision d = expected.get(k);
            Matcher m = logged.get(k);
            assertThat(m.group(1)).as("decision %d", k).startsWith(d.what());
            assertThat(Instant.parse(m.group(2)).toEpochMilli()).as("decision %d bar", k)
                    .isEqualTo(hand.times[d.index()]);
        }
        Instrument solUsdt = InstrumentCatalog.binanceSpot().find("SOLUSDT").orElseThrow();
        Instrument avaxUsdt = InstrumentCatalog.binanceSpot().find("AVAXUSDT").orElseThrow();
        List<RoundTrip> trips = result.trades();
        for (int k = 0; k < 3; k++) {
            HandSpread.Decision e = entries.get(k);
            int t = e.index();
            Matcher m = logged.get(expected.indexOf(e));
            // the hedge ratio and the z-score, by hand on the same window
            assertThat(Double.parseDouble(m.group(4))).as("beta at entry %d", k).isCloseTo(e.fit().hedgeRatio(),
                    within(1e-9));
            assertThat(Double.parseDouble(m.group(5))).as("alpha at entry %d", k).isCloseTo(e.fit().intercept(),
                    within(1e-9));
            assertThat(Double.parseDouble(m.group(3))).as("z at entry %d", k).isCloseTo(e.fit().z(), within(1e-9));
            // the first bar at which |z| crossed entryZ: beyond it now, inside it on the bar before
            assertThat(Math.abs(e.fit().z())).isGreaterThan(ENTRY_Z);
            assertThat(Math.abs(hand.fit(t - 1, LOOKBACK).z())).isLessThanOrEqualTo(ENTRY_Z);
            // long-only: one market buy of the cheap leg, sized as its share of the dollar-neutral pair
            boolean longSpread = e.what().equals("entry LONG_SPREAD");
            RecordingContext.Submitted s = recorded.orders().stream()
                    .filter(o -> o.timeMillis() >= hand.times[t] && o.timeMillis() <= hand.times[t] + HOUR)
                    .findFirst().orElseThrow();
            MarketOrder order = (MarketOrder) s.order();
            assertThat(order.side()).isEqualTo(Side.BUY);
            assertThat(order.instrument()).isEqualTo(longSpread ? solUsdt.id() : avaxUsdt.id());
            double beta = e.fit().hedgeRatio();
            double share = longSpread ? 1 / (1 + beta) : beta / (1 + beta);
            double close = longSpread ? hand.closeY[t] : hand.closeX[t];
            double handQuantity = 0.5 * s.equity().doubleValue() * share / close;
            BigDecimal quantity = ((OrderSize.Base) order.size()).quantity();
            assertThat(quantity.doubleValue()).as("quantity at entry %d", k).isLessThanOrEqualTo(handQuantity)
                    .isGreaterThan(handQuantity - 0.01);
            // it filled at the next hourly open: a round trip of that instrument entered then
            assertThat(trips).anySatisfy(r -> {
                assertThat(r.instrument()).isEqualTo(order.instrument());
                assertThat(r.entryTimeMillis()).isEqualTo(hand.times[t] + HOUR);
                assertThat(r.quantity()).isEqualByComparingTo(quantity);
            });
        }
        assertThat(result.faults()).isEmpty();
        assertThat(result.rejections()).isEmpty();
        System.out.printf("pairs-trading SOL~AVAX 2023H1: %d decisions, %d trades, end equity %s, first entries %s%n",
                expected.size(), trips.size(), result.metrics().endEquity(),
                entries.subList(0, 3).stream().map(e -> Instant.ofEpochMilli(hand.times[e.index()]) + " "
                        + e.what() + " z=" + e.fit().z() + " beta=" + e.fit().hedgeRatio()).toList());
    }

    /**
     * With the gate at 5 %, the entries are the crossings at which the Engle-Granger test of the window (computed
     * here with sdk-statistics' {@link EngleGranger}, which its own tests check against R's urca) rejects "no
     * cointegration"; the plugin logs the same tau and critical value. On a one-week window (168 bars) the gate
     * keeps 7 of the 44 crossings; on 720 bars it keeps none in this half-year: the window has just diverged at a
     * crossing, which is when the test is least likely to reject.
     */
    @Test
    void theCointegrationGateLetsOnlyCointegratedWindowsEnter() throws Exception {
        Path sol = SharedData.require(SOL);
        Path avax = SharedData.require(AVAX);
        List<RecordingContext> contexts = new ArrayList<>();
        try (PluginHost host = PluginHost.open(Files.createDirectories(dir.resolve("plugins")))) {
            host.load(pluginJar());
            StrategyProvider fromJar = host.catalog().strategy("pairs-trading").orElseThrow();
            run(new RecordingProvider(fromJar, contexts), sol, avax, Map.of("lookback", "168", "entryZ", "2",
                    "exitZ", "0.5", "stopZ", "4", "significance", "0.05", "adfLags", "1"));
        }
        HandSpread hand = HandSpread.read(sol, avax, FROM, TO);
        EngleGranger test = new EngleGranger(1);
        int week = 168;
        IntPredicate gate = t -> test.test(hand.logY(t, week), hand.logX(t, week))
                .rejectsNoCointegration(SignificanceLevel.FIVE_PERCENT);
        List<HandSpread.Decision> expected = hand.decisions(week, ENTRY_Z, EXIT_Z, STOP_Z, gate);
        List<HandSpread.Decision> ungated = hand.decisions(week, ENTRY_Z, EXIT_Z, STOP_Z);
        List<String> logged = contexts.get(0).messages();
        assertThat(logged).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            HandSpread.Decision d = expected.get(k);
            assertThat(logged.get(k)).startsWith(d.what()).contains(" at " + Instant.ofEpochMilli(hand.times[d.index()]));
            if (d.what().startsWith("entry")) {
                EngleGrangerResult r = test.test(hand.logY(d.index(), week), hand.logX(d.index(), week));
                assertThat(logged.get(k)).contains(" tau=" + r.statistic() + " critical="
                        + r.criticalValue(SignificanceLevel.FIVE_PERCENT));
            }
        }
        assertThat(expected.stream().filter(d -> d.what().startsWith("entry")).count())
                .as("the gate keeps 7 of 44 crossings").isEqualTo(7);
        assertThat(ungated.stream().filter(d -> d.what().startsWith("entry")).count()).isEqualTo(44);
    }

    private static PortfolioResult run(StrategyProvider provider, Path yCsv, Path xCsv, Map<String, String> params) {
        Instrument y = InstrumentCatalog.binanceSpot().find("SOLUSDT").orElseThrow();
        Instrument x = InstrumentCatalog.binanceSpot().find("AVAXUSDT").orElseThrow();
        BarSeries ys = new BarFileReader().read(yCsv).series().slice(FROM, TO);
        BarSeries xs = new BarFileReader().read(xCsv).series().slice(FROM, TO);
        List<Bar> yBars = ys.toBars(y.id());
        List<Bar> xBars = xs.toBars(x.id());
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(
                new ExtensionInfo(ExtensionKind.STRATEGY, provider, "pairs-trading")));
        PortfolioConfig config = new PortfolioConfig(new BigDecimal("10000"), BigDecimal.TEN, new BigDecimal("2"),
                List.of(new PortfolioConfig.Book(y, ys.timeframe(), yBars, List.of(), null),
                        new PortfolioConfig.Book(x, xs.timeframe(), xBars, List.of(), null)),
                List.of(), null, List.of(),
                List.of(new PortfolioConfig.Linked(new ExtensionRef("pairs-trading", params), List.of(y.id(), x.id()))));
        return new PortfolioBacktester(catalog).run(config, (d, t) -> { });
    }
}
