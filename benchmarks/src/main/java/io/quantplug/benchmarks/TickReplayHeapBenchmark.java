package io.quantplug.benchmarks;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.app.LoopedRecordings;
import io.quantplug.app.RecordingTicks;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the heap stays flat over a replay 100 times the size of a shared recording (issue 16): the USD-M BTCUSDT
 * recording of 2024-08-08 repeated {@value #LOOPS} times ({@link LoopedRecordings}: 2.1 M trades and 655 k depth
 * diffs, trades, book and bars), replayed once through the engine with fills on the book in a 256 MB heap. A
 * strategy that otherwise does nothing measures the heap used after a full collection at every tenth of the
 * trades; the samples are printed at tear-down. The score is the replay's time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx256m"})
public class TickReplayHeapBenchmark {

    static final int LOOPS = 100;
    static final long TRADES = 21_313L * LOOPS;

    /** Samples the heap after a full collection every tenth of the trades. */
    public static final class HeapSampler implements StrategyProvider {
        static final List<String> SAMPLES = new ArrayList<>();

        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("heap-sampler", "Heap sampler", "Samples the heap.",
                    ParameterSchema.empty());
        }

        @Override
        public Strategy create(StrategyContext ctx) {
            return new Strategy() {
                private long trades;

                @Override
                public void onBar(Bar bar) {
                }

                @Override
                public void onTrade(TradeTick trade) {
                    if (++trades % (TRADES / 10) == 0 || trades == 1_000) {
                        System.gc();
                        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                        SAMPLES.add(trades + " trades: " + used / (1024 * 1024) + " MB");
                    }
                }
            };
        }
    }

    private Path dir;
    private Path copy;
    private long fileBytes;

    @Setup
    public void write() throws IOException {
        dir = Files.createTempDirectory("tick-heap");
        copy = dir.resolve("all.ticks");
        LoopedRecordings.write(BenchmarkData.file(TickReplayBenchmark.RECORDING), LOOPS,
                LoopedRecordings.Content.ALL, copy);
        fileBytes = Files.size(copy);
    }

    @Benchmark
    public Object replay() throws IOException {
        Backtester backtester = new Backtester(ExtensionCatalog.of(List.of(new ExtensionInfo(ExtensionKind.STRATEGY,
                new HeapSampler(), "benchmark"))));
        BacktestConfig config = new BacktestConfig(TickReplayBenchmark.INSTRUMENT, new BigDecimal("10000"),
                BigDecimal.ZERO, BigDecimal.ZERO, new ExtensionRef("heap-sampler", Map.of()), List.of(), null,
                List.of());
        try (RecordingTicks ticks = LoopedRecordings.replay(copy, TickReplayBenchmark.BTC, Timeframe.parse("1s"))) {
            Object r = backtester.open(config, Timeframe.parse("1s"), ticks, new SessionListener() { })
                    .fillOnBook(BookFills.of(BigDecimal.ZERO)).run(BacktestProgress.NONE);
            HeapSampler.SAMPLES.add("replayed " + ticks.summary() + " from " + fileBytes / (1024 * 1024)
                    + " MB");
            return r;
        }
    }

    @TearDown
    public void report() throws IOException {
        System.out.println();
        HeapSampler.SAMPLES.forEach(s -> System.out.println("heap after GC at " + s));
        Files.deleteIfExists(copy);
        Files.deleteIfExists(dir);
    }
}
