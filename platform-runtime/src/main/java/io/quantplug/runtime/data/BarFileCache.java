package io.quantplug.runtime.data;

import io.quantplug.api.market.Timeframe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * Parses a bar file once: the bars and the import report of each file read are kept in a cache folder in a
 * columnar binary form (one array per field), and a later read of the same file loads them instead of parsing the
 * text again. An entry is used only when the file has the same absolute path, size, modification time and content
 * checksum (CRC-32C of every byte, RFC 3720 appendix B.4; about 20 ms for 60 MB here) as when it was cached; otherwise
 * the file is parsed and the entry replaced. One entry per path; deleting the folder is always safe.
 *
 * <p>The cache never changes what a read answers: a missing, stale, unreadable or damaged entry means a parse, and a
 * failure to write one is logged and ignored. A file the reader refuses is refused as without the cache.
 *
 * <p>Entry layout (little-endian): magic {@code QPBC}, format version, source path (UTF-8), size, modification time
 * (epoch ms), CRC-32C; the report (layout, time column, timestamp formats, data rows, bars, duplicates dropped,
 * reversed, timeframe in ms, gaps as three longs each, missing bars); then the bar count and the open times
 * ({@code long}) and opens, highs, lows, closes and volumes ({@code double}), each field contiguous.
 *
 * <p>Thread-safe across threads and processes: entries are written to a temporary file and moved into place.
 */
public final class BarFileCache {

    private static final Logger LOG = LoggerFactory.getLogger(BarFileCache.class);
    private static final int MAGIC = 0x43425051; // "QPBC" read little-endian
    private static final int VERSION = 1;

    private final Path directory;

