package io.quantplug.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;

/**
 * Compares JSON documents as the API and the command line write them: numbers by value, whether written as numbers
 * or as decimal strings (the API's convention), and durations whether written in seconds (the API) or in ISO-8601
 * ({@code result.json}); anything else must be equal. For {@link JsonNode#equals(Comparator, JsonNode)}.
 */
final class JsonByValue {

    /** 0 when equal by the rules above, else non-zero (not an ordering). */
    static final Comparator<JsonNode> COMPARATOR = (a, b) -> {
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonByValue() {
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (!n.isTextual()) {
            return null;
        }
        String text = n.asText();
        if (text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return new BigDecimal(text);
        }
        if (text.matches("-?PT[0-9.HMS]+")) {
            return BigDecimal.valueOf(Duration.parse(text).toSeconds());
        }
        return null;
    }
}
