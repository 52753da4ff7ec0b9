package io.quantplug.runtime.plugin;

/**
 * What changed in a {@link PluginHost}, as told to its {@linkplain PluginHost#addListener listeners}.
 *
 * @param kind   what happened
 * @param before the plugin as it was (its extensions still usable while listeners run), or null for
 *               {@link Kind#LOADED}
 * @param after  the plugin as it is now, or null for {@link Kind#UNLOADED}
 */
public record PluginChange(Kind kind, PluginInfo before, PluginInfo after) {

    /** The kinds of change. */
    public enum Kind {
        /** A plugin id not loaded before was loaded and started. */
        LOADED,
        /**
         * A started plugin was replaced by another build (usually another version): {@code after} is started, and
         * {@code before}'s class loader is closed once the listeners return.
         */
        REPLACED,
        /** A plugin was unloaded or disabled ({@code after} is null or {@link PluginStatus#DISABLED}). */
        UNLOADED,
        /**
         * A jar was refused or failed to start. When {@code before} is not null, that version is still started and
         * nothing else changed.
         */
        FAILED
    }

    /**
     * The plugin id.
     *
     * @return the id of {@code after}, else of {@code before}
     */
    public String pluginId() {
        return after != null ? after.id() : before.id();
    }
}
