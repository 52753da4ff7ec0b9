package io.quantplug.runtime.plugin;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.ExtensionProvider;

import java.util.Objects;

/**
 * An available extension.
 *
 * @param kind     its kind
 * @param provider the provider instance (stateless)
 * @param pluginId the plugin that contributed it, or null for a provider found on the application class path
 */
public record ExtensionInfo(ExtensionKind kind, ExtensionProvider provider, String pluginId) {

    /**
     * Checks that kind and provider are present.
     *
     * @param kind its kind
     * @param provider the provider instance (stateless)
     * @param pluginId the plugin that contributed it, or null for a provider found on the application class path
     */
    public ExtensionInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provider, "provider");
    }

    /**
     * The provider's self-description.
     *
     * @return the descriptor
     */
    public ExtensionDescriptor descriptor() {
        return provider.descriptor();
    }

    /**
     * The extension id.
     *
     * @return the descriptor's id
     */
    public String id() {
        return provider.descriptor().id();
    }
}
