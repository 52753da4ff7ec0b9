package io.quantplug.runtime.data;

import io.quantplug.api.market.Timeframe;

import java.io.Closeable;
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
import java.time.Duration;

/**
 * Little-endian binary files of bar columns, read and written through a 1 MiB buffer so that a series of millions
 * of bars moves between disk and its arrays with nothing else held: the bar cache of parsed files
 * ({@link BarFileCache}) and the columnar copies of stored series use it. A series is written as its timeframe in
 * milliseconds, its bar count, then the open times ({@code long}) and the opens, highs, lows, closes and volumes
 * ({@code double}), each field contiguous; what comes before it (a header of the caller's) is the caller's.
 *
 * <p>Not thread-safe: one thread per reader or writer. Files are written to a temporary file in the target's folder
 * and moved into place ({@link #writeAtomically}), so a reader sees a whole file or none.
 */
public final class ColumnFiles {

    private static final int BUFFER = 1 << 20;

    private ColumnFiles() {
    }

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Content {

        /**
         * Writes the content.
         *
         * @param out where to
         * @throws IOException when writing fails
         */
        void write(Writer out) throws IOException;
    }

    /**
     * Writes a file whole or not at all: to a temporary file beside it, then moved into place (replacing one that
     * is there).
     *
     * @param target  the file
     * @param content what to write
     * @throws IOException when the folder cannot be made or a write fails (the target is then unchanged)
     */
    public static void writeAtomically(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "columns", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE); Writer out = new Writer(ch)) {
                content.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a column file from its start. */
    public static final class Reader implements Closeable {

        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);

        /**
         * Opens a file.
         *
         * @param file the file
         * @throws IOException when it cannot be opened
         */
        public Reader(Path file) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            buffer.limit(0);
        }

        /** Makes at least {@code bytes} (at most the buffer's size) readable, or fails at the end of the file. */
        private void need(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return;
            }
            buffer.compact();
            while (buffer.position() < bytes) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("column file ends early");
                }
            }
            buffer.flip();
        }

        /**
         * The next {@code int}.
         *
         * @return the value
         * @throws IOException at the end of the file
         */
        public int getInt() throws IOException {
            need(Integer.BYTES);
            return buffer.getInt();
        }

        /**
         * The next {@code long}.
         *
         * @return the value
         * @throws IOException at the end of the file
         */
        public long getLong() throws IOException {
            need(Long.BYTES);
            return buffer.getLong();
        }

        /**
         * The next {@code double}.
         *
         * @return the value
         * @throws IOException at the end of the file
         */
        public double getDouble() throws IOException {
            need(Double.BYTES);
            return buffer.getDouble();
        }

        /**
         * The next byte.
         *
         * @return the value
         * @throws IOException at the end of the file
         */
        public byte getByte() throws IOException {
            need(1);
            return buffer.get();
        }

        /**
         * The next string: its UTF-8 length as an {@code int}, then its bytes.
         *
         * @return the text
         * @throws IOException at the end of the file, or for a length that cannot be one
         */
        public String string() throws IOException {
            int length = getInt();
            if (length < 0 || length > BUFFER) {
                throw new IOException("bad string length " + length);
            }
            need(length);
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /**
         * The next series, as {@link Writer#series} wrote it; its arrays are new and handed to the series.
         *
         * @return the series
         * @throws IOException              at the end of the file, or for a count that cannot be one
         * @throws IllegalArgumentException when the columns are not a valid series (as {@link BarSeries#of})
         */
        public BarSeries series() throws IOException {
            Timeframe timeframe = Timeframe.of(Duration.ofMillis(getLong()));
            int n = getInt();
            if (n < 0) {
                throw new IOException("bad bar count " + n);
            }
            long[] times = new long[n];
            for (int done = 0; done < n; ) {
                need(Long.BYTES);
                int count = Math.min(buffer.remaining() / Long.BYTES, n - done);
                buffer.asLongBuffer().get(times, done, count);
                buffer.position(buffer.position() + count * Long.BYTES);
                done += count;
            }
            double[][] columns = new double[5][n];
            for (double[] column : columns) {
                for (int done = 0; done < n; ) {
                    need(Double.BYTES);
                    int count = Math.min(buffer.remaining() / Double.BYTES, n - done);
                    buffer.asDoubleBuffer().get(column, done, count);
                    buffer.position(buffer.position() + count * Double.BYTES);
                    done += count;
                }
            }
            return BarSeries.adopt(timeframe, times, columns[0], columns[1], columns[2], columns[3], columns[4]);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Writes a column file from its start; {@link #close} writes what is buffered. */
    public static final class Writer implements Closeable {

        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);

        Writer(FileChannel channel) {
            this.channel = channel;
        }

        private ByteBuffer room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
            return buffer;
        }

        /**
         * Writes an {@code int}.
         *
         * @param v the value
         * @return this writer
         * @throws IOException when writing fails
         */
        public Writer putInt(int v) throws IOException {
            room(Integer.BYTES).putInt(v);
            return this;
        }

        /**
         * Writes a {@code long}.
         *
         * @param v the value
         * @return this writer
         * @throws IOException when writing fails
         */
        public Writer putLong(long v) throws IOException {
            room(Long.BYTES).putLong(v);
            return this;
        }

        /**
         * Writes a {@code double}.
         *
         * @param v the value
         * @return this writer
         * @throws IOException when writing fails
         */
        public Writer putDouble(double v) throws IOException {
            room(Double.BYTES).putDouble(v);
            return this;
        }

        /**
         * Writes a byte.
         *
         * @param v the value, 0 to 255
         * @return this writer
         * @throws IOException when writing fails
         */
        public Writer putByte(int v) throws IOException {
            room(1).put((byte) v);
            return this;
        }

        /**
         * Writes a string as its UTF-8 length and bytes.
         *
         * @param text the text, at most 1 MiB of UTF-8
         * @return this writer
         * @throws IOException when it is longer or writing fails
         */
        public Writer string(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > BUFFER - Integer.BYTES) {
                throw new IOException("text too long for a column file: " + bytes.length + " bytes");
            }
            room(Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes);
            return this;
        }

        /**
         * Writes a series: timeframe, count, then each field's column.
         *
         * @param s the series
         * @return this writer
         * @throws IOException when writing fails
         */
        public Writer series(BarSeries s) throws IOException {
            int n = s.size();
            putLong(s.timeframe().millis()).putInt(n);
            for (int i = 0; i < n; i++) {
                room(Long.BYTES).putLong(s.openTimeMillis(i));
            }
            for (int i = 0; i < n; i++) {
                room(Double.BYTES).putDouble(s.open(i));
            }
            for (int i = 0; i < n; i++) {
                room(Double.BYTES).putDouble(s.high(i));
            }
            for (int i = 0; i < n; i++) {
                room(Double.BYTES).putDouble(s.low(i));
            }
            for (int i = 0; i < n; i++) {
                room(Double.BYTES).putDouble(s.close(i));
            }
            for (int i = 0; i < n; i++) {
                room(Double.BYTES).putDouble(s.volume(i));
            }
            return this;
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