    /**
     * Creates a cache over a folder, which is created when the first entry is written.
     *
     * @param directory where entries go, e.g. {@code ~/.quantplug/cache/bars}
     */
    public BarFileCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
    }

    /**
     * Reads a bar file through the cache.
     *
     * @param file  the bar file
     * @param parse what parses it on a miss, e.g. {@code new BarFileReader()::read}
     * @return the bars and the import report, exactly as {@code parse} gives them
     * @throws DataImportException as {@link BarFileReader#read(Path)}, when {@code parse} refuses the file
     */
    public LoadedBars read(Path file, Function<Path, LoadedBars> parse) {
        Source source = Source.of(file);
        Path entry = source == null ? null : directory.resolve(source.key() + ".bars");
        if (entry != null && Files.isRegularFile(entry)) {
            try {
                LoadedBars hit = load(entry, source, file);
                if (hit != null) {
                    return hit;
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("bar cache entry {} unreadable, parsing {} again: {}", entry, file, e.toString());
            }
        }
        LoadedBars parsed = parse.apply(file);
        if (source != null) {
            try {
                write(entry, source, parsed);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not cache the bars of {} in {}: {}", file, directory, e.toString());
            }
        }
        return parsed;
    }

    /** What identifies a file's content: path, size, modification time and checksum. */
    private record Source(String path, long size, long modifiedMillis, long crc) {

        static Source of(Path file) {
            try {
                Path absolute = file.toAbsolutePath().normalize();
                BasicFileAttributes a = Files.readAttributes(absolute, BasicFileAttributes.class);
                if (!a.isRegularFile()) {
                    return null;
                }
                return new Source(absolute.toString(), a.size(), a.lastModifiedTime().toMillis(), crc(absolute));
            } catch (IOException e) {
                return null; // the reader reports what is wrong with the file
            }
        }

        private static long crc(Path file) throws IOException {
            CRC32C crc = new CRC32C();
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                while (ch.read(buffer) >= 0) {
                    buffer.flip();
                    crc.update(buffer);
                    buffer.clear();
                }
            }
            return crc.getValue();
        }

        /** The entry's file name: the SHA-256 of the path, in hex. */
        String key() {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d, 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }

    private static LoadedBars load(Path entry, Source source, Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(entry, StandardOpenOption.READ)) {
            Input in = new Input(ch);
            if (in.getInt() != MAGIC || in.getInt() != VERSION || !in.string().equals(source.path())
                    || in.getLong() != source.size() || in.getLong() != source.modifiedMillis()
                    || in.getLong() != source.crc()) {
                return null;
            }
            BarFileLayout layout = BarFileLayout.valueOf(in.string());
            String timeColumn = in.string();
            int formatCount = in.getInt();
            Set<TimestampFormat> formats = EnumSet.noneOf(TimestampFormat.class);
            for (int i = 0; i < formatCount; i++) {
                formats.add(TimestampFormat.valueOf(in.string()));
            }
            long dataRows = in.getLong();
            int bars = in.getInt();
            long duplicates = in.getLong();
            boolean reversed = in.getByte() != 0;
            Timeframe timeframe = Timeframe.of(Duration.ofMillis(in.getLong()));
            int gapCount = in.getInt();
            List<Gap> gaps = new ArrayList<>(gapCount);
            for (int i = 0; i < gapCount; i++) {
                gaps.add(new Gap(in.getLong(), in.getLong(), in.getLong()));
            }
            long missing = in.getLong();
            ImportReport report = new ImportReport(file, layout, timeColumn, formats, dataRows, bars, duplicates,
                    reversed, timeframe, gaps, missing);
            Timeframe seriesTimeframe = Timeframe.of(Duration.ofMillis(in.getLong()));
            int n = in.getInt();
            long[] times = new long[n];
            in.longs(times);
            double[][] columns = new double[5][n];
            for (double[] column : columns) {
                in.doubles(column);
            }
            return new LoadedBars(BarSeries.adopt(seriesTimeframe, times, columns[0], columns[1], columns[2],
                    columns[3], columns[4]), report);
        }
    }

    /** Reads an entry through a small buffer, so that loading holds nothing but the columns it fills. */
    private static final class Input {

        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

        Input(FileChannel channel) throws IOException {
            this.channel = channel;
            buffer.limit(0);
        }

        /** Makes at least {@code bytes} (at most the buffer's size) readable, or fails at the end of the entry. */
        private void need(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return;
            }
            buffer.compact();
            while (buffer.position() < bytes) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("cache entry ends early");
                }
            }
            buffer.flip();
        }

        int getInt() throws IOException {
            need(Integer.BYTES);
            return buffer.getInt();
        }

        long getLong() throws IOException {
            need(Long.BYTES);
            return buffer.getLong();
        }

        byte getByte() throws IOException {
            need(1);
            return buffer.get();
        }

        String string() throws IOException {
            int length = getInt();
            if (length < 0 || length > buffer.capacity()) {
                throw new IOException("bad string length " + length);
            }
            need(length);
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        void longs(long[] into) throws IOException {
            for (int done = 0; done < into.length; ) {
                need(Long.BYTES);
                int count = Math.min(buffer.remaining() / Long.BYTES, into.length - done);
                buffer.asLongBuffer().get(into, done, count);
                buffer.position(buffer.position() + count * Long.BYTES);
                done += count;
            }
        }

        void doubles(double[] into) throws IOException {
            for (int done = 0; done < into.length; ) {
                need(Double.BYTES);
                int count = Math.min(buffer.remaining() / Double.BYTES, into.length - done);
                buffer.asDoubleBuffer().get(into, done, count);
                buffer.position(buffer.position() + count * Double.BYTES);
                done += count;
            }
        }
    }

    private void write(Path entry, Source source, LoadedBars loaded) throws IOException {
        BarSeries s = loaded.series();
        ImportReport r = loaded.report();
        int n = s.size();
        Files.createDirectories(directory);
        Path tmp = Files.createTempFile(directory, "entry", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                Output out = new Output(ch);
                out.putInt(MAGIC).putInt(VERSION).string(source.path()).putLong(source.size())
                        .putLong(source.modifiedMillis()).putLong(source.crc());
                out.string(r.layout().name()).string(r.timeColumn()).putInt(r.timestampFormats().size());
                for (TimestampFormat f : r.timestampFormats()) {
                    out.string(f.name());
                }
                out.putLong(r.dataRows()).putInt(r.bars()).putLong(r.exactDuplicatesDropped())
                        .putByte(r.reversed() ? 1 : 0).putLong(r.timeframe().millis()).putInt(r.gaps().size());
                for (Gap g : r.gaps()) {
                    out.putLong(g.lastBarBeforeMillis()).putLong(g.firstBarAfterMillis()).putLong(g.missingBars());
                }
                out.putLong(r.missingBars()).putLong(s.timeframe().millis()).putInt(n);
                for (int i = 0; i < n; i++) {
                    out.putLong(s.openTimeMillis(i));
                }
                for (int i = 0; i < n; i++) {
                    out.putDouble(s.open(i));
                }
                for (int i = 0; i < n; i++) {
                    out.putDouble(s.high(i));
                }
                for (int i = 0; i < n; i++) {
                    out.putDouble(s.low(i));
                }
                for (int i = 0; i < n; i++) {
                    out.putDouble(s.close(i));
                }
                for (int i = 0; i < n; i++) {
                    out.putDouble(s.volume(i));
                }
                out.flush();
            }
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes an entry through a small buffer. */
    private static final class Output {

        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

        Output(FileChannel channel) {
            this.channel = channel;
        }

        private Output room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
            return this;
        }

        Output putInt(int v) throws IOException {
            room(Integer.BYTES).buffer.putInt(v);
            return this;
        }

        Output putLong(long v) throws IOException {
            room(Long.BYTES).buffer.putLong(v);
            return this;
        }

        Output putDouble(double v) throws IOException {
            room(Double.BYTES).buffer.putDouble(v);
            return this;
        }

        Output putByte(int v) throws IOException {
            room(1).buffer.put((byte) v);
            return this;
        }

        Output string(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > buffer.capacity() - Integer.BYTES) {
                throw new IOException("text too long for a cache entry: " + bytes.length + " bytes");
            }
            room(Integer.BYTES + bytes.length).buffer.putInt(bytes.length).put(bytes);
            return this;
        }

        void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }
}
