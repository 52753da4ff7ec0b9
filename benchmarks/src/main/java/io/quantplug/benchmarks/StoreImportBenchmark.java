package io.quantplug.benchmarks;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.store.BarStore;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Bulk import into the bar store, from a warm JVM, on H2 (JDBC batches) and PostgreSQL 18 (binary COPY): the three
 * 50,000-bar BTCUSDT chunks of {@code binance-spot-1m-btc-eth-2021-2023} (150,000 real rows) into an empty
 * {@code bars} table per invocation, three imports, each one transaction with its overlap check. Scores are rows per
 * second.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StoreImportBenchmark {


    @Param({"H2", "POSTGRESQL"})
    public String vendor;

    private BenchmarkDatabases databases;
    private Store store;
    private BarSeries[] chunks;
    private Instrument imported;

    @Setup(Level.Trial)
    public void open() {
        chunks = BenchmarkData.btcChunks();
        databases = new BenchmarkDatabases(vendor);
        store = Store.open(databases.settings);
        imported = Instrument.spot(InstrumentId.of("BTCUSDT", "BINANCE"), "BTC", "USDT", new BigDecimal("0.01"),
                new BigDecimal("0.00001"), new BigDecimal("10"));
    }

    @Setup(Level.Invocation)
    public void emptyTheBarsTable() throws SQLException {
        try (Connection c = store.database().connection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE TABLE bars");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        databases.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    @OperationsPerInvocation(150_000)
    public int importBars() {
        int n = 0;
        for (BarSeries chunk : chunks) {
            BarStore.ImportResult r = store.bars().importBars(imported, chunk);
            n += r.inserted();
        }
        if (n != 150_000) {
            throw new IllegalStateException("imported " + n + " bars, expected 150,000");
        }
        return n;
    }
}
