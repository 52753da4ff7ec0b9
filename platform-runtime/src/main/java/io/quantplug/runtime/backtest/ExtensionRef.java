package io.quantplug.runtime.backtest;

import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An extension to use: its id, its parameter values as a user typed them, and, once an application layer has checked
 * them against the extension's schema, the typed values it resolved ({@link #checked}). A session uses the typed
 * values as they are when the extension it finds has the schema they were resolved against, so parameters are
 * resolved once; it resolves the raw values itself otherwise (an unchecked reference, or a plugin replaced since).
 *
 * @param id         the extension id
 * @param parameters raw values by parameter name, as given (defaults not filled in)
 * @param values     the typed values resolved from them, or null when not checked yet
 */
public record ExtensionRef(String id, Map<String, String> parameters, Parameters values) {

    /**
     * Copies the parameters, keeping their order.
     *
     * @param id         the extension id
     * @param parameters raw values by parameter name, as given
     * @param values     the typed values resolved from them, or null when not checked yet
     */
    public ExtensionRef {
        Objects.requireNonNull(id, "id");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * An unchecked reference: raw values to be resolved against the extension's schema when a session is assembled.
     *
     * @param id         the extension id
     * @param parameters raw values by parameter name, as given
     */
    public ExtensionRef(String id, Map<String, String> parameters) {
        this(id, parameters, null);
    }

    /**
     * A checked reference: the raw values and the typed values the extension's schema resolved from them.
     *
     * @param id         the extension id
     * @param parameters raw values by parameter name, as given
     * @param values     what {@code descriptor().parameters().resolve(parameters)} returned
     * @return the reference
     */
    public static ExtensionRef checked(String id, Map<String, String> parameters, Parameters values) {
        return new ExtensionRef(id, parameters, Objects.requireNonNull(values, "values"));
    }

    /**
     * The typed values, resolved against a schema: the checked values when they were resolved against this very
     * schema, else the raw values resolved now.
     *
     * @param schema the schema of the extension the session found
     * @return the typed values
     * @throws io.quantplug.api.param.InvalidParameterException when a raw value is refused by the schema
     */
    public Parameters resolve(ParameterSchema schema) {
        return values != null && values.schema().equals(schema) ? values : schema.resolve(parameters);
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
