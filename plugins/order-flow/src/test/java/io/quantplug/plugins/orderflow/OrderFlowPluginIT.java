package io.quantplug.plugins.orderflow;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.api.strategy.TimerEvent;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;
import io.quantplug.sdk.marketdata.BinanceRecordingReader;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeSizingContext;
import io.quantplug.testkit.FakeStrategyContext;
import io.quantplug.testkit.FakeStrategyContext.ScheduledTimer;
import io.quantplug.testkit.PluginJar;
import io.quantplug.testkit.TestParameters;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import static io.quantplug.plugins.orderflow.ScalperBench.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built plugin jar (after {@code package}), loaded through the platform's PF4J plugin host ({@link PluginJar}),
 * then its {@code volume-scalper} replayed on the real spot BTCUSDT recording of 2024-08-08/09 (trades and the
 * diff-depth book kept in sync from the REST snapshot), with its signals passed through the jar's {@code footprint}
 * enhancer. The replay stands in for the engine's tick replay, which is not there yet: the clock moves to each
 * event's exchange time and due timers fire before the next event, as the engine promises.
 */
class OrderFlowPluginIT {

    private static final String DIR = "binance-ws-raw-2024-08-08/";

    private static Path jar() {
        Path jar = Path.of(System.getProperty("order-flow.jar", "target/order-flow-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the plugin jar; run 'mvn verify', which packages it first").exists();
        return jar;
    }

    @Test
    void theJarLoadsThroughThePluginHostWithTheStrategyAndTheEnhancer() throws Exception {
        try (PluginJar plugin = PluginJar.load(jar())) {
            assertThat(plugin.info().id()).isEqualTo("order-flow");
            assertThat(plugin.info().extensions()).extracting(ExtensionInfo::id)
                    .containsExactlyInAnyOrder("volume-scalper", "footprint");
            StrategyProvider strategy = plugin.strategy("volume-scalper");
            assertThat(strategy.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
            try (var zip = FileSystems.newFileSystem(jar())) {
                assertThat(Files.exists(zip.getPath("io/quantplug/api"))).as("API not bundled").isFalse();
                assertThat(Files.exists(zip.getPath("io/quantplug/sdk"))).as("SDK not bundled").isFalse();
            }
        }
    }

    @Test
    void volumeScalperFromTheJarTradesTheRecordedTradesAndBook() {
        List<Path> files = List.of(SharedData.require(DIR + "spot_btcusdt_20240808.gz"),
                SharedData.require(DIR + "spot_btcusdt_20240809.gz"));
        try (PluginJar plugin = PluginJar.load(jar())) {
            StrategyProvider provider = plugin.strategy("volume-scalper");
            FakeStrategyContext context = new FakeStrategyContext(BTCUSDT).instanceId("volume-scalper-1")
                    .parameters(TestParameters.of(provider, Map.of("binSize", 5, "profileSeconds", 120,
                            "minProfileTrades", 200, "edgeBps", 2, "bookDepth", 5, "minImbalance", "0.2",
                            "takeProfitBps", 5, "stopLossBps", 5, "maxHoldSeconds", 60)));
            Strategy scalper = provider.create(context);
            EnhancementProvider footprint = plugin.catalog().enhancement("footprint").orElseThrow();
            SignalEnhancer enhancer = (SignalEnhancer) footprint.create(TestParameters.of(footprint,
                    "minAgreement", "0"));
            Replay replay = new Replay(context, scalper);
            replay.run(files);

            assertThat(replay.trades).as("every spot trade of the recording (PROVENANCE.md)").isEqualTo(19_904);
            assertThat(replay.bookUpdates).isPositive();
            assertThat(replay.gaps).isZero();
            List<Signal> signals = context.signals();
            assertThat(signals).as("the scalper traded the recording").hasSizeGreaterThan(2);
            for (int i = 0; i < signals.size(); i++) {
                Signal s = signals.get(i);
                assertThat(s.direction()).as("signal %s alternates, long first", i)
                        .isEqualTo(i % 2 == 0 ? SignalDirection.LONG : SignalDirection.FLAT);
                assertThat(s.scores()).containsKeys(FootprintScores.DELTA, FootprintScores.CUMULATIVE_DELTA,
                        FootprintScores.BUY_IMBALANCES, FootprintScores.SELL_IMBALANCES);
                if (s.direction() == SignalDirection.FLAT) {
                    assertThat(s.reason()).containsAnyOf("target", "stop", "value area high", "held 60 s");
                    assertThat(s.timeMillis() - signals.get(i - 1).timeMillis()).isLessThanOrEqualTo(60_000);
                }
                enhancer.enhance(s, new FakeSizingContext(BTCUSDT, new FakePortfolio().equity("10000"), List.of()));
            }
            assertThat(context.timers()).hasSize((signals.size() + 1) / 2);
            assertThat(enhancer.diagnostics()).containsEntry("entries", (long) (signals.size() + 1) / 2);
            System.out.printf("volume-scalper on spot BTCUSDT 2024-08-08/09: %d trades, %d book updates, %d signals, "
                    + "round-trip returns at decision prices (bps): %s; exits: %s; footprint enhancer: %s%n",
                    replay.trades, replay.bookUpdates, signals.size(), replay.returnsBps,
                    signals.stream().filter(s -> s.direction() == SignalDirection.FLAT)
                            .map(s -> s.reason().replace("volume-scalper ", "")).toList(),
                    enhancer.diagnostics());
        }
    }

    /** Feeds a recording to one strategy as the engine's replay would. */
    private static final class Replay {
        private final FakeStrategyContext context;
        private final Strategy strategy;
        private final PriorityQueue<ScheduledTimer> due = new PriorityQueue<>(
                Comparator.comparingLong(ScheduledTimer::timeMillis));
        private final List<Long> returnsBps = new ArrayList<>();
        private int timersSeen;
        private int signalsSeen;
        private double entryPrice;
        private double lastPrice;
        long trades;
        long bookUpdates;
        long gaps;

        Replay(FakeStrategyContext context, Strategy strategy) {
            this.context = context;
            this.strategy = strategy;
        }

        void run(List<Path> files) {
            OrderBook book = new OrderBook();
            DepthSequencer sequencer = new DepthSequencer(SequenceRule.SPOT, book, 1_000);
            BookView view = new BookView(BTCUSDT.id(), book, 20);
            try (BinanceRecordingReader reader = BinanceRecordingReader.open(files, new JsonFactory())) {
                while (reader.next()) {
                    MarketStreamDecoder m = reader.message();
                    switch (reader.kind()) {
                        case TRADE -> {
                            long t = m.tradeTimeMillis();
                            fireTimersUpTo(t);
                            context.at(t);
                            lastPrice = m.price();
                            strategy.onTrade(new TradeTick(BTCUSDT.id(), t, m.price(), m.quantity(),
                                    m.buyerMaker() ? Side.SELL : Side.BUY, Long.toString(m.tradeId())));
                            trades++;
                        }
                        case DEPTH_SNAPSHOT -> sequencer.onSnapshot(reader.snapshot());
                        case DEPTH_UPDATE -> {
                            DepthSequencer.Outcome outcome = sequencer.accept(m.depthUpdate());
                            if (outcome == DepthSequencer.Outcome.GAP) {
                                gaps++;
                            } else if (outcome == DepthSequencer.Outcome.APPLIED && lastPrice > 0) {
                                long t = m.eventTimeMillis();
                                fireTimersUpTo(t);
                                context.at(t);
                                strategy.onOrderBook(view.at(t));
                                bookUpdates++;
                            }
                        }
                        default -> {
                        }
                    }
                    collect();
                }
            }
        }

        private void fireTimersUpTo(long t) {
            while (timersSeen < context.timers().size()) {
                due.add(context.timers().get(timersSeen++));
            }
            while (!due.isEmpty() && due.peek().timeMillis() <= t) {
                ScheduledTimer timer = due.poll();
                context.at(timer.timeMillis());
                strategy.onTimer(new TimerEvent(timer.name(), timer.timeMillis()));
                collect();
            }
        }

        /** Notes the decision price of each new signal and the round trip's return at decision prices. */
        private void collect() {
            while (signalsSeen < context.signals().size()) {
                Signal s = context.signals().get(signalsSeen++);
                if (s.direction() == SignalDirection.LONG) {
                    entryPrice = lastPrice;
                } else {
                    returnsBps.add(Math.round((lastPrice / entryPrice - 1) * 10_000));
                }
            }
        }
    }
}
