package io.quantplug.runtime.data;

import io.quantplug.api.market.Timeframe;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an import found in a bar file: its layout, how time was written, how many rows became bars, and where bars
 * are missing. Immutable.
 *
 * @param file                   the file as given to the reader
 * @param layout                 the detected layout
 * @param timeColumn             the header name of the column read as bar open time, or {@code column 1} when the
 *                               file has no header
 * @param timestampFormats       every way the time column was written in this file (one entry for a clean file;
 *                               several for a splice of exports); never empty
 * @param dataRows               data rows read, not counting banner and header lines, &ge; 1
 * @param bars                   bars kept: {@code dataRows - exactDuplicatesDropped}
 * @param exactDuplicatesDropped rows dropped because an adjacent row had the same time and identical OHLCV values
 * @param reversed               whether the file was newest-first and was reversed to oldest-first
 * @param timeframe              the bar length: the one the caller expected, else the most common step between
 *                               consecutive bars (the shortest of equally common steps)
 * @param gaps                   every run of missing bars, oldest first; empty when the series is gap-free
 * @param missingBars            the sum of the gaps' missing bars
 */
public record ImportReport(Path file, BarFileLayout layout, String timeColumn, Set<TimestampFormat> timestampFormats,
                           long dataRows, int bars, long exactDuplicatesDropped, boolean reversed,
                           Timeframe timeframe, List<Gap> gaps, long missingBars) {

    /**
     * Validates the report and copies its collections.
     *
     * @param file the file as given to the reader
     * @param layout the detected layout
     * @param timeColumn the header name of the column read as bar open time, or {@code column 1} when the file has no header
     * @param timestampFormats every way the time column was written in this file (one entry for a clean file; several for a splice of exports); never empty
     * @param dataRows data rows read, not counting banner and header lines, &ge; 1
     * @param bars bars kept: {@code dataRows - exactDuplicatesDropped}
     * @param exactDuplicatesDropped rows dropped because an adjacent row had the same time and identical OHLCV values
     * @param reversed whether the file was newest-first and was reversed to oldest-first
     * @param timeframe the bar length: the one the caller expected, else the most common step between consecutive bars (the shortest of equally common steps)
     * @param gaps every run of missing bars, oldest first; empty when the series is gap-free
     * @param missingBars the sum of the gaps' missing bars
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the counts do not add up: {@code bars != dataRows -
     *                                  exactDuplicatesDropped}, or {@code missingBars} is not the sum of the gaps
     * 
     */
    public ImportReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(timeframe, "timeframe");
        EnumSet<TimestampFormat> formats = EnumSet.noneOf(TimestampFormat.class);
        formats.addAll(timestampFormats);
        timestampFormats = Collections.unmodifiableSet(formats);
        gaps = List.copyOf(gaps);
        if (bars != dataRows - exactDuplicatesDropped) {
            throw new IllegalArgumentException("bars (" + bars + ") must be data rows (" + dataRows
                    + ") minus exact duplicates (" + exactDuplicatesDropped + ")");
        }
        long sum = 0;
        for (Gap gap : gaps) {
            sum += gap.missingBars();
        }
        if (sum != missingBars) {
            throw new IllegalArgumentException("missing bars (" + missingBars + ") must be the sum over the gaps ("
                    + sum + ")");
        }
    }

    /**
     * Whether no bar is missing between the first and the last bar.
     *
     * @return true when {@link #gaps()} is empty
     */
    public boolean gapFree() {
        return gaps.isEmpty();
    }

    /**
     * A one-line summary (the gaps are counted, not listed).
     *
     * @return e.g. {@code BTCUSDT_1m.csv: HEADED_OHLCV, time 'timestamp' [ISO_8601], 50000 rows -> 50000 bars of 1m,
     *         0 duplicates dropped, oldest first, 2 gaps (434 missing bars)}
     */
    @Override
    public String toString() {
        return file + ": " + layout + ", time '" + timeColumn + "' " + timestampFormats + ", " + dataRows
                + " rows -> " + bars + " bars of " + timeframe + ", " + exactDuplicatesDropped
                + " duplicates dropped, " + (reversed ? "newest first (reversed)" : "oldest first") + ", "
                + gaps.size() + (gaps.size() == 1 ? " gap (" : " gaps (") + missingBars + " missing bars)";
    }
}
