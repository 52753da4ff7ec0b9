package io.quantplug.api.enhancement;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.param.Parameters;

/**
 * Creates enhancement instances. Register implementations in
 * {@code META-INF/services/io.quantplug.api.enhancement.EnhancementProvider}.
 */
public interface EnhancementProvider extends ExtensionProvider {

    /**
     * Which pipeline stage the instances plug into.
     *
     * @return the kind, the same on every call
     */
    EnhancementKind kind();

    /**
     * Creates one instance.
     *
     * @param parameters checked against {@link #descriptor()}'s schema
     * @return a {@link SignalEnhancer} or {@link PositionSizer} matching {@link #kind()}
     * @throws io.quantplug.api.param.InvalidParameterException when the parameters are inconsistent
     */
    Enhancement create(Parameters parameters);
}
