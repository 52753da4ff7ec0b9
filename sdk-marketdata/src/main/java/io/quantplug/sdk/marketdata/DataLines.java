package io.quantplug.sdk.marketdata;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The lines of one or more text files read in order as one stream, each file plain or gzip (told by its first two
 * bytes, the gzip magic {@code 1f 8b}, RFC 1952 section 2.3.1), holding one line in memory at a time. Knows the file
 * and 1-based line number of the line last returned, for error messages. Not thread-safe.
 */
final class DataLines implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final List<Path> files;
    private int fileIndex = -1;
    private BufferedReader reader;
    private long line;

    DataLines(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files must not be empty");
        }
        this.files = List.copyOf(files);
        for (Path f : this.files) {
            Objects.requireNonNull(f, "files");
        }
    }

    /** The next line, or null after the last line of the last file. */
    String next() {
        try {
            while (true) {
                if (reader == null) {
                    if (fileIndex + 1 == files.size()) {
                        return null;
                    }
                    fileIndex++;
                    line = 0;
                    reader = open(files.get(fileIndex));
                }
                String text = reader.readLine();
                if (text != null) {
                    line++;
                    return text;
                }
                reader.close();
                reader = null;
            }
        } catch (IOException e) {
            throw new MarketDataFileException(file(), line, e);
        }
    }

    /** Whether the line last returned is the first of its file. */
    boolean firstLineOfFile() {
        return line == 1;
    }

    /** The file of the line last returned. */
    Path file() {
        return files.get(Math.max(fileIndex, 0));
    }

    /** The 1-based number of the line last returned, within its file. */
    long line() {
        return line;
    }

    /** A refusal of the line last returned. */
    MarketDataFileException refuse(String reason) {
        return new MarketDataFileException(file(), line, reason);
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        try {
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            if (first == 0x1f && second == 0x8b) {
                in = new GZIPInputStream(in, BUFFER_BYTES);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER_BYTES);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new MarketDataFileException(file(), line, e);
            } finally {
                reader = null;
                fileIndex = files.size() - 1;
            }
        }
    }
}
