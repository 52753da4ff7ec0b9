package io.quantplug.runtime;

/**
 * One extension id of one kind is provided by two sources a {@link Platform} was built from: the application class
 * path and a plugin, or two providers on the class path. The platform does not pick one (a backtest's result would
 * then depend on which jar won); the message names the kind, the id and both sources, so the user can remove one
 * or rename its id.
 */
public final class DuplicateExtensionException extends QuantplugException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the kind, the id and both sources
     */
    public DuplicateExtensionException(String message) {
        super(message);
    }
}
