package io.quantplug.runtime.plugin;

/** Where a plugin jar stands. */
public enum PluginStatus {
    /** Loaded, started, its extensions available. */
    STARTED,
    /** Loaded, but its start or an extension failed; see the problem. */
    FAILED,
    /** Turned off by the operator. */
    DISABLED,
    /** Not loaded: not a plugin, corrupt, incompatible, or clashing; see the problem. */
    REFUSED
}
