package io.quantplug.plugins.volatility;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes the text values of a {@link io.quantplug.api.StateSnapshot}: numbers as {@link Double#toString}
 * and {@link Long#toString} (which round-trip exactly), arrays as comma-separated lists. Every reader throws
 * {@link IllegalArgumentException} naming the key when a value is missing or unreadable, so a caller restores into a
 * fresh object and keeps its own state when that happens.
 */
final class SnapshotValues {

    private SnapshotValues() {
    }

    /** The values comma-separated, {@code ""} for none. */
    static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    /** The value of a key. */
    static String text(Map<String, String> in, String key) {
        String v = in.get(key);
        if (v == null) {
            throw new IllegalArgumentException("snapshot lacks the value '" + key + "'");
        }
        return v;
    }

    /** A comma-separated list of doubles ({@code ""} is empty). */
    static double[] doubles(Map<String, String> in, String key) {
        String v = text(in, key);
        try {
            return v.isEmpty() ? new double[0]
                    : Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("snapshot value '" + key + "' is not a list of numbers: " + v, e);
        }
    }

    /** A double. */
    static double number(Map<String, String> in, String key) {
        String v = text(in, key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("snapshot value '" + key + "' is not a number: " + v, e);
        }
    }

    /** A long. */
    static long whole(Map<String, String> in, String key) {
        String v = text(in, key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("snapshot value '" + key + "' is not a whole number: " + v, e);
        }
    }
}
