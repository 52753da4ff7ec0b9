package io.quantplug.plugins.pairs;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses the text values of this plugin's {@link io.quantplug.api.StateSnapshot}, written with
 * {@link Double#toString}, {@link Long#toString} and {@link BigDecimal#toPlainString} (all of which round-trip
 * exactly). A missing or unreadable value throws {@link IllegalArgumentException} naming its key, so that a restore
 * reads everything before it changes anything.
 */
final class SnapshotState {

    private SnapshotState() {
    }

    static double number(Map<String, String> in, String key) {
        return parse(in, key, Double::parseDouble, "a number");
    }

    static long whole(Map<String, String> in, String key) {
        return parse(in, key, Long::parseLong, "a whole number");
    }

    static BigDecimal decimal(Map<String, String> in, String key) {
        return parse(in, key, BigDecimal::new, "a decimal");
    }

    static String text(Map<String, String> in, String key) {
        return parse(in, key, Function.identity(), "text");
    }

    private static <T> T parse(Map<String, String> in, String key, Function<String, T> parser, String what) {
        String v = in.get(key);
        if (v == null) {
            throw new IllegalArgumentException("snapshot lacks the value '" + key + "'");
        }
        try {
            return parser.apply(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("snapshot value '" + key + "' is not " + what + ": " + v, e);
        }
    }
}
