package io.quantplug.benchmarks;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.app.LoopedRecordings;
import io.quantplug.app.RecordingTicks;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.BookFills;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.SessionListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Replaying a recording through the engine with a strategy that does nothing (issue 16's speed targets): the
 * USD-M BTCUSDT recording of 2024-08-08 ({@code binance-ws-raw-2024-08-08/usdm_btcusdt_20240808.gz}: 21,313 trades,
 * 6,551 depth diffs of 1 to a few hundred levels) repeated {@value #LOOPS} times back to back
 * ({@link LoopedRecordings}), read from its compact copy in the OS page cache.
 *
 * <ul>
 *   <li>{@code trades}: the trades only; each is a {@code TradeTick} to the strategy and the venue, and goes into a
 *       one-second bar. Score: trades per second.</li>
 *   <li>{@code depth}: the depth diffs only (and the snapshot), each applied to the book by Binance's rules and
 *       handed to a venue that fills on the book and to the strategy as its top 20 levels. Score: diffs per
 *       second; the level updates per second are the score times the average levels per diff, printed at set-up.</li>
 * </ul>
 * Each invocation is a whole {@code Backtester} run: open, replay, finish.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class TickReplayBenchmark {

    static final int LOOPS = 10;
    static final String RECORDING = "binance-ws-raw-2024-08-08/usdm_btcusdt_20240808.gz";
    static final int TRADES = 21_313 * LOOPS;
    static final int DIFFS = 6_551 * LOOPS;
    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    static final Instrument INSTRUMENT = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.1"),
            new BigDecimal("0.001"), BigDecimal.ZERO);

    /** A strategy that does nothing, for the engine's own cost. */
    public static final class Idle implements StrategyProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("idle", "Idle", "Does nothing.", ParameterSchema.empty());
        }

        @Override
        public Strategy create(StrategyContext ctx) {
            return (Bar bar) -> { };
        }
    }

    private Path dir;
    private Path trades;
    private Path depth;
    private Backtester backtester;
    private BacktestConfig config;

    @Setup
    public void write() throws IOException {
        dir = Files.createTempDirectory("tick-replay");
        trades = dir.resolve("trades.ticks");
        depth = dir.resolve("depth.ticks");
        Path recording = BenchmarkData.file(RECORDING);
        long[] t = LoopedRecordings.write(recording, LOOPS, LoopedRecordings.Content.TRADES, trades);
        long[] d = LoopedRecordings.write(recording, LOOPS, LoopedRecordings.Content.DEPTH, depth);
        levels = d[2];
        if (t[0] != TRADES || d[1] != DIFFS) {
            throw new IllegalStateException("expected " + TRADES + " trades and " + DIFFS + " diffs, got " + t[0]
                    + " and " + d[1]);
        }
        backtester = new Backtester(ExtensionCatalog.of(List.of(new ExtensionInfo(ExtensionKind.STRATEGY,
                new Idle(), "benchmark"))));
        config = new BacktestConfig(INSTRUMENT, new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO,
                new ExtensionRef("idle", Map.of()), List.of(), null, List.of());
        replay(depth, true);
        RecordingTicks.Summary d1 = lastSummary;
        BacktestResult tr = replay(trades, false);
        System.out.println("\nset-up: " + TRADES + " trades, " + DIFFS + " diffs (" + levels + " level updates);"
                + " the depth replay handed " + d1.bookUpdates() + " books over (" + d1.resyncs() + " resyncs),"
                + " the trade replay " + lastSummary.trades() + " trades in " + tr.barCount() + " bars");
    }

    private RecordingTicks.Summary lastSummary;
    private long levels;

    /** Replays a copy; a depth-only one makes no bar, so its run ends in "no bars" after the whole replay. */
    private BacktestResult replay(Path copy, boolean onBook) throws IOException {
        try (RecordingTicks ticks = LoopedRecordings.replay(copy, BTC, Timeframe.parse("1s"))) {
            try {
                return backtester.open(config, Timeframe.parse("1s"), ticks, new SessionListener() { })
                        .fillOnBook(onBook ? BookFills.of(BigDecimal.ZERO) : null).run(BacktestProgress.NONE);
            } catch (IllegalArgumentException e) {
                if (!onBook) {
                    throw e;
                }
                return null;
            } finally {
                lastSummary = ticks.summary();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(TRADES)
    public Object trades() throws IOException {
        return replay(trades, false);
    }

    @Benchmark
    @OperationsPerInvocation(DIFFS)
    public Object depth() throws IOException {
        return replay(depth, true);
    }

    @TearDown
    public void delete() throws IOException {
        Files.deleteIfExists(trades);
        Files.deleteIfExists(depth);
        Files.deleteIfExists(dir);
    }
}
