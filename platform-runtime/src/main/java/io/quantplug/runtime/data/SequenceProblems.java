package io.quantplug.runtime.data;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Counts the rows that break a file's time order and builds one message a user can act on: how many rows are out of
 * order and how many duplicates conflict, the first example of each with lines and values, the time span of the
 * conflicts, and whether the conflicting rows write time differently (the mark of two exports spliced together, as in
 * CryptoDataDownload's 2017-2021 hourly files).
 */
final class SequenceProblems {

    private final boolean newestFirst;

    private long outOfOrder;
    private long outOfOrderLine;
    private String firstOutOfOrder;

    private long conflicts;
    private long conflictLine;
    private String firstConflict;
    private long mixedFormatConflicts;
    private String mixedFormats;
    private long earliestConflict = Long.MAX_VALUE;
    private long latestConflict = Long.MIN_VALUE;

    /**
     * Creates an empty tally.
     *
     * @param newestFirst the direction the file runs in, from its first and last rows
     */
    SequenceProblems(boolean newestFirst) {
        this.newestFirst = newestFirst;
    }

    /** Records that row {@code current} does not follow row {@code previous} in the file's direction. */
    void outOfOrder(RowBuffer rows, int previous, int current) {
        if (outOfOrder++ == 0) {
            outOfOrderLine = rows.line(current);
            firstOutOfOrder = "line " + rows.line(current) + " opens at " + Instant.ofEpochMilli(rows.time(current))
                    + ", " + (newestFirst ? "later" : "earlier") + " than " + Instant.ofEpochMilli(rows.time(previous))
                    + " on the row before it (line " + rows.line(previous) + "), but the file runs "
                    + (newestFirst ? "newest first" : "oldest first");
        }
    }

    /** Records that rows {@code previous} and {@code current} have the same time and different values. */
    void conflict(RowBuffer rows, int previous, int current) {
        long time = rows.time(current);
        earliestConflict = Math.min(earliestConflict, time);
        latestConflict = Math.max(latestConflict, time);
        TimestampFormat a = rows.format(previous);
        TimestampFormat b = rows.format(current);
        if (a != b && mixedFormatConflicts++ == 0) {
            mixedFormats = a.description() + " vs " + b.description();
        }
        if (conflicts++ == 0) {
            conflictLine = rows.line(current);
            firstConflict = "lines " + rows.line(previous) + " and " + rows.line(current) + " both open at "
                    + Instant.ofEpochMilli(time) + (a != b ? " (written as " + a.description() + " and "
                    + b.description() + ")" : "") + " but differ: " + rows.differences(previous, current);
        }
    }

    /** Whether any problem was recorded. */
    boolean any() {
        return outOfOrder > 0 || conflicts > 0;
    }

    /**
     * The exception for the recorded problems, at the line of the first one.
     *
     * @param file            the file
     * @param exactDuplicates rows found to repeat their neighbour exactly, mentioned so the counts add up
     * @return the exception to throw
     */
    DataImportException toException(Path file, long exactDuplicates) {
        long line = conflicts == 0 ? outOfOrderLine : outOfOrder == 0 ? conflictLine
                : Math.min(outOfOrderLine, conflictLine);
        if (outOfOrder + conflicts == 1) {
            return new DataImportException(file, line, conflicts == 1
                    ? "conflicting duplicate: " + firstConflict
                    : "row out of order: " + firstOutOfOrder);
        }
        StringBuilder reason = new StringBuilder("rows are not in time order: ")
                .append(count(conflicts, "conflicting duplicate", "conflicting duplicates"))
                .append(" (same open time, different values) and ")
                .append(count(outOfOrder, "row out of order", "rows out of order"))
                .append(exactDuplicates > 0
                        ? " (besides " + count(exactDuplicates, "exact duplicate", "exact duplicates") + ")" : "")
                .append('.');
        if (conflicts > 0) {
            reason.append(" First conflicting duplicate: ").append(firstConflict).append('.');
            reason.append(" Conflicting duplicates span ").append(Instant.ofEpochMilli(earliestConflict))
                    .append(" .. ").append(Instant.ofEpochMilli(latestConflict)).append('.');
            if (mixedFormatConflicts > 0) {
                reason.append(' ').append(mixedFormatConflicts).append(" of them pair rows whose time is written"
                        + " differently (").append(mixedFormats).append("): the file looks like two exports that"
                        + " overlap.");
            }
        }
        if (outOfOrder > 0) {
            reason.append(" First row out of order: ").append(firstOutOfOrder).append('.');
        }
        reason.append(" Keep one row per open time, in one order, and import again.");
        return new DataImportException(file, line, reason.toString());
    }

    private static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
