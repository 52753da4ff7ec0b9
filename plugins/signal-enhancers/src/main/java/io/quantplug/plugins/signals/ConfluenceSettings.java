package io.quantplug.plugins.signals;

import io.quantplug.api.market.Timeframe;

import java.util.List;

/**
 * The validated parameters of one {@code multi-timeframe} instance; see {@link MultiTimeframeProvider} for their
 * meaning, units and bounds.
 *
 * @param timeframes   the higher timeframes, ascending, distinct; copied
 * @param weights      each timeframe's alignment weight, &gt; 0, in the same order; copied
 * @param emaPeriod    the trend EMA's period, bars of each higher timeframe
 * @param pivotBars    bars on each side of a pivot
 * @param levelBars    completed bars of each higher timeframe searched for pivots
 * @param minAlignment entries whose alignment is below this are dropped, 0 to 1
 */
record ConfluenceSettings(List<Timeframe> timeframes, List<Double> weights, int emaPeriod, int pivotBars,
                          int levelBars, double minAlignment) {

    /** Completed bars replayed per timeframe after a hot swap, in EMA periods (seed weight below e^-20). */
    private static final int SMOOTHING_MULTIPLE = 20;

    ConfluenceSettings {
        timeframes = List.copyOf(timeframes);
        weights = List.copyOf(weights);
        if (timeframes.size() != weights.size()) {
            throw new IllegalArgumentException(timeframes.size() + " timeframes but " + weights.size() + " weights");
        }
    }

    /**
     * Completed bars kept per higher timeframe: the pivot look-back, and at least {@code 20 emaPeriod} so that a
     * restored instance's EMA matches the uninterrupted one to about 2e-9 (the seed's weight
     * {@code ((p - 1) / (p + 1))^(20 p)}).
     *
     * @return bars
     */
    int keptBars() {
        return Math.max(levelBars, SMOOTHING_MULTIPLE * emaPeriod);
    }
}
