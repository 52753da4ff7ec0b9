package io.quantplug.runtime.data;

import java.time.Instant;

/**
 * A run of missing bars in an imported series: the bars between two consecutive bars that are more than one
 * timeframe apart.
 *
 * @param lastBarBeforeMillis open time of the last bar before the gap, UTC epoch milliseconds
 * @param firstBarAfterMillis open time of the first bar after the gap, UTC epoch milliseconds
 * @param missingBars         how many bars of the series' timeframe fit between the two, &ge; 1
 */
public record Gap(long lastBarBeforeMillis, long firstBarAfterMillis, long missingBars) {

    /**
     * Validates the gap.
     *
     * @param lastBarBeforeMillis open time of the last bar before the gap, UTC epoch milliseconds
     * @param firstBarAfterMillis open time of the first bar after the gap, UTC epoch milliseconds
     * @param missingBars how many bars of the series' timeframe fit between the two, &ge; 1
     * @throws IllegalArgumentException when the first bar after is not later than the last bar before, or
     *                                  {@code missingBars < 1}
     * 
     */
    public Gap {
        if (firstBarAfterMillis <= lastBarBeforeMillis) {
            throw new IllegalArgumentException("gap must end after it starts: " + lastBarBeforeMillis + " .. "
                    + firstBarAfterMillis);
        }
        if (missingBars < 1) {
            throw new IllegalArgumentException("a gap misses at least one bar, got " + missingBars);
        }
    }

    @Override
    public String toString() {
        return missingBars + " missing after " + Instant.ofEpochMilli(lastBarBeforeMillis) + " (next bar "
                + Instant.ofEpochMilli(firstBarAfterMillis) + ")";
    }
}
