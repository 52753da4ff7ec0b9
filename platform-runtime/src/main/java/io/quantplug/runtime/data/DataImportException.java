package io.quantplug.runtime.data;

import io.quantplug.runtime.QuantplugException;

import java.nio.file.Path;

/**
 * A data file could not be imported. The message starts with {@code FILE:LINE: } when a line is at fault (or
 * {@code FILE: } when the file as a whole is), followed by the reason, e.g.
 * {@code BTCUSDT_1m.csv:1043: column 'close' is not a number: 'abc'}. Nothing of a failed import is used.
 */
public class DataImportException extends QuantplugException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /**
     * Creates the exception.
     *
     * @param file   the file being imported
     * @param line   1-based line number at fault, or 0 when the file as a whole is at fault
     * @param reason what is wrong, without the file and line prefix
     */
    public DataImportException(Path file, long line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    /**
     * Creates the exception for an I/O failure.
     *
     * @param file  the file being imported
     * @param cause the I/O failure
     */
    public DataImportException(Path file, java.io.IOException cause) {
        super(file + ": cannot read: " + cause.getMessage(), cause);
        this.file = file;
        this.line = 0;
    }

    /**
     * The file being imported.
     *
     * @return the path as given
     */
    public Path file() {
        return file;
    }

    /**
     * The line at fault.
     *
     * @return the 1-based line number, or 0 when the file as a whole is at fault
     */
    public long line() {
        return line;
    }
}
