package io.quantplug.runtime.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small CSV fixtures into a test's temporary folder. */
final class CsvFixtures {

    /** 2024-01-01T00:00:00Z in epoch milliseconds. */
    static final long JAN_1_2024 = 1_704_067_200_000L;
    /** One minute in milliseconds. */
    static final long MINUTE = 60_000L;

    private CsvFixtures() {
    }

    /** Writes {@code content} as UTF-8 to {@code dir/name}. */
    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} gzip-compressed to {@code dir/name}. */
    static Path writeGzip(Path dir, String name, String content) {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
