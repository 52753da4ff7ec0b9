package io.quantplug.runtime.backtest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An extension to use and its raw parameter values, as a user typed them.
 *
 * @param id         the extension id
 * @param parameters raw values by parameter name, checked later against the extension's schema
 */
public record ExtensionRef(String id, Map<String, String> parameters) {

    /**
     * Copies the parameters, keeping their order.
     *
     * @param id the extension id
     * @param parameters raw values by parameter name, checked later against the extension's schema
     */
    public ExtensionRef {
        Objects.requireNonNull(id, "id");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses {@code id} or {@code id:k=v,k2=v2}, the command line's form for risk rules and enhancements.
     *
     * @param text the reference
     * @return the parsed reference
     * @throws IllegalArgumentException when the id is empty or a pair has no {@code =}
     */
    public static ExtensionRef parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String id = colon < 0 ? t : t.substring(0, colon);
        if (id.isBlank()) {
            throw new IllegalArgumentException("'" + text + "' names no extension; write ID or ID:key=value,...");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (colon >= 0 && colon < t.length() - 1) {
            for (String pair : t.substring(colon + 1).split(",")) {
                putPair(params, pair, text);
            }
        }
        return new ExtensionRef(id, params);
    }

    /**
     * Adds one {@code key=value} pair to a map.
     *
     * @param params  the map to add to
     * @param pair    the pair text
     * @param context the whole text, for the error message
     * @throws IllegalArgumentException when the pair has no {@code =} or an empty key
     */
    public static void putPair(Map<String, String> params, String pair, String context) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + pair.strip() + "' in '" + context + "' is not key=value");
        }
        params.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }

    @Override
    public String toString() {
        if (parameters.isEmpty()) {
            return id;
        }
        StringBuilder b = new StringBuilder(id).append(':');
        parameters.forEach((k, v) -> b.append(k).append('=').append(v).append(','));
        return b.substring(0, b.length() - 1);
    }
}
