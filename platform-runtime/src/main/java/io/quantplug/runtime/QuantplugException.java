package io.quantplug.runtime;

/**
 * The unchecked base of every exception the runtime throws for an unexpected failure. Leaf types say what failed
 * ({@link io.quantplug.runtime.data.DataImportException}, {@link io.quantplug.runtime.plugin.PluginLoadException},
 * ...); messages carry the context a user needs (file and line, plugin id, parameter name).
 */
public class QuantplugException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with its context
     */
    public QuantplugException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed, with its context
     * @param cause   the underlying failure
     */
    public QuantplugException(String message, Throwable cause) {
        super(message, cause);
    }
}
