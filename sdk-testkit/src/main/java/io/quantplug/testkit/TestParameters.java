package io.quantplug.testkit;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.param.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Validated parameters of a provider for unit tests, resolved against the provider's own schema exactly as the
 * runtime does ({@link io.quantplug.api.param.ParameterSchema#resolve}): values not given take their defaults, and a
 * bad value throws the same {@link io.quantplug.api.param.InvalidParameterException} a user would see.
 *
 * <pre>{@code
 * RiskRule rule = provider.create(TestParameters.of(provider, "dailyLossPercent", "3", "cooldownMinutes", "60"));
 * }</pre>
 *
 * <p>Stateless; safe from any thread.
 */
public final class TestParameters {

    private TestParameters() {
    }

    /**
     * Resolves parameters given as name, value, name, value ...
     *
     * @param provider      the provider whose schema checks them
     * @param namesAndValues alternating parameter names and values as a user would type them
     * @return the validated parameters
     * @throws IllegalArgumentException                          when a name has no value (an odd count)
     * @throws io.quantplug.api.param.InvalidParameterException when a name is unknown or a value does not fit
     */
    public static Parameters of(ExtensionProvider provider, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs, got " + namesAndValues.length
                    + " strings");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            raw.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return provider.descriptor().parameters().resolve(raw);
    }

    /**
     * Resolves parameters given by name, each value converted with {@link String#valueOf(Object)}.
     *
     * @param provider the provider whose schema checks them
     * @param values   values by parameter name; none null
     * @return the validated parameters
     * @throws io.quantplug.api.param.InvalidParameterException when a name is unknown or a value does not fit
     */
    public static Parameters of(ExtensionProvider provider, Map<String, ?> values) {
        Map<String, String> raw = new LinkedHashMap<>();
        values.forEach((name, value) -> raw.put(name, String.valueOf(Objects.requireNonNull(value, name))));
        return provider.descriptor().parameters().resolve(raw);
    }
}
