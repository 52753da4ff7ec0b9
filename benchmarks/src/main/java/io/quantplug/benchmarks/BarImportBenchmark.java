package io.quantplug.benchmarks;

import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.LoadedBars;
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
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reading a 50,000-row OHLCV CSV into a checked {@code BarSeries} (parse, validate, order, gap scan), from the OS
 * page cache. Scores are rows per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 3, warmups = 1)
public class BarImportBenchmark {

    private Path file;
    private final BarFileReader reader = new BarFileReader();

    @Setup
    public void locate() {
        file = BenchmarkData.file(SmaCrossoverBacktestBenchmark.FILE);
    }

    @Benchmark
    @OperationsPerInvocation(SmaCrossoverBacktestBenchmark.BARS)
    public LoadedBars readCsv() {
        return reader.read(file);
    }
}
