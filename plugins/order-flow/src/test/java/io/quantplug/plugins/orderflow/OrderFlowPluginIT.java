package io.quantplug.plugins.orderflow;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.api.strategy.TimerEvent;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.LiveBookView;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built plugin jar (after {@code package}), loaded through the platform's PF4J plugin host ({@link PluginJar}),
 * then its {@code volume-scalper} replayed on each shared Binance recording of 2024-08-08/09 (spot, USD-M and
 * COIN-M; trades and the diff-depth book kept in sync from the REST snapshot), with its signals passed through the
 * jar's {@code footprint} enhancer. The replay stands in for the engine's tick replay, which is not there yet: the
 * clock moves to each event's exchange time and due timers fire before the next event, as the engine promises.
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
                    .containsExactlyInAnyOrder("volume-scalper", "order-flow-detector", "footprint");
            StrategyProvider strategy = plugin.strategy("volume-scalper");
            assertThat(strategy.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
            try (var zip = FileSystems.newFileSystem(jar())) {
                assertThat(Files.exists(zip.getPath("io/quantplug/api"))).as("API not bundled").isFalse();
                assertThat(Files.exists(zip.getPath("io/quantplug/sdk"))).as("SDK not bundled").isFalse();
            }
        }
    }

    /**
     * Every shared recording: files, sequencing rule, symbol, bin size (about 1 bp of the price) and the trade count
     * PROVENANCE.md gives.
     */
    static Stream<Arguments> recordings() {
        return Stream.of(
                Arguments.of(List.of("spot_btcusdt_20240808.gz", "spot_btcusdt_20240809.gz"), SequenceRule.SPOT,
                        "BTCUSDT", 5, 19_904),
                Arguments.of(List.of("spot_ethusdt_20240808.gz", "spot_ethusdt_20240809.gz"), SequenceRule.SPOT,
                        "ETHUSDT", "0.25", 14_515),
                Arguments.of(List.of("usdm_btcusdt_20240808.gz"), SequenceRule.FUTURES, "BTCUSDT", 5, 21_313),
                Arguments.of(List.of("usdm_ethusdt_20240808.gz"), SequenceRule.FUTURES, "ETHUSDT", "0.25", 14_076),
                Arguments.of(List.of("cm_btcusd_perp_20240808.gz", "cm_btcusd_perp_20240809.gz"),
                        SequenceRule.FUTURES, "BTCUSD_PERP", 5, 5_235));
    }

    @ParameterizedTest(name = "{2} {0}")
    @MethodSource("recordings")
    void volumeScalperFromTheJarTradesARecordedTapeAndBook(List<String> names, SequenceRule rule, String symbol,
                                                            Object binSize, long expectedTrades) {
        List<Path> files = names.stream().map(n -> SharedData.require(DIR + n)).toList();
        Instrument instrument = Instrument.spot(InstrumentId.of(symbol, "BINANCE"), "BASE", "QUOTE",
                new BigDecimal("0.01"), new BigDecimal("0.00001"), BigDecimal.ONE);
        try (PluginJar plugin = PluginJar.load(jar())) {
            StrategyProvider provider = plugin.strategy("volume-scalper");
            FakeStrategyContext context = new FakeStrategyContext(instrument).instanceId("volume-scalper-1")
                    .parameters(TestParameters.of(provider, Map.of("binSize", binSize, "profileSeconds", 120,
                            "minProfileTrades", 200, "edgeBps", 2, "bookDepth", 5, "minImbalance", "0.2",
                            "takeProfitBps", 5, "stopLossBps", 5, "maxHoldSeconds", 60)));
            Strategy scalper = provider.create(context);
            EnhancementProvider footprint = plugin.catalog().enhancement("footprint").orElseThrow();
            SignalEnhancer enhancer = (SignalEnhancer) footprint.create(TestParameters.of(footprint,
                    "minAgreement", "0"));
            Replay replay = new Replay(context, scalper, instrument.id(), rule);
            replay.run(files);

            assertThat(replay.trades).as("every trade of the recording (PROVENANCE.md)").isEqualTo(expectedTrades);
            assertThat(replay.bookUpdates).isPositive();
            assertThat(replay.gaps).isZero();
            List<Signal> signals = context.signals();
            assertThat(signals).as("the scalper traded the recording").isNotEmpty();
            for (int i = 0; i < signals.size(); i++) {
                Signal s = signals.get(i);
                assertThat(s.direction()).as("signal %s alternates, long first", i)
                        .isEqualTo(i % 2 == 0 ? SignalDirection.LONG : SignalDirection.FLAT);
                assertThat(s.scores()).containsKeys(FootprintScores.DELTA, FootprintScores.CUMULATIVE_DELTA,
                        FootprintScores.BUY_IMBALANCES, FootprintScores.SELL_IMBALANCES,
                        FootprintScores.LAST_BAR_ABSORPTION);
                if (s.direction() == SignalDirection.FLAT) {
                    assertThat(s.reason()).containsAnyOf("target", "stop", "value area high", "held 60 s");
                    assertThat(s.timeMillis() - signals.get(i - 1).timeMillis()).isLessThanOrEqualTo(60_000);
                }
                enhancer.enhance(s, new FakeSizingContext(instrument, new FakePortfolio().equity("10000"),
                        List.of()));
            }
            assertThat(context.timers()).hasSize((signals.size() + 1) / 2);
            assertThat(enhancer.diagnostics()).containsEntry("entries", (long) (signals.size() + 1) / 2);
            System.out.printf("volume-scalper on %s %s: %d trades, %d book updates, %d signals, round-trip returns "
                    + "at decision prices (bps): %s; exits: %s; footprint enhancer passed %s of %s entries%n",
                    names.get(0).substring(0, names.get(0).indexOf('_')), symbol, replay.trades, replay.bookUpdates,
                    signals.size(), replay.returnsBps, signals.stream()
                            .filter(s -> s.direction() == SignalDirection.FLAT)
                            .map(s -> s.reason().replaceAll("volume-scalper ([a-z ]+).*", "$1")).toList(),
                    enhancer.diagnostics().get("passed"), enhancer.diagnostics().get("entries"));
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

        private final InstrumentId instrument;
        private final SequenceRule rule;

        Replay(FakeStrategyContext context, Strategy strategy, InstrumentId instrument, SequenceRule rule) {
            this.context = context;
            this.strategy = strategy;
            this.instrument = instrument;
            this.rule = rule;
        }

        void run(List<Path> files) {
            OrderBook book = new OrderBook();
            DepthSequencer sequencer = new DepthSequencer(rule, book, 1_000);
            LiveBookView view = new LiveBookView(instrument, book, 20);
            try (BinanceRecordingReader reader = BinanceRecordingReader.open(files, new JsonFactory())) {
                while (reader.next()) {
                    MarketStreamDecoder m = reader.message();
                    switch (reader.kind()) {
                        case TRADE -> {
                            long t = m.tradeTimeMillis();
                            fireTimersUpTo(t);
                            context.at(t);
                            lastPrice = m.price();
                            strategy.onTrade(new TradeTick(instrument, t, m.price(), m.quantity(),
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
