package io.quantplug.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * The API's JSON conventions: exact decimals as strings ({@code "0.000000000000000001"}, never {@code 1E-18}), times
 * as ISO-8601 UTC text, unknown request fields refused. Reading is bounded so that a small request cannot make
 * large work: a number token has at most {@value #MAX_NUMBER_CHARS} characters, nesting at most
 * {@value #MAX_NESTING} levels, and a decimal field is refused unless it is a {@link BoundedDecimalDeserializer
 * bounded decimal}. Thread-safe.
 */
public final class Json {

    /** Longest number token read (Jackson's default is 1,000 digits). */
    public static final int MAX_NUMBER_CHARS = 64;
    /** Deepest nesting of arrays and objects read. */
    public static final int MAX_NESTING = 32;

    /** The mapper every endpoint uses. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxNestingDepth(MAX_NESTING)
                    .build())
            .build())
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("quantplug-bounded-decimals")
                    .addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer()))
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
            throw ApiException.badField(path(e), "unknown field '" + brief(e.getPropertyName()) + "'");
        } catch (BoundedDecimalDeserializer.OutOfBounds e) {
            throw ApiException.badField(path(e), path(e) + ": " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new ApiException(400, "malformed_json", null, "the body must be a JSON object: "
                        + e.getOriginalMessage());
            }
            throw ApiException.badField(path(e), "wrong type: " + brief(firstLine(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", null, "the body is not valid JSON: "
                    + brief(firstLine(e.getOriginalMessage())));
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

    /**
     * A user's text for a message, cut to 80 characters: a refusal never echoes a request unbounded.
     *
     * @param text the text, may be null
     * @return the text, or its first 80 characters followed by an ellipsis and its length
     */
    public static String brief(String text) {
        if (text == null || text.length() <= 80) {
            return text;
        }
        return text.substring(0, 80) + "… (" + text.length() + " characters)";
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
