package io.quantplug.runtime.internal.engine;

import java.util.Objects;

/**
 * An extension instance with the provider id it came from, for fault reports and reject reasons.
 *
 * @param id       the provider id
 * @param instance the instance
 * @param <T>      the instance type
 */
public record Bound<T>(String id, T instance) {

    /**
     * Checks that no component is null.
     *
     * @param id       the provider id
     * @param instance the instance
     */
    public Bound {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instance, "instance");
    }
}
