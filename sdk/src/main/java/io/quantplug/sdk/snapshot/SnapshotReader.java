package io.quantplug.sdk.snapshot;

import io.quantplug.api.StateSnapshot;

import java.util.Map;

/**
 * Reads a {@link StateSnapshot} written by {@link SnapshotWriter}, checking its layout, layout version and codec
 * version first; every getter names the snapshot and the key when the value is missing or malformed.
 *
 * <p>A {@code restore} that may receive snapshots of other layouts asks {@link #canRead} first and returns false
 * for them; the constructor refuses them with a {@link SnapshotFormatException}. Not thread-safe.
 */
public final class SnapshotReader {

    private final String format;
    private final Map<String, String> values;

    /**
     * Opens a snapshot of an expected layout and version.
     *
     * @param snapshot the snapshot, not null
     * @param layout   the expected layout name, as given to {@link SnapshotWriter#SnapshotWriter}
     * @param version  the expected layout version, &ge; 1
     * @throws SnapshotFormatException when the format is another layout or version, or the codec version is missing
     *                                 or not {@value SnapshotWriter#CODEC_VERSION}
     * @throws IllegalArgumentException when the layout name or the version is malformed
     */
    public SnapshotReader(StateSnapshot snapshot, String layout, int version) {
        String expected = SnapshotWriter.format(layout, version);
        this.format = snapshot.format();
        if (!format.equals(expected)) {
            throw new SnapshotFormatException("snapshot format '" + format + "' is not the expected '" + expected
                    + "'");
        }
        this.values = snapshot.values();
        String codec = values.get(SnapshotWriter.CODEC_KEY);
        if (!Integer.toString(SnapshotWriter.CODEC_VERSION).equals(codec)) {
            throw new SnapshotFormatException("snapshot " + format + " has codec version "
                    + (codec == null ? "(none: not written by SnapshotWriter)" : "'" + codec + "'")
                    + "; this SDK reads version " + SnapshotWriter.CODEC_VERSION);
        }
    }

    /**
     * Whether a snapshot has the given layout and version (the codec version is checked when it is opened).
     *
     * @param snapshot the snapshot, not null
     * @param layout   the layout name
     * @param version  the layout version
     * @return true when its format is {@code layout/version}
     */
    public static boolean canRead(StateSnapshot snapshot, String layout, int version) {
        return snapshot.format().equals(layout + "/" + version);
    }

    /**
     * Whether a key is present.
     *
     * @param key the name
     * @return true when the snapshot has a value for it
     */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * Reads text.
     *
     * @param key the name
     * @return the text, not null
     * @throws SnapshotFormatException when the key is missing
     */
    public String getString(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new SnapshotFormatException("snapshot " + format + " has no value '" + key + "'");
        }
        return v;
    }

    /**
     * Reads a whole number.
     *
     * @param key the name
     * @return the number
     * @throws SnapshotFormatException when the key is missing or its value is not a decimal {@code long}
     */
    public long getLong(String key) {
        return parseLong(key, getString(key));
    }

    /**
     * Reads a number written by {@link SnapshotWriter#putDouble}.
     *
     * @param key the name
     * @return the number, exactly as written
     * @throws SnapshotFormatException when the key is missing or its value is not a number
     */
    public double getDouble(String key) {
        return parseDouble(key, getString(key));
    }

    /**
     * Reads numbers written by {@link SnapshotWriter#putDoubles}.
     *
     * @param key the name
     * @return the numbers in the order written; empty for an empty array
     * @throws SnapshotFormatException when the key is missing or an element is not a number
     */
    public double[] getDoubles(String key) {
        String[] parts = split(getString(key));
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parseDouble(key + "[" + i + "]", parts[i]);
        }
        return out;
    }

    /**
     * Reads whole numbers written by {@link SnapshotWriter#putLongs}.
     *
     * @param key the name
     * @return the numbers in the order written; empty for an empty array
     * @throws SnapshotFormatException when the key is missing or an element is not a decimal {@code long}
     */
    public long[] getLongs(String key) {
        String[] parts = split(getString(key));
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parseLong(key + "[" + i + "]", parts[i]);
        }
        return out;
    }

    private static String[] split(String text) {
        return text.isEmpty() ? new String[0] : text.split(",", -1);
    }

    private long parseLong(String key, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new SnapshotFormatException("snapshot " + format + " value '" + key + "' is not a whole number: '"
                    + text + "'", e);
        }
    }

    private double parseDouble(String key, String text) {
        try {
            // Double.parseDouble also accepts "1d", " 1" and hex; the writer never produces those.
            if (text.isEmpty() || Character.isWhitespace(text.charAt(0)) || text.endsWith("d") || text.endsWith("D")
                    || text.endsWith("f") || text.endsWith("F")) {
                throw new NumberFormatException(text);
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new SnapshotFormatException("snapshot " + format + " value '" + key + "' is not a number: '"
                    + text + "'", e);
        }
    }
}
