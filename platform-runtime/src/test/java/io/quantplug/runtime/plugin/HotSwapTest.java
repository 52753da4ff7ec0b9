package io.quantplug.runtime.plugin;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.Order;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.internal.engine.TradingSession;
import io.quantplug.runtime.internal.venue.BpsFeeModel;
import io.quantplug.runtime.internal.venue.BpsSlippageModel;
import io.quantplug.runtime.plugin.testplugin.CounterStrategyProvider;
import io.quantplug.runtime.plugin.testplugin.Probe;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.internal.engine.SessionHotSwap;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.InstanceSwap;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.quantplug.runtime.plugin.TestJars.counterJar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The swap test: a replay of 50,000 real one-minute bars runs two strategy instances from two plugins on one
 * account; mid-run, one plugin's jar is replaced in the watched plugins directory by a new version (another
 * moving-average window). The run must equal, event for event, a run in which the same two versions are switched
 * by direct call at the bar where the hot swap took effect: the bars each instance saw, every order, the position
 * before the end and the round trips.
 */
class HotSwapTest {

    private static final String FILE = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv";
    private static final InstrumentId BTCUSDT = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final Instrument INSTRUMENT = Instrument.spot(BTCUSDT, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("10"));
    /** The replay sends bar 20,000 just after the new jar lands. */
    private static final int REPLACED_AT = 20_000;

    private static List<Bar> bars;

    @TempDir
    Path plugins;
    @TempDir
    Path builds;

    @BeforeAll
    static void readBars() {
        bars = new BarFileReader().read(SharedData.require(FILE), Timeframe.M1).series().toBars(BTCUSDT);
    }

    @AfterEach
    void forget() {
        Probe.clear();
    }

    /** What a run did, to compare runs by. */
    private record Run(long alphaBars, long betaBars, String alphaLastVersion, List<String> orders,
                       BigDecimal quantityBeforeEnd, BigDecimal averageEntryBeforeEnd, BigDecimal cash,
                       List<RoundTrip> trips) {
    }

