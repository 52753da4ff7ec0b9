package io.quantplug.api;

/**
 * What every extension provider has in common: a stateless factory that describes itself.
 *
 * <p>Implementations must have a public no-argument constructor (they are created by
 * {@link java.util.ServiceLoader} or by the plugin loader) and must be safe to call from any thread.
 */
public interface ExtensionProvider {

    /**
     * Describes this extension: id, name, description and parameter schema.
     *
     * @return the descriptor, never null; the same value on every call
     */
    ExtensionDescriptor descriptor();
}
