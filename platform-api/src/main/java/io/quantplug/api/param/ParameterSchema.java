package io.quantplug.api.param;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered list of parameters an extension accepts.
 *
 * @param parameters the parameter specs in display order; names are unique
 */
public record ParameterSchema(List<ParameterSpec> parameters) {

    private static final ParameterSchema EMPTY = new ParameterSchema(List.of());

    /**
     * Validates that names are unique.
     *
     * @param parameters the parameter specs in display order; names are unique
     * @throws IllegalArgumentException on a duplicate name
     * 
     */
    public ParameterSchema {
        parameters = List.copyOf(parameters);
        for (int i = 0; i < parameters.size(); i++) {
            for (int j = i + 1; j < parameters.size(); j++) {
                if (parameters.get(i).name().equals(parameters.get(j).name())) {
                    throw new IllegalArgumentException("duplicate parameter '" + parameters.get(i).name() + "'");
                }
            }
        }
    }

    /**
     * A schema with the given parameters.
     *
     * @param specs the parameters in display order
     * @return the schema
     */
    public static ParameterSchema of(ParameterSpec... specs) {
        return new ParameterSchema(List.of(specs));
    }

    /**
     * The schema of an extension without parameters.
     *
     * @return the empty schema
     */
    public static ParameterSchema empty() {
        return EMPTY;
    }

    /**
     * Looks a parameter up by name.
     *
     * @param name the parameter name
     * @return the spec, or empty when there is none of that name
     */
    public Optional<ParameterSpec> find(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Checks raw values against the schema and fills in defaults.
     *
     * @param raw values as typed by a user, by parameter name; not null
     * @return the validated parameters
     * @throws InvalidParameterException for an unknown name, a missing required value, or a value that does not fit;
     *                                   the message names the parameter and what is allowed
     */
    public Parameters resolve(Map<String, String> raw) {
        for (String name : raw.keySet()) {
            if (find(name).isEmpty()) {
                List<String> known = new ArrayList<>();
                parameters.forEach(p -> known.add(p.name()));
                throw new InvalidParameterException(name, "unknown parameter '" + name + "'; "
                        + (known.isEmpty() ? "this extension takes no parameters"
                        : "known parameters: " + String.join(", ", known)));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : parameters) {
            String text = raw.get(spec.name());
            if (text == null) {
                text = spec.defaultValue();
            }
            if (text == null) {
                throw new InvalidParameterException(spec.name(), "parameter '" + spec.name()
                        + "' is required: allowed " + spec.allowedValues());
            }
            values.put(spec.name(), spec.parse(text));
        }
        return new Parameters(this, values);
    }

    /**
     * The parameters with every default applied.
     *
     * @return validated defaults
     * @throws InvalidParameterException when a parameter is required
     */
    public Parameters defaults() {
        return resolve(Map.of());
    }
}
