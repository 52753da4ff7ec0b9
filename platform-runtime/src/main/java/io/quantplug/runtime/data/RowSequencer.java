package io.quantplug.runtime.data;

import java.nio.file.Path;

/**
 * Puts the rows of a file in time order: a newest-first file (its last row older than its first) is reversed, rows
 * equal to their neighbour in time and in every OHLCV value are dropped and counted, and anything else that breaks
 * the order (a row out of order, or a conflicting duplicate with the same time but other values) fails the import
 * with a summary of every such problem, see {@link SequenceProblems}.
 */
final class RowSequencer {

    /**
     * Rows in ascending time order.
     *
     * @param rows            strictly ascending rows
     * @param reversed        whether the file was newest-first
     * @param exactDuplicates rows dropped as exact duplicates
     */
    record Sequenced(RowBuffer rows, boolean reversed, long exactDuplicates) {
    }

    private RowSequencer() {
    }

    /**
     * Orders the rows of a file.
     *
     * @param file      the file, for error messages
     * @param fileOrder the rows as read, at least one
     * @return the rows oldest first without duplicates; {@code fileOrder} itself when it already was
     * @throws DataImportException when rows are out of order or duplicates conflict
     */
    static Sequenced sequence(Path file, RowBuffer fileOrder) {
        int n = fileOrder.size();
        boolean reversed = n > 1 && fileOrder.time(n - 1) < fileOrder.time(0);
        int direction = reversed ? -1 : 1;
        SequenceProblems problems = new SequenceProblems(reversed);
        long duplicates = 0;
        for (int i = 1; i < n; i++) {
            int order = Long.compare(fileOrder.time(i), fileOrder.time(i - 1)) * direction;
            if (order < 0) {
                problems.outOfOrder(fileOrder, i - 1, i);
            } else if (order == 0) {
                if (fileOrder.sameValues(i - 1, i)) {
                    duplicates++;
                } else {
                    problems.conflict(fileOrder, i - 1, i);
                }
            }
        }
        if (problems.any()) {
            throw problems.toException(file, duplicates);
        }
        if (!reversed && duplicates == 0) {
            return new Sequenced(fileOrder, false, 0);
        }
        RowBuffer ascending = new RowBuffer((int) (n - duplicates));
        for (int k = 0; k < n; k++) {
            int i = reversed ? n - 1 - k : k;
            int kept = ascending.size();
            if (kept == 0 || ascending.time(kept - 1) != fileOrder.time(i)) {
                ascending.addFrom(fileOrder, i);
            }
        }
        return new Sequenced(ascending, reversed, duplicates);
    }
}