    @Test
    void aJarReplacedMidReplayGivesTheRunOfTheTwoVersionsSwitchedAtTheSameBar() throws Exception {
        Path alphaV1 = counterJar(builds.resolve("alpha-1.jar"), "alpha", "1.0.0", 10);
        Path alphaV2 = counterJar(builds.resolve("alpha-2.jar"), "alpha", "2.0.0", 30);
        Path beta = counterJar(builds.resolve("beta.jar"), "beta", "1.0.0", 15);
        Files.copy(alphaV1, plugins.resolve("alpha.jar"));
        Files.copy(beta, plugins.resolve("beta.jar"));

        // the hot-swapped replay
        Run swapped;
        InstanceSwap swap;
        try (PluginHost host = PluginHost.open(plugins)) {
            PluginDirectoryWatcher watcher = PluginDirectoryWatcher.start(host, Duration.ofMillis(200));
            List<String> orders = new ArrayList<>();
            TradingSession session = session(orders);
            add(session, host.catalog());
            SessionHotSwap swapper = SessionHotSwap.attach(session, host.catalog(), host, Duration.ofSeconds(30));
            session.start();
            for (int i = 0; i < bars.size(); i++) {
                if (i == REPLACED_AT) {
                    Path tmp = plugins.resolve("alpha.jar.tmp");
                    Files.copy(alphaV2, tmp);
                    Files.move(tmp, plugins.resolve("alpha.jar"), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                session.onBar(bars.get(i));
                if (i >= REPLACED_AT && swapper.swaps().isEmpty()) {
                    Thread.sleep(1); // replay at a bar a millisecond until the swap lands, then as fast as it goes
                }
            }
            swapped = finish(session, orders);
            assertThat(swapper.swaps()).hasSize(1);
            swap = swapper.swaps().get(0);
            assertThat(host.plugins()).extracting(p -> p.id() + "@" + p.version() + " " + p.status())
                    .containsExactly("alpha@2.0.0 STARTED", "beta@1.0.0 STARTED");
            swapper.close();
            watcher.close();
        }
        assertThat(swap.instanceId()).isEqualTo("alpha-1");
        assertThat(swap.outcome()).isEqualTo(InstanceSwap.Outcome.RESTORED);
        assertThat(swap.barsBefore()).isGreaterThan(REPLACED_AT).isLessThan(bars.size());
        Probe.clear();

        // the reference: both versions loaded up front, switched by a direct call at the same bar
        Run reference;
        Path v2Only = Files.createDirectory(builds.resolve("v2"));
        Files.copy(alphaV2, v2Only.resolve("alpha.jar"));
        Files.delete(plugins.resolve("alpha.jar"));
        Files.copy(alphaV1, plugins.resolve("alpha.jar"));
        try (PluginHost first = PluginHost.open(plugins); PluginHost second = PluginHost.open(v2Only)) {
            List<String> orders = new ArrayList<>();
            TradingSession session = session(orders);
            add(session, first.catalog());
            StrategyProvider v2 = second.catalog().strategy("alpha").orElseThrow();
            session.start();
            for (int i = 0; i < bars.size(); i++) {
                if (i == swap.barsBefore()) {
                    assertThat(session.swapStrategy("alpha-1", v2).outcome())
                            .isEqualTo(InstanceSwap.Outcome.RESTORED);
                }
                session.onBar(bars.get(i));
            }
            reference = finish(session, orders);
        }

        assertThat(swapped.alphaBars()).isEqualTo(bars.size()); // none lost, none twice, across the two versions
        assertThat(swapped.betaBars()).isEqualTo(bars.size());
        assertThat(swapped.alphaLastVersion()).isEqualTo("2.0.0");
        assertThat(swapped.orders()).hasSizeGreaterThan(100);
        assertThat(swapped.orders()).anyMatch(o -> o.startsWith("alpha-1 ") && o.contains("2.0.0")); // v2 traded
        assertThat(swapped).isEqualTo(reference);
    }

    @Test
    void replacementsThatCannotBeUsedLeaveTheRunningSessionAndItsInstancesAlone() throws Exception {
        Path alpha = plugins.resolve("alpha.jar");
        counterJar(alpha, "alpha", "1.0.0", 10);
        counterJar(plugins.resolve("beta.jar"), "beta", "1.0.0", 15);
        List<PluginInfo> attempts = new ArrayList<>();
        try (PluginHost host = PluginHost.open(plugins)) {
            List<String> orders = new ArrayList<>();
            TradingSession session = session(orders);
            add(session, host.catalog());
            SessionHotSwap swapper = SessionHotSwap.attach(session, host.catalog(), host, Duration.ofSeconds(30));
            session.start();
            CompletableFuture<Void> attempted = null;
            for (int i = 0; i < bars.size(); i++) {
                if (i == REPLACED_AT) {
                    attempted = CompletableFuture.runAsync(() -> {
                        try {
                            Files.writeString(alpha, "PK but not really");
                            attempts.add(host.load(alpha));
                            TestJars.jar(alpha, Map.of("Plugin-Id", "alpha", "Plugin-Version", "9.0.0",
                                    "Plugin-Requires", ">=9.0.0"), Map.of(), CounterStrategyProvider.class);
                            attempts.add(host.load(alpha));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
                session.onBar(bars.get(i));
                if (attempted != null && !attempted.isDone()) {
                    Thread.sleep(1);
                }
            }
            session.finish();
            attempted.join();
            assertThat(swapper.swaps()).isEmpty();
            assertThat(host.plugins()).filteredOn(p -> p.status() == PluginStatus.STARTED)
                    .extracting(p -> p.id() + "@" + p.version()).containsExactly("alpha@1.0.0", "beta@1.0.0");
            swapper.close();
        }
        assertThat(attempts).extracting(PluginInfo::status).containsExactly(PluginStatus.REFUSED,
                PluginStatus.REFUSED);
        assertThat(attempts.get(0).problem()).startsWith("not a valid jar");
        assertThat(attempts.get(1).problem())
                .isEqualTo("requires Quantplug API >=9.0.0, but this runtime provides API 0.2.0 (and hosts plugins built for 0.1.0)");
        assertThat(Probe.barsSeen("alpha-1")).isEqualTo(bars.size());
        assertThat(Probe.lastVersion("alpha-1")).isEqualTo("1.0.0");
        assertThat(Probe.barsSeen("beta-1")).isEqualTo(bars.size());
    }

    private static TradingSession session(List<String> orders) {
        return new TradingSession(INSTRUMENT, new BigDecimal("10000"), BpsFeeModel.flat(new BigDecimal("10")),
                new BpsSlippageModel(BigDecimal.ZERO), List.of(), null, List.of(), new SessionListener() {
                    private String lastReason = "";

                    @Override
                    public void onSignal(long timeMillis, String strategy, io.quantplug.api.signal.Signal signal,
                                         String outcome) {
                        lastReason = signal.reason();
                    }

                    @Override
                    public void onOrderSubmitted(long timeMillis, String strategy, Order order) {
                        orders.add(strategy + " " + timeMillis + " " + order + " (" + lastReason + ")");
                    }

                    @Override
                    public void onFault(PluginFault fault) {
                        throw new AssertionError(fault.toString());
                    }
                }, bars.get(0).openTimeMillis(), 1_000, bars.size());
    }

    private static void add(TradingSession session, ExtensionCatalog catalog) {
        session.addStrategy("alpha-1", "alpha", catalog.strategy("alpha").orElseThrow(),
                ParameterSchema.empty().defaults());
        session.addStrategy("beta-1", "beta", catalog.strategy("beta").orElseThrow(),
                ParameterSchema.empty().defaults());
    }

    private static Run finish(TradingSession session, List<String> orders) {
        PositionView p = session.account().position(BTCUSDT);
        BigDecimal quantity = p.quantity();
        BigDecimal average = p.averageEntryPrice();
        session.finish();
        return new Run(Probe.barsSeen("alpha-1"), Probe.barsSeen("beta-1"), Probe.lastVersion("alpha-1"),
                List.copyOf(orders), quantity, average, session.account().cash(), session.trades());
    }
}
