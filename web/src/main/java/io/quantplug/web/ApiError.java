package io.quantplug.web;

/**
 * The one JSON shape of every error the API answers with, e.g.
 * {@code {"status":400,"error":"invalid_parameter","field":"slow","message":"slow must be in 2..500, got 1"}}.
 *
 * @param status  the HTTP status
 * @param error   a lower-snake-case code a script can branch on, e.g. {@code unauthenticated}, {@code forbidden},
 *                {@code csrf}, {@code malformed_json}, {@code invalid_field}, {@code not_found},
 *                {@code too_many_attempts}, {@code payload_too_large}, {@code conflict}
 * @param field   the request field (JSON property, path or query parameter, form part) at fault, or null when the
 *                error is not about one field
 * @param message what was wrong, for people; never contains a secret
 */
public record ApiError(int status, String error, String field, String message) {
}
