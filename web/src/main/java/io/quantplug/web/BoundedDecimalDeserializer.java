package io.quantplug.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a request's decimal field (a JSON number or a string holding one) and refuses one that would cost the server
 * more than it is worth: more than {@value #MAX_CHARS} characters, or a magnitude of {@code 10^}{@value #MAX_DIGITS}
 * or more, or more than {@value #MAX_DIGITS} digits after the point. {@code 1e999999999} is a 11-byte number whose
 * plain form has a billion digits: it is refused here, before any code formats or stores it. Every amount the API
 * takes (capital, bps) is far inside these bounds, and the store keeps {@code NUMERIC(38,18)}.
 *
 * <p>Stateless and thread-safe.
 */
final class BoundedDecimalDeserializer extends JsonDeserializer<BigDecimal> {

    /** Longest decimal text accepted. */
    static final int MAX_CHARS = 64;
    /** Most digits before or after the decimal point. */
    static final int MAX_DIGITS = 30;

    /** A refused decimal; a mapping error so that Jackson adds the field's path as it unwinds. */
    static final class OutOfBounds extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        OutOfBounds(JsonParser p, String message) {
            super(p, message);
        }
    }

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT
                && token != JsonToken.VALUE_STRING) {
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
        }
        String text = p.getText().strip();
        if (text.length() > MAX_CHARS) {
            throw new OutOfBounds(p, "a decimal may have at most " + MAX_CHARS + " characters, got "
                    + text.length());
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new OutOfBounds(p, "wrong type: '" + Json.brief(text) + "' is not a decimal number");
        }
        if (value.signum() != 0 && (value.precision() - value.scale() > MAX_DIGITS || value.scale() > MAX_DIGITS)) {
            throw new OutOfBounds(p, "a decimal must be below 10^" + MAX_DIGITS + " in magnitude with at most "
                    + MAX_DIGITS + " digits after the point");
        }
        return value;
    }

    @Override
    public Class<?> handledType() {
        return BigDecimal.class;
    }
}
