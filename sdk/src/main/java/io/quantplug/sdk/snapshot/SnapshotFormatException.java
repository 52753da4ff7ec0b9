package io.quantplug.sdk.snapshot;

/**
 * A state snapshot that cannot be read: another layout or version, a codec version this SDK does not know, or a
 * value that is missing or malformed. The message names the snapshot's format and, where one is at fault, the key.
 */
public class SnapshotFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the format and the key
     */
    public SnapshotFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong, naming the format and the key
     * @param cause   the parse failure behind it
     */
    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
