package io.quantplug.sdk.marketdata;

import java.nio.file.Path;

/**
 * A tick or order-book data file was refused. Follows the platform's rule for bar files (the runtime's
 * {@code DataImportException}): the message starts with {@code FILE:LINE: } when a line is at fault (or
 * {@code FILE: } when the file as a whole is), followed by the reason, e.g.
 * {@code trades.csv:17: column 'price' is not a positive number: 'abc'}. Nothing after the refused line is read.
 */
public class MarketDataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param file   the file being read
     * @param line   1-based line number at fault (counted in the decompressed text), or 0 for the whole file
     * @param reason what is wrong, without the file and line prefix
     */
    public MarketDataFileException(Path file, long line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /**
     * Creates the exception for an I/O failure (including a truncated gzip stream).
     *
     * @param file  the file being read
     * @param line  the last line read before the failure, or 0
     * @param cause the I/O failure
     */
    public MarketDataFileException(Path file, long line, java.io.IOException cause) {
        super(file + (line > 0 ? ":" + line : "") + ": cannot read: " + cause.getMessage(), cause);
        this.file = file;
        this.line = line;
        this.reason = "cannot read: " + cause.getMessage();
    }

    /**
     * The file that was refused.
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

    /**
     * What is wrong, without the file and line prefix.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
