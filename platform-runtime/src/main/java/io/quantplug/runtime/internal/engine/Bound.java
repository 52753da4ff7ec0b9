package io.quantplug.runtime.internal.engine;

import io.quantplug.api.param.Parameters;

import java.util.Objects;

/**
 * An extension instance with the provider id it came from (for fault reports and reject reasons) and the parameters
 * it was created with (to create its successor when its plugin is swapped).
 *
 * @param id         the provider id
 * @param instance   the instance
 * @param parameters the parameters it was created with, or null when not known (it then cannot be hot-swapped)
 * @param <T>        the instance type
 */
public record Bound<T>(String id, T instance, Parameters parameters) {

    /**
     * Checks that id and instance are present.
     *
     * @param id         the provider id
     * @param instance   the instance
     * @param parameters the parameters it was created with, or null
     */
    public Bound {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instance, "instance");
    }

    /**
     * An instance whose parameters are not known (it cannot be hot-swapped).
     *
     * @param id       the provider id
     * @param instance the instance
     */
    public Bound(String id, T instance) {
        this(id, instance, null);
    }
}
