package io.quantplug.benchmarks;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.store.Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reading 1,000,000 stored one-minute bars back into a {@code BarSeries} for a backtest, from a warm JVM, on H2 and
 * PostgreSQL 18. The million are the 150,000 real BTCUSDT bars of {@code binance-spot-1m-btc-eth-2021-2023} tiled
 * six times and a part, with their times shifted, since no real one-minute file here is that long. Scores are
 * milliseconds per read. {@code readMillionBars} reads the rows; {@code readMillionBarsFromCopy} reads through a
 * store that keeps columnar copies of its series in a local folder (the command line's default): the first read
 * makes the copy (in the set-up), every measured read checks the series' bar count and loads the copy.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StoreReadBenchmark {

    static final int MILLION = 1_000_000;

    @Param({"H2", "POSTGRESQL"})
    public String vendor;

    private BenchmarkDatabases databases;
    private Store store;
    private Store withCopies;
    private Path copies;
    private BarSeries[] chunks;
    private Instrument million;

    @Setup(Level.Trial)
    public void open() {
        chunks = BenchmarkData.btcChunks();
        databases = new BenchmarkDatabases(vendor);
        store = Store.open(databases.settings);
        million = Instrument.spot(InstrumentId.of("BTCMILLION", "BENCH"), "BTC", "USDT", new BigDecimal("0.01"),
                new BigDecimal("0.00001"), new BigDecimal("10"));
        store.bars().importBars(million, tiled(MILLION));
        try {
            copies = Files.createTempDirectory("quantplug-series");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        withCopies = Store.open(databases.settings, Clock.systemUTC(), copies);
        withCopies.bars().read(million.id(), Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE); // makes the copy
    }

    /** The real bars, repeated with times shifted past the previous copy, up to {@code n} bars. */
    private BarSeries tiled(int n) {
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        long shift = 0;
        long last = Long.MIN_VALUE;
        int k = 0;
        while (k < n) {
            for (BarSeries s : chunks) {
                for (int i = 0; i < s.size() && k < n; i++, k++) {
                    long time = s.openTimeMillis(i) + shift;
                    if (time <= last) {
                        shift += last - time + 60_000;
                        time = s.openTimeMillis(i) + shift;
                    }
                    t[k] = time;
                    last = time;
                    o[k] = s.open(i);
                    h[k] = s.high(i);
                    l[k] = s.low(i);
                    c[k] = s.close(i);
                    v[k] = s.volume(i);
                }
            }
        }
        return BarSeries.of(Timeframe.M1, t, o, h, l, c, v);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        withCopies.close();
        try (Stream<Path> files = Files.walk(copies)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        store.close();
        databases.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public BarSeries readMillionBars() {
        BarSeries s = store.bars().read(million.id(), Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE);
        if (s.size() != MILLION) {
            throw new IllegalStateException("read " + s.size() + " bars, expected 1,000,000");
        }
        return s;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public BarSeries readMillionBarsFromCopy() {
        BarSeries s = withCopies.bars().read(million.id(), Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE);
        if (s.size() != MILLION) {
            throw new IllegalStateException("read " + s.size() + " bars, expected 1,000,000");
        }
        return s;
    }
}
