package io.quantplug.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;

import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON equality as JSON defines it: numbers by value (10.50 equals 10.5), everything else exactly. */
final class JsonAssert {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonAssert() {
    }

    static void assertSameDocument(ResultDocument actual, ResultDocument expected) {
        assertSameJson(actual, expected);
    }

    /** Any two documents (e.g. portfolio documents) as JSON, numbers by value. */
    static void assertSameJson(Object actual, Object expected) {
        JsonNode a = ResultJson.mapper().valueToTree(actual);
        JsonNode e = ResultJson.mapper().valueToTree(expected);
        // field by field first, for a readable failure
        e.fieldNames().forEachRemaining(f -> assertThat(a.get(f).equals(NUMBERS_BY_VALUE, e.get(f)))
                .as("field %s: stored %s, expected %s", f, abbreviate(a.get(f)), abbreviate(e.get(f))).isTrue());
        assertThat(a.equals(NUMBERS_BY_VALUE, e)).isTrue();
    }

    static boolean sameJson(String actual, String expected) throws java.io.IOException {
        return ResultJson.mapper().readTree(actual).equals(NUMBERS_BY_VALUE, ResultJson.mapper().readTree(expected));
    }

    private static String abbreviate(JsonNode n) {
        String s = String.valueOf(n);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
