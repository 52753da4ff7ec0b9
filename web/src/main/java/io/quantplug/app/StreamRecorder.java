package io.quantplug.app;

import io.quantplug.api.exchange.RawMarketListener;
import io.quantplug.api.instrument.InstrumentId;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an exchange adapter's raw market data ({@link io.quantplug.api.exchange.ExchangeAdapter#connectRaw}) to a
 * recording file in the format of the shared {@code binance-ws-raw} recordings (hftbacktest's collector): one line
 * per message, {@code <local receive time, UTC epoch ns> <text as received>}, the REST depth snapshots as lines of
 * their bare JSON body; gzip when the file name ends in {@code .gz}. {@code BinanceRecordingReader} reads it back.
 *
 * <p>It stops writing after {@code maxMessages} stream messages (snapshots are not counted) or after a write
 * failure, and then runs {@code onEnd} once (on the adapter's thread). {@link #close()} finishes the file (the gzip
 * trailer), after which it is a valid recording. Counts per stream name (the {@code stream} field of the
 * combined-stream envelope), snapshots, reconnects and bytes are kept for the summary.
 *
 * <p>Threading: the adapter calls the listener methods one at a time; {@link #summary()}, {@link #stop()} and
 * {@link #close()} may be called from other threads (all methods are synchronized).
 */
public final class StreamRecorder implements RawMarketListener, AutoCloseable {

    private static final String ENVELOPE = "{\"stream\":\"";

    private final Path file;
    private final CountingStream counted;
    private final Writer out;
    private final long maxMessages;
    private final Runnable onEnd;
    private final Consumer<String> connectionLog;
    private final Map<String, Long> perStream = new LinkedHashMap<>();
    private long messages;
    private long snapshots;
    private long connects;
    private boolean stopped;
    private boolean closed;
    private IOException failure;

    /**
     * What was recorded.
     *
     * @param perStream    stream messages by stream name (e.g. {@code btcusdt@trade}), in order of first arrival
     * @param messages     stream messages written
     * @param snapshots    depth snapshots written
     * @param reconnects   connections after the first
     * @param bytes        bytes written before compression
     */
    public record Summary(Map<String, Long> perStream, long messages, long snapshots, long reconnects, long bytes) {

        /**
         * Copies the map, keeping its order.
         *
         * @param perStream  messages by stream name
         * @param messages   stream messages
         * @param snapshots  snapshots
         * @param reconnects reconnects
         * @param bytes      bytes before compression
         */
        public Summary {
            perStream = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perStream));
        }
    }

    private StreamRecorder(Path file, OutputStream raw, long maxMessages, Runnable onEnd,
                           Consumer<String> connectionLog) throws IOException {
        this.file = file;
        this.counted = new CountingStream(file.getFileName().toString().endsWith(".gz")
                ? new GZIPOutputStream(raw, 1 << 16) : raw);
        this.out = new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8), 1 << 16);
        this.maxMessages = maxMessages;
        this.onEnd = onEnd;
        this.connectionLog = connectionLog;
    }

    /**
     * Creates the file (it must not exist) and a recorder writing to it.
     *
     * @param file          the recording, gzip when its name ends in {@code .gz}
     * @param maxMessages   stream messages after which it stops, &ge; 1 ({@link Long#MAX_VALUE}: no limit)
     * @param onEnd         run once when the limit is reached or a write failed
     * @param connectionLog receives each connection change as {@code connected: <detail>} or
     *                      {@code disconnected: <detail>}
     * @return the recorder, to be closed
     * @throws UserInputException naming {@code --out} when the file exists or cannot be created
     */
    public static StreamRecorder create(Path file, long maxMessages, Runnable onEnd, Consumer<String> connectionLog) {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be >= 1, got " + maxMessages);
        }
        Objects.requireNonNull(onEnd, "onEnd");
        Objects.requireNonNull(connectionLog, "connectionLog");
        OutputStream raw = null;
        try {
            raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new StreamRecorder(file, raw, maxMessages, onEnd, connectionLog);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw exists(file);
        } catch (IOException e) {
            if (raw != null) {
                try {
                    raw.close();
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
            throw new UserInputException("--out: cannot write " + file + ": " + describe(e));
        }
    }

    /**
     * Checks, before anything is connected, that {@link #create} can make the file: it does not exist and its
     * folder exists and is writable.
     *
     * @param file the recording to be
     * @throws UserInputException naming {@code --out} and what is wrong
     */
    public static void requireCreatable(Path file) {
        if (Files.exists(file)) {
            throw exists(file);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserInputException("--out: folder " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new UserInputException("--out: cannot write in folder " + parent);
        }
    }

    private static UserInputException exists(Path file) {
        return new UserInputException("--out: " + file + " exists; give a new file name (a recording is never"
                + " overwritten)");
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    @Override
    public synchronized void onStreamMessage(long receiveTimeNanos, String text) {
        if (stopped) {
            return;
        }
        if (!write(receiveTimeNanos, text)) {
            return;
        }
        messages++;
        perStream.merge(streamName(text), 1L, Long::sum);
        if (messages >= maxMessages) {
            end();
        }
    }

    @Override
    public synchronized void onBookSnapshot(long receiveTimeNanos, InstrumentId instrument, String text) {
        if (!stopped && write(receiveTimeNanos, text)) {
            snapshots++;
        }
    }

    @Override
    public synchronized void onConnectionChange(boolean connected, String detail) {
        if (connected) {
            connects++;
        }
        if (!stopped) {
            connectionLog.accept((connected ? "connected: " : "disconnected: ") + detail);
        }
    }

    private boolean write(long receiveTimeNanos, String text) {
        try {
            out.write(Long.toString(receiveTimeNanos));
            out.write(' ');
            out.write(text);
            out.write('\n');
            return true;
        } catch (IOException e) {
            failure = e;
            end();
            return false;
        }
    }

    private void end() {
        if (!stopped) {
            stopped = true;
            onEnd.run();
        }
    }

    private static String streamName(String text) {
        if (text.startsWith(ENVELOPE)) {
            int end = text.indexOf('"', ENVELOPE.length());
            if (end > 0) {
                return text.substring(ENVELOPE.length(), end);
            }
        }
        return "(other)";
    }

    /** Writes nothing more (messages still arriving are dropped); does not close the file. */
    public synchronized void stop() {
        stopped = true;
    }

    /**
     * The counts so far.
     *
     * @return the summary
     */
    public synchronized Summary summary() {
        return new Summary(perStream, messages, snapshots, Math.max(0, connects - 1), counted.count);
    }

    /**
     * Why writing stopped early, if it did.
     *
     * @return the write failure, or null
     */
    public synchronized IOException failure() {
        return failure;
    }

    /**
     * Stops and finishes the file: flushes, writes the gzip trailer, closes; idempotent.
     *
     * @throws UncheckedIOException naming the file when finishing it fails
     */
    @Override
    public synchronized void close() {
        stopped = true;
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("finishing " + file + " failed", e);
        }
    }

    /** Counts the bytes written through it. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
