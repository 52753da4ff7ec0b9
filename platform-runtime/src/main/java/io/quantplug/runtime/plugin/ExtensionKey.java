package io.quantplug.runtime.plugin;

import java.util.Objects;

/**
 * Names an extension a command needs, by kind and id, before any plugin is started: what {@link PluginIndex} looks
 * up to start only the plugins that provide it.
 *
 * @param kind the kind
 * @param id   the extension id, e.g. {@code sma-crossover}
 */
public record ExtensionKey(ExtensionKind kind, String id) {

    /**
     * Checks that both are present.
     *
     * @param kind the kind
     * @param id   the extension id
     */
    public ExtensionKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The key of an extension a started plugin contributes.
     *
     * @param extension the extension
     * @return its kind and id
     */
    public static ExtensionKey of(ExtensionInfo extension) {
        return new ExtensionKey(extension.kind(), extension.id());
    }

    /**
     * The key's text form in the index file, {@code KIND/id}.
     *
     * @return e.g. {@code STRATEGY/sma-crossover}
     */
    @Override
    public String toString() {
        return PluginBuild.key(kind, id);
    }

    /**
     * Reads {@link #toString()}'s form.
     *
     * @param text {@code KIND/id}
     * @return the key
     * @throws IllegalArgumentException when the text has no {@code /} or names no kind
     */
    static ExtensionKey parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not KIND/id: " + text);
        }
        return new ExtensionKey(ExtensionKind.valueOf(text.substring(0, slash)), text.substring(slash + 1));
    }
}
