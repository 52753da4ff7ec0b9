package io.quantplug.web.routes;

import io.javalin.http.Context;
import io.quantplug.web.ApiException;

/** Reading optional query parameters, refusing a bad one with a 400 that names it and its range. */
final class QueryParams {

    private QueryParams() {
    }

    /**
     * A whole-number query parameter.
     *
     * @param ctx    the request
     * @param name   the parameter
     * @param absent the value when it is missing or blank
     * @param min    the smallest allowed
     * @param max    the largest allowed
     * @return the value
     * @throws ApiException 400 when it is not a whole number in {@code min..max}
     */
    static long longParam(Context ctx, String name, long absent, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badField(name, name + " must be a whole number in " + min + ".." + max + ", got '"
                + text + "'");
    }

    /**
     * A query parameter that takes one of a few words.
     *
     * @param ctx     the request
     * @param name    the parameter
     * @param absent  the value when it is missing or blank
     * @param allowed the words allowed (compared as given)
     * @return the value
     * @throws ApiException 400 when it is not one of them
     */
    static String choice(Context ctx, String name, String absent, String... allowed) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return absent;
        }
        for (String a : allowed) {
            if (a.equals(text.strip())) {
                return a;
            }
        }
        throw ApiException.badField(name, name + " must be one of " + String.join(", ", allowed) + ", got '"
                + text + "'");
    }
}
