package io.quantplug.plugins.orderflow;

import io.quantplug.api.param.Parameters;

import static io.quantplug.plugins.orderflow.VolumeScalperProvider.ABSORPTION_BARS;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.ABSORPTION_MULTIPLE;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.ABSORPTION_PROGRESS_BINS;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.BIN_SIZE;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.BOOK_DEPTH;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.EDGE_BPS;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.FOOTPRINT_SECONDS;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.IMBALANCE_RATIO;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.MAX_HOLD_SECONDS;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.MIN_IMBALANCE;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.MIN_PROFILE_TRADES;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.PROFILE_SECONDS;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.STOP_LOSS_BPS;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.TAKE_PROFIT_BPS;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.VALUE_AREA_PERCENT;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.WHALE_LEVELS;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.WHALE_MULTIPLE;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.WHALE_QUIET_SECONDS;
import static io.quantplug.plugins.orderflow.VolumeScalperProvider.WHALE_TRADES;

/**
 * The validated parameters of one {@link VolumeScalper} (names and ranges in {@link VolumeScalperProvider}), in the
 * units the strategy computes with. Each value already passed its range check in the schema; none depends on another.
 *
 * @param binSize           bin price step, quote units, &gt; 0
 * @param profileMillis     volume profile window, milliseconds
 * @param valueAreaFraction value area share of the volume, in (0, 1]
 * @param minProfileTrades  trades the window holds before an entry
 * @param edge              nearness to a value-area edge, a fraction of the edge's price ({@code edgeBps / 10^4})
 * @param bookDepth         levels per side in the book imbalance
 * @param minImbalance      book imbalance confirming an entry, in [0, 1]
 * @param whaleTrades       trade sizes in the whale median
 * @param whaleMultiple     whale threshold in medians
 * @param whaleQuietMillis  no entry this long after a whale sell, milliseconds, 0 to ignore whales
 * @param takeProfit        profit target, a fraction of the entry price
 * @param stopLoss          stop distance, a fraction of the entry price
 * @param maxHoldMillis     the longest holding time, milliseconds
 * @param footprintMillis   footprint bar length, milliseconds
 * @param imbalanceRatio    diagonal imbalance ratio counted in the footprint scores
 * @param absorptionBars    completed bars averaged by the footprint's absorption test
 * @param absorptionMultiple heavy volume in means of those bars
 * @param absorptionProgressBins the most bins from open to close that count as little progress
 * @param whaleLevels       resting level sizes in the book whale median
 */
record ScalperSettings(double binSize, long profileMillis, double valueAreaFraction, int minProfileTrades,
                       double edge, int bookDepth, double minImbalance, int whaleTrades, double whaleMultiple,
                       long whaleQuietMillis, double takeProfit, double stopLoss, long maxHoldMillis,
                       long footprintMillis, double imbalanceRatio, int absorptionBars, double absorptionMultiple,
                       int absorptionProgressBins, int whaleLevels) {

    private static final double BPS = 10_000.0;

    static ScalperSettings of(Parameters p) {
        return new ScalperSettings(p.getDouble(BIN_SIZE), p.getInt(PROFILE_SECONDS) * 1_000L,
                p.getDouble(VALUE_AREA_PERCENT) / 100.0, p.getInt(MIN_PROFILE_TRADES), p.getDouble(EDGE_BPS) / BPS,
                p.getInt(BOOK_DEPTH), p.getDouble(MIN_IMBALANCE), p.getInt(WHALE_TRADES),
                p.getDouble(WHALE_MULTIPLE), p.getInt(WHALE_QUIET_SECONDS) * 1_000L,
                p.getDouble(TAKE_PROFIT_BPS) / BPS, p.getDouble(STOP_LOSS_BPS) / BPS,
                p.getInt(MAX_HOLD_SECONDS) * 1_000L, p.getInt(FOOTPRINT_SECONDS) * 1_000L,
                p.getDouble(IMBALANCE_RATIO), p.getInt(ABSORPTION_BARS), p.getDouble(ABSORPTION_MULTIPLE),
                p.getInt(ABSORPTION_PROGRESS_BINS), p.getInt(WHALE_LEVELS));
    }
}
