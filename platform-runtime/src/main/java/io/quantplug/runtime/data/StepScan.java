package io.quantplug.runtime.data;

import io.quantplug.api.market.Timeframe;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the timeframe of ascending rows and the gaps between them. The timeframe is the caller's expected one, else
 * the most common step between consecutive rows (the shortest of equally common steps). Every step must be a whole
 * number of timeframes; a step of {@code k} timeframes with {@code k > 1} is a gap of {@code k - 1} missing bars.
 */
final class StepScan {

    /**
     * The timeframe and gaps of a series.
     *
     * @param timeframe   the bar length
     * @param gaps        every gap, oldest first
     * @param missingBars the sum of the gaps' missing bars
     */
    record Steps(Timeframe timeframe, List<Gap> gaps, long missingBars) {
    }

    private StepScan() {
    }

    /**
     * Scans strictly ascending rows.
     *
     * @param file     the file, for error messages
     * @param rows     strictly ascending rows, at least one
     * @param expected the timeframe the caller expects, or null to detect it
     * @return the timeframe and gaps
     * @throws DataImportException when there is one bar and no expected timeframe, or a step between two bars is not
     *                             a whole number of timeframes
     */
    static Steps scan(Path file, RowBuffer rows, Timeframe expected) {
        int n = rows.size();
        Timeframe timeframe = expected;
        if (timeframe == null) {
            if (n < 2) {
                throw new DataImportException(file, rows.line(0), "only one bar: the timeframe cannot be detected"
                        + " from fewer than 2 bars; read the file with the expected timeframe");
            }
            timeframe = new Timeframe(mostCommonStep(rows));
        }
        long length = timeframe.millis();
        List<Gap> gaps = new ArrayList<>();
        long missing = 0;
        for (int i = 1; i < n; i++) {
            long before = rows.time(i - 1);
            long after = rows.time(i);
            long step = after - before;
            if (step % length != 0) {
                throw new DataImportException(file, rows.line(i), "bar at " + Instant.ofEpochMilli(after) + " opens "
                        + step + " ms after the bar at " + Instant.ofEpochMilli(before) + " (line " + rows.line(i - 1)
                        + "), not a whole number of " + timeframe + " bars"
                        + (expected != null ? " (the expected timeframe)"
                        : " (the timeframe detected as the most common step)"));
            }
            if (step > length) {
                Gap gap = new Gap(before, after, step / length - 1);
                gaps.add(gap);
                missing += gap.missingBars();
            }
        }
        return new Steps(timeframe, gaps, missing);
    }

    private static long mostCommonStep(RowBuffer rows) {
        long[] steps = new long[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            steps[i - 1] = rows.time(i) - rows.time(i - 1);
        }
        Arrays.sort(steps);
        long best = steps[0];
        int bestCount = 0;
        for (int start = 0; start < steps.length; ) {
            int end = start;
            while (end < steps.length && steps[end] == steps[start]) {
                end++;
            }
            if (end - start > bestCount) {
                best = steps[start];
                bestCount = end - start;
            }
            start = end;
        }
        return best;
    }
}
