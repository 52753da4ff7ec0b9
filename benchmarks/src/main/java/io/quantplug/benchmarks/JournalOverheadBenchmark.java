package io.quantplug.benchmarks;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.store.Journal;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What journaling costs the engine: the walking-skeleton session benchmark (SMA 10/30 on 50,000 real BTCUSDT
 * one-minute bars, engine + venue + portfolio) with and without a {@code JournalingListener} that journals every
 * signal, order, order event, fill and position (about 11,700 records per run) to the store.
 *
 * <p>The timed region is the engine's run; the journal's writer thread drains to the database on its own thread
 * (grouping records for up to 10 ms). After each run, outside the timed region, the benchmark spins until the
 * journal has written everything, so no run's backlog slows the next and nothing is measured that was not stored.
 *
 * <p>Every variant waits the same {@link #GAP_MILLIS} between runs, or longer when the journal needs longer (the
 * trial's last line says how often): a pause between runs slows the next run by itself on this machine (the bare
 * session with a 15 ms spin between runs scored 20–24 M bars/s against 28–32 M back to back; BENCHMARKS.md), so a
 * bare variant run back to back against a journaled one that waits for its writer would charge that pause to
 * journaling. What the writer does during the gap (its garbage, its cache footprint) stays charged to journaling.
 *
 * <p>Scores are bars per second of the engine. The same GC (Parallel, the throughput collector) as the
 * walking-skeleton benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class JournalOverheadBenchmark {

    /** The untimed gap between two runs of every variant, milliseconds: longer than most journaled drains on H2. */
    static final long GAP_MILLIS = 100;

    @Param({"H2", "POSTGRESQL"})
    public String vendor;

    private List<Bar> bars;
    private Instrument instrument;
    private Backtester backtester;
    private BacktestConfig config;
    private BenchmarkDatabases databases;
    private Store store;
    private Journal journal;
    private SessionListener listener;
    private ResultDocument.Run runBlock;
    private long gaps;
    private long longGaps;

    @Setup(Level.Trial)
    public void load() {
        BarSeries series = new BarFileReader().read(BenchmarkData.file(SmaCrossoverBacktestBenchmark.FILE)).series();
        InstrumentId id = InstrumentId.of("BTCUSDT", "BINANCE");
        bars = series.toBars(id);
        instrument = Instrument.spot(id, "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
                new BigDecimal("10"));
        ExtensionCatalog catalog = ExtensionCatalog.of(
                ExtensionCatalog.fromClassPath(JournalOverheadBenchmark.class.getClassLoader()));
        backtester = new Backtester(catalog);
        config = new BacktestConfig(instrument, new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO,
                ExtensionRef.parse("sma-crossover:fast=10,slow=30"), List.of(), null, List.of());
        databases = new BenchmarkDatabases(vendor);
        store = Store.open(databases.settings);
        journal = store.journal();
        runBlock = new ResultDocument.Run("0.1.0", id.toString(), "1m", Instant.ofEpochMilli(bars.get(0).openTimeMillis()),
                Instant.ofEpochMilli(bars.get(bars.size() - 1).openTimeMillis()), bars.size(), "USDT",
                new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO, instrument.tickSize(), instrument.lotSize(),
                "sma-crossover", List.of(), null, List.of(), Map.of());
    }

    @Setup(Level.Invocation)
    public void newRun() {
        long runId = store.runs().start(RunStore.Mode.BACKTEST, runBlock, "bench");
        listener = store.runs().listener(runId, journal, new SessionListener() { });
    }

    @TearDown(Level.Invocation)
    public void awaitJournal() {
        // Spin rather than sleep: a thread that sleeps between runs starts the next one on a cold core.
        long start = System.nanoTime();
        long gapEnd = start + TimeUnit.MILLISECONDS.toNanos(GAP_MILLIS);
        long target = journal.appendedSequence();
        long deadline = start + TimeUnit.MINUTES.toNanos(1);
        while (journal.durableSequence() < target) {
            if (System.nanoTime() > deadline || journal.stats().failure() != null) {
                throw new IllegalStateException("journal did not catch up: " + journal.stats());
            }
            Thread.onSpinWait();
        }
        gaps++;
        if (System.nanoTime() > gapEnd) {
            longGaps++;
        }
        while (System.nanoTime() < gapEnd) {
            Thread.onSpinWait();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        System.out.printf("%n%d of %d gaps between runs were longer than %d ms (the journal was still writing)%n",
                longGaps, gaps, GAP_MILLIS);
        Journal.Stats stats = journal.close(Duration.ofMinutes(1));
        if (stats.unwritten() > 0) {
            throw new IllegalStateException("journal lost records: " + stats);
        }
        store.close();
        databases.close();
    }

    private EquityCurve run(SessionListener l) {
        return backtester.open(config, Timeframe.M1, BarSource.of(bars), l).execute(BacktestProgress.NONE).equity();
    }

    /** The same session with no listener: the baseline. */
    @Benchmark
    @OperationsPerInvocation(SmaCrossoverBacktestBenchmark.BARS)
    public EquityCurve sessionAlone() {
        return run(new SessionListener() { });
    }

    /** Control: a listener that only keeps what it is told (the cost of listening, without a journal). */
    @Benchmark
    @OperationsPerInvocation(SmaCrossoverBacktestBenchmark.BARS)
    public EquityCurve sessionCollecting() {
        java.util.ArrayList<Object> sink = new java.util.ArrayList<>();
        return run(new SessionListener() {
            @Override
            public void onSignal(long timeMillis, String strategy, io.quantplug.api.signal.Signal signal, String outcome) {
                sink.add(outcome);
            }

            @Override
            public void onOrderSubmitted(long timeMillis, String strategy, io.quantplug.api.order.Order order) {
                sink.add(order);
            }

            @Override
            public void onOrderEvent(String strategy, io.quantplug.api.order.OrderEvent event) {
                sink.add(event);
            }

            @Override
            public void onPositionChanged(io.quantplug.runtime.session.PositionChange change) {
                sink.add(change);
            }
        });
    }

    /** The session journaling to the store. */
    @Benchmark
    @OperationsPerInvocation(SmaCrossoverBacktestBenchmark.BARS)
    public EquityCurve sessionJournaled() {
        return run(listener);
    }
}
