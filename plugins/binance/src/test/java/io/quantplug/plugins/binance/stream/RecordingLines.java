package io.quantplug.plugins.binance.stream;


import java.util.ArrayList;
import java.util.List;

/**
 * Reads the shared raw Binance recordings ({@code binance-ws-raw-2024-08-08}, see its PROVENANCE.md): gzip, one
 * {@code <local receive ns> <raw JSON>} per line; the day files of one market are read in order as one stream.
 */
final class RecordingLines {

    static final String FOLDER = io.quantplug.plugins.binance.testserver.Fixtures.RECORDINGS;

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
        return io.quantplug.plugins.binance.testserver.Fixtures.recording(files);
    }

    static boolean isSnapshot(String json) {
        return json.startsWith("{\"lastUpdateId\"");
    }
}
