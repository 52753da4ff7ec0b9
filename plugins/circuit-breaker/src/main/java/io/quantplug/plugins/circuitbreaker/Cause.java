package io.quantplug.plugins.circuitbreaker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a monitor wants the breaker to change state: the reason, a sentence with the numbers, and the numbers by name.
 *
 * @param reason  the reason
 * @param message the sentence
 * @param values  the numbers as plain text, in message order
 */
record Cause(CircuitReason reason, String message, Map<String, String> values) {

    Cause {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
