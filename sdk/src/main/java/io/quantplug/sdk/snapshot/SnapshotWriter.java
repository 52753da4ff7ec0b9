package io.quantplug.sdk.snapshot;

import io.quantplug.api.StateSnapshot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the state of a strategy, enhancement or risk rule as a {@link StateSnapshot} in the SDK's text encoding
 * (codec version {@value #CODEC_VERSION}), for {@code snapshot()} before a hot swap; {@link SnapshotReader} reads
 * it back in the new version's {@code restore}. The encoding is described in the package documentation.
 *
 * <p>Not thread-safe; a writer is used once, on the engine thread.
 */
public final class SnapshotWriter {

    /** The version of the text encoding this class writes, stored under the key {@value #CODEC_KEY}. */
    public static final int CODEC_VERSION = 1;

    /** The key reserved for the codec version; callers' keys may not start with {@code "sdk."}. */
    public static final String CODEC_KEY = "sdk.codec";

    static final Pattern LAYOUT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private final String format;
    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * Starts a snapshot of a layout.
     *
     * @param layout  the name of the state's layout, e.g. {@code "sma-crossover"}: letters, digits, {@code . _ -}
     * @param version the layout's version, &ge; 1; raise it whenever the keys or their meaning change
     * @throws IllegalArgumentException when the layout name or the version is outside those ranges
     */
    public SnapshotWriter(String layout, int version) {
        this.format = format(layout, version);
        values.put(CODEC_KEY, Integer.toString(CODEC_VERSION));
    }

    static String format(String layout, int version) {
        if (layout == null || !LAYOUT.matcher(layout).matches()) {
            throw new IllegalArgumentException("snapshot layout must be letters, digits, '.', '_' or '-', got '"
                    + layout + "'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("snapshot version must be >= 1, got " + version);
        }
        return layout + "/" + version;
    }

    /**
     * Stores a whole number.
     *
     * @param key   the name: letters, digits, {@code . _ -}, not starting with {@code "sdk."}; not yet used
     * @param value the number
     * @return this writer
     * @throws IllegalArgumentException when the key is malformed, reserved or already used
     */
    public SnapshotWriter putLong(String key, long value) {
        return put(key, Long.toString(value));
    }

    /**
     * Stores a number exactly ({@link Double#toString(double)}, which round-trips), NaN and infinities included.
     *
     * @param key   the name, as for {@link #putLong}
     * @param value the number
     * @return this writer
     * @throws IllegalArgumentException when the key is malformed, reserved or already used
     */
    public SnapshotWriter putDouble(String key, double value) {
        return put(key, Double.toString(value));
    }

    /**
     * Stores text as it is.
     *
     * @param key   the name, as for {@link #putLong}
     * @param value the text, not null
     * @return this writer
     * @throws IllegalArgumentException when the key is malformed, reserved or already used
     * @throws NullPointerException when the value is null
     */
    public SnapshotWriter putString(String key, String value) {
        if (value == null) {
            throw new NullPointerException("snapshot " + format + " value '" + key + "'");
        }
        return put(key, value);
    }

    /**
     * Stores numbers exactly, in order, separated by {@code ','} (an empty array is the empty text).
     *
     * @param key    the name, as for {@link #putLong}
     * @param values the numbers, not null
     * @return this writer
     * @throws IllegalArgumentException when the key is malformed, reserved or already used
     */
    public SnapshotWriter putDoubles(String key, double[] values) {
        StringBuilder s = new StringBuilder(values.length * 12);
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return put(key, s.toString());
    }

    /**
     * Stores whole numbers, in order, separated by {@code ','} (an empty array is the empty text).
     *
     * @param key    the name, as for {@link #putLong}
     * @param values the numbers, not null
     * @return this writer
     * @throws IllegalArgumentException when the key is malformed, reserved or already used
     */
    public SnapshotWriter putLongs(String key, long[] values) {
        StringBuilder s = new StringBuilder(values.length * 14);
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return put(key, s.toString());
    }

    private SnapshotWriter put(String key, String value) {
        if (key == null || !KEY.matcher(key).matches() || key.startsWith("sdk.")) {
            throw new IllegalArgumentException("snapshot " + format + " key must be letters, digits, '.', '_' or"
                    + " '-' and not start with 'sdk.', got '" + key + "'");
        }
        if (values.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("snapshot " + format + " key '" + key + "' is written twice");
        }
        return this;
    }

    /**
     * The snapshot written so far.
     *
     * @return a snapshot of format {@code layout/version}; later puts do not change it
     */
    public StateSnapshot toSnapshot() {
        return new StateSnapshot(format, values);
    }
}
