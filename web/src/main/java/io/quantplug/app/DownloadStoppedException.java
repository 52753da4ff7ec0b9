package io.quantplug.app;

import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A {@link BarDownload} stopped because the exchange failed (network error, error answer, ban); the bars stored
 * before it stay stored and the next run resumes from the hole that is left.
 */
public final class DownloadStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long fetched;

    /**
     * Creates one.
     *
     * @param adapterId  the adapter's provider id
     * @param atMillis   open time of the first bar of the chunk that failed, UTC epoch milliseconds
     * @param fetched    bars stored by this download before the failure
     * @param cause      the adapter's failure
     */
    public DownloadStoppedException(String adapterId, long atMillis, long fetched, UncheckedIOException cause) {
        super("exchange '" + adapterId + "' failed at the chunk from " + Instant.ofEpochMilli(atMillis) + ": "
                + cause.getMessage() + "; the " + fetched + " bar(s) stored before stay stored, run the command"
                + " again to resume", cause);
        this.fetched = fetched;
    }

    /**
     * Bars stored by the download before it stopped.
     *
     * @return the count, &ge; 0
     */
    public long fetched() {
        return fetched;
    }
}
