package io.quantplug.plugins.binance.stream;

import io.quantplug.testsupport.SharedData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the shared raw Binance recordings ({@code binance-ws-raw-2024-08-08}, see its PROVENANCE.md): gzip, one
 * {@code <local receive ns> <raw JSON>} per line; the day files of one market are read in order as one stream.
 */
final class RecordingLines {

    static final String FOLDER = "binance-ws-raw-2024-08-08/";

    private RecordingLines() {
    }

    /** The JSON part of every line of the named files, in order (skips or, on CI, fails if the data is absent). */
    static List<String> read(String... files) {
        List<String> raw = raw(files);
        List<String> out = new ArrayList<>(raw.size());
        for (String line : raw) {
            out.add(line.substring(line.indexOf(' ') + 1));
        }
        return out;
    }

    /** Every line of the named files as recorded ({@code <local ns> <json>}), in order. */
    static List<String> raw(String... files) {
        List<String> out = new ArrayList<>();
        for (String f : files) {
            Path p = SharedData.require(FOLDER + f);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(p), 1 << 16), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + p, e);
            }
        }
        return out;
    }

    static boolean isSnapshot(String json) {
        return json.startsWith("{\"lastUpdateId\"");
    }
}
