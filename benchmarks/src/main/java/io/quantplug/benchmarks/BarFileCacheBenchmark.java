package io.quantplug.benchmarks;

import io.quantplug.benchmarks.command.RandomWalkBars;
import io.quantplug.runtime.data.BarFileCache;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.LoadedBars;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A 1,000,000-bar CSV file (seeded random walk, {@link RandomWalkBars}) read through the bar cache: parsing the text
 * ({@code parse}: what the first backtest of a file does) against loading the cached columns ({@code cached}: every
 * later one, which also checks the file's size, time and CRC-32C). Milliseconds per read, from the OS page cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BarFileCacheBenchmark {

    static final int BARS = 1_000_000;

    private Path dir;
    private Path csv;
    private BarFileCache cache;
    private final BarFileReader reader = new BarFileReader();

    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Files.createTempDirectory("quantplug-cache-bench");
        csv = dir.resolve("BTCUSDT_1m.csv");
        RandomWalkBars.main(new String[] {Integer.toString(BARS), csv.toString()});
        cache = new BarFileCache(dir.resolve("cache"));
        cache.read(csv, reader::read); // fills the cache
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static LoadedBars checked(LoadedBars loaded) {
        if (loaded.series().size() != BARS) {
            throw new IllegalStateException("read " + loaded.series().size() + " bars, expected " + BARS);
        }
        return loaded;
    }

    @Benchmark
    public LoadedBars parse() {
        return checked(reader.read(csv));
    }

    @Benchmark
    public LoadedBars cached() {
        return checked(cache.read(csv, reader::read));
    }
}
