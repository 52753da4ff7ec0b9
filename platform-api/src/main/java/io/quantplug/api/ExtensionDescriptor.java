package io.quantplug.api;

import io.quantplug.api.param.ParameterSchema;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an extension provider describes itself to the runtime, the console and the command line.
 *
 * @param id          stable identifier used on the command line and in stored runs, e.g. {@code sma-crossover};
 *                    lower-case letters, digits, {@code -} and {@code .}, starting with a letter, at most 64 characters
 * @param name        human-readable name, not blank
 * @param description one or two sentences saying what the extension does, not blank
 * @param parameters  the typed parameters instances accept; {@link ParameterSchema#empty()} when there are none
 */
public record ExtensionDescriptor(String id, String name, String description, ParameterSchema parameters) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

    /**
     * Validates the descriptor.
     *
     * @param id stable identifier used on the command line and in stored runs, e.g. {@code sma-crossover}; lower-case letters, digits, {@code -} and {@code .}, starting with a letter, at most 64 characters
     * @param name human-readable name, not blank
     * @param description one or two sentences saying what the extension does, not blank
     * @param parameters the typed parameters instances accept; {@link ParameterSchema#empty()} when there are none
     * @throws IllegalArgumentException if the id does not match {@code [a-z][a-z0-9.-]{0,63}} or a text is blank
     * @throws NullPointerException     if any component is null
     * 
     */
    public ExtensionDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("extension id '" + id
                    + "' must match [a-z][a-z0-9.-]{0,63} (lower-case letters, digits, '-' and '.')");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("extension '" + id + "' has a blank name");
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("extension '" + id + "' has a blank description");
        }
    }
}
