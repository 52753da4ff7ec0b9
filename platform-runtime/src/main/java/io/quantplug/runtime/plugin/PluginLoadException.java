package io.quantplug.runtime.plugin;

import io.quantplug.runtime.QuantplugException;

/** Plugins could not be used, e.g. the plugins directory is missing or a jar was refused where that is fatal. */
public class PluginLoadException extends QuantplugException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the plugin file or directory and the reason
     */
    public PluginLoadException(String message) {
        super(message);
    }
}
