package io.quantplug.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * The API's JSON conventions: exact decimals as strings ({@code "0.000000000000000001"}, never {@code 1E-18}), times
 * as ISO-8601 UTC text, unknown request fields refused. Thread-safe.
 */
public final class Json {

    /** The mapper every endpoint uses. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    static {
        MAPPER.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    }

    private Json() {
    }

    /**
     * Reads a request body into a record, or refuses it with the field at fault.
     *
     * @param ctx  the request
     * @param type the body's type
     * @param <T>  the type
     * @return the body, never null
     * @throws ApiException 400 {@code malformed_json} when the body is not JSON (or empty), 400 {@code invalid_field}
     *                      naming the field when a field has the wrong type or is unknown
     */
    public static <T> T body(Context ctx, Class<T> type) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new ApiException(400, "malformed_json", null, "the request needs a JSON body");
        }
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw new ApiException(400, "malformed_json", null, "the body must be a JSON object, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badField(path(e), "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new ApiException(400, "malformed_json", null, "the body must be a JSON object: "
                        + e.getOriginalMessage());
            }
            throw ApiException.badField(path(e), "wrong type: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", null, "the body is not valid JSON: "
                    + firstLine(e.getOriginalMessage()));
        }
    }

    /**
     * Refuses a missing (null or blank) required field.
     *
     * @param value the field's value
     * @param field its name
     * @param <T>   its type
     * @return the value
     * @throws ApiException 400 naming the field
     */
    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ApiException.badField(field, field + " is required");
        }
        return value;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
