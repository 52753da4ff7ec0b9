package io.quantplug.runtime.data;

import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarFileCacheTest {

    @TempDir
    Path dir;

    /** A parser that counts its parses. */
    private static final class CountingReader implements Function<Path, LoadedBars> {
        final AtomicInteger parses = new AtomicInteger();

        @Override
        public LoadedBars apply(Path file) {
            parses.incrementAndGet();
            return new BarFileReader().read(file);
        }
    }

    private static void assertSame(LoadedBars a, LoadedBars b) {
        assertThat(b.report()).isEqualTo(a.report());
        BarSeries x = a.series();
        BarSeries y = b.series();
        assertThat(y.size()).isEqualTo(x.size());
        assertThat(y.timeframe()).isEqualTo(x.timeframe());
        for (int i = 0; i < x.size(); i++) {
            assertThat(y.openTimeMillis(i)).isEqualTo(x.openTimeMillis(i));
            assertThat(new double[] {y.open(i), y.high(i), y.low(i), y.close(i), y.volume(i)})
                    .containsExactly(x.open(i), x.high(i), x.low(i), x.close(i), x.volume(i));
        }
    }

    @Test
    void aRealFileIsParsedOnceAndLoadsBackBitForBit() throws IOException {
        Path csv = dir.resolve("BTCUSDT_1m.csv");
        Files.copy(SharedData.require("binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv"), csv);
        CountingReader reader = new CountingReader();
        BarFileCache cache = new BarFileCache(dir.resolve("cache"));

        LoadedBars first = cache.read(csv, reader);
        LoadedBars second = cache.read(csv, reader);

        assertThat(reader.parses).hasValue(1);
        assertThat(first.series().size()).isEqualTo(30_240);
        assertSame(new BarFileReader().read(csv), second);
        try (var entries = Files.list(dir.resolve("cache"))) {
            assertThat(entries.toList()).hasSize(1);
        }
    }

    @Test
    void aChangedFileIsParsedAgainEvenWithItsSizeAndTimeKept() throws IOException {
        Path csv = dir.resolve("ETHUSDT_1h.csv");
        Files.writeString(csv, "timestamp,open,high,low,close,volume\n"
                + "2023-03-01 00:00:00,1600.5,1610,1590,1605.25,10\n"
                + "2023-03-01 01:00:00,1605.25,1620,1600,1615.75,12\n");
        FileTime time = Files.getLastModifiedTime(csv);
        CountingReader reader = new CountingReader();
        BarFileCache cache = new BarFileCache(dir.resolve("cache"));
        assertThat(cache.read(csv, reader).series().close(1)).isEqualTo(1615.75);

        // one digit changed, same length, modification time put back: only the checksum tells
        Files.writeString(csv, Files.readString(csv).replace("1615.75", "1615.76"));
        Files.setLastModifiedTime(csv, time);
        assertThat(cache.read(csv, reader).series().close(1)).isEqualTo(1615.76);
        assertThat(reader.parses).hasValue(2);

        // a touched file too; then a damaged entry is parsed around, and a bad file is refused as without a cache
        Files.setLastModifiedTime(csv, FileTime.fromMillis(time.toMillis() + 60_000));
        cache.read(csv, reader);
        assertThat(reader.parses).hasValue(3);
        try (var entries = Files.list(dir.resolve("cache"))) {
            Path entry = entries.findFirst().orElseThrow();
            Files.write(entry, new byte[] {1, 2, 3});
        }
        assertThat(cache.read(csv, reader).series().close(1)).isEqualTo(1615.76);
        assertThat(reader.parses).hasValue(4);
        Files.writeString(csv, "timestamp,open,high,low,close,volume\n2023-03-01 00:00:00,x,1,1,1,1\n");
        assertThatThrownBy(() -> cache.read(csv, reader)).isInstanceOf(DataImportException.class)
                .hasMessageStartingWith(csv + ":2:");
    }
}
