package io.quantplug.web;

/**
 * Ends a request with an {@link ApiError}. Thrown by handlers; the server turns it into the JSON answer. A handler
 * throws it before it changes anything, so a refused request changes nothing.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;
    private final long retryAfterSeconds;

    /**
     * Creates one.
     *
     * @param status  the HTTP status, 4xx or 5xx
     * @param error   lower-snake-case code
     * @param field   the field at fault, or null
     * @param message what was wrong
     */
    public ApiException(int status, String error, String field, String message) {
        this(status, error, field, message, 0);
    }

    private ApiException(int status, String error, String field, String message, long retryAfterSeconds) {
        super(message);
        this.error = new ApiError(status, error, field, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * A 429 (or 503) that tells the client when to come back ({@code Retry-After}).
     *
     * @param status  429 for a limit of the caller's, 503 for one of the server's
     * @param error   lower-snake-case code, e.g. {@code too_many_requests}
     * @param message what limit was reached
     * @param seconds when to try again, at least 1
     * @return the exception
     */
    public static ApiException retryLater(int status, String error, String message, long seconds) {
        return new ApiException(status, error, null, message, Math.max(1, seconds));
    }

    /**
     * The {@code Retry-After} to send, seconds.
     *
     * @return at least 1 for {@link #retryLater}, else 0 (no header)
     */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * A 400 about one field.
     *
     * @param field   the field
     * @param message what is wrong with it
     * @return the exception
     */
    public static ApiException badField(String field, String message) {
        return new ApiException(400, "invalid_field", field, message);
    }

    /**
     * A 404.
     *
     * @param field   the path parameter naming the thing
     * @param message what was not found
     * @return the exception
     */
    public static ApiException notFound(String field, String message) {
        return new ApiException(404, "not_found", field, message);
    }

    /**
     * A 409: the request is well formed but conflicts with the current state.
     *
     * @param message the conflict
     * @return the exception
     */
    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", null, message);
    }

    /**
     * The error to answer with.
     *
     * @return the error
     */
    public ApiError error() {
        return error;
    }
}
