package io.quantplug.web.session;

import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.DataImportException;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Uploaded bar files, kept in {@code <home>/datasets}. An upload is written to a staging folder, read in full by
 * the runtime's {@link BarFileReader} (so a bad file is refused with its line and reason and never listed), then
 * moved into place. Loaded files are cached by name (upload replaces). Thread-safe.
 */
public final class DataSets {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.csv");

    /**
     * What the API lists of a data set.
     *
     * @param name      the file name
     * @param bytes     its size
     * @param bars      bars in it
     * @param timeframe the bar length, e.g. {@code 1m}
     * @param first     the first bar's open time
     * @param last      the last bar's open time
     * @param gaps      how many gaps the file has
     */
    public record Info(String name, long bytes, int bars, String timeframe, Instant first, Instant last, int gaps) {
    }

    private final Path directory;
    private final long maxBytes;
    private final Map<String, LoadedBars> cache = new ConcurrentHashMap<>();

    /**
     * Opens the folder, creating it when missing.
     *
     * @param directory the folder
     * @param maxBytes  the largest CSV accepted, bytes ({@link io.quantplug.web.ServerLimits#datasetBytes()})
     */
    public DataSets(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(directory.resolve(".incoming"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    /**
     * Stores an uploaded file after reading it in full.
     *
     * @param name    the file name, e.g. {@code BTCUSDT_1m.csv}
     * @param content the bytes
     * @return what was stored
     * @throws ApiException 400 naming {@code file} when the name is not allowed or the file is not a bar file
     *                      (with line and reason), 413 when it is over the limit
     */
    public Info upload(String name, InputStream content) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badField("file", "a data set's file name must be 1-100 letters, digits, '.', '_'"
                    + " or '-' ending in .csv, got '" + io.quantplug.web.Json.brief(name) + "'");
        }
        Path staged = directory.resolve(".incoming").resolve(name);
        try {
            long n = Files.copy(new LimitedStream(content, maxBytes), staged, StandardCopyOption.REPLACE_EXISTING);
            if (n == 0) {
                throw ApiException.badField("file", name + " is empty");
            }
            LoadedBars loaded;
            try {
                loaded = new BarFileReader().read(staged);
            } catch (DataImportException e) {
                throw ApiException.badField("file", e.getMessage().replace(staged.toString(), name));
            }
            Path target = directory.resolve(name);
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            cache.put(name, loaded);
            return info(name, target, loaded);
        } catch (LimitedStream.TooLarge e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store data set " + name, e);
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // a stale staging file is replaced by the next upload of the name
            }
        }
    }

    /**
     * The answer to an upload over the limit.
     *
     * @return a 413 naming {@code file}
     */
    public ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "file", "a data set may have at most "
                + (maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MiB" : maxBytes + " bytes"));
    }

    /**
     * The largest upload accepted.
     *
     * @return bytes
     */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Every stored data set, by name.
     *
     * @return the list
     */
    public List<Info> list() {
        List<Info> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (NAME.matcher(name).matches()) {
                    out.add(info(name, f, load(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return out;
    }

    /**
     * The bars of a data set.
     *
     * @param name  the name
     * @param field the request field that named it, for the error
     * @return the bars and the import report
     * @throws ApiException 400 naming the field when there is no such data set
     */
    public LoadedBars load(String name, String field) {
        if (name == null || !NAME.matcher(name).matches() || !Files.isRegularFile(directory.resolve(name))) {
            throw ApiException.badField(field, "no data set '" + name + "' (see GET /api/datasets)");
        }
        return load(name);
    }

    /**
     * The file of a data set.
     *
     * @param name a name {@link #load(String, String)} accepted
     * @return the path
     */
    public Path file(String name) {
        return directory.resolve(name);
    }

    private LoadedBars load(String name) {
        return cache.computeIfAbsent(name, n -> new BarFileReader().read(directory.resolve(n)));
    }

    private static Info info(String name, Path file, LoadedBars loaded) throws UncheckedIOException {
        try {
            var s = loaded.series();
            return new Info(name, Files.size(file), s.size(), s.timeframe().label(),
                    Instant.ofEpochMilli(s.openTimeMillis(0)), Instant.ofEpochMilli(s.openTimeMillis(s.size() - 1)),
                    loaded.report().gaps().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops reading past a limit. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private long left;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw new TooLarge();
                }
            }
            return n;
        }

        /** The stream went past the limit. */
        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;
        }
    }
}
