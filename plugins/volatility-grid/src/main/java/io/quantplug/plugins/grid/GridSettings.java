package io.quantplug.plugins.grid;

import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.Parameters;

import java.math.BigDecimal;

/**
 * The validated parameters of one {@link VolatilityGrid} instance (names and ranges in
 * {@link VolatilityGridProvider}). Each value has already passed its own range check in the schema; {@link #of}
 * adds the checks between parameters.
 *
 * @param windowBars         bars in the window of the six historical estimators, &ge; 3
 * @param ewmaLambda         decay factor per bar of the EWMA estimator, in {@code (0, 1)}
 * @param garchWeight        weight of the GARCH forecast in the composite variance, in {@code [0, 1]}
 * @param garchWindowBars    returns each GARCH(1,1) fit uses (the trailing window), &ge; 50
 * @param garchRefitBars     bars between two GARCH fits, &ge; 1
 * @param horizonBars        bars over which the GARCH variance forecast is averaged, &ge; 1
 * @param spacingMultiple    grid spacing in composite standard deviations per bar, &gt; 0
 * @param minSpacingBps      the least spacing, basis points of the centre price, &ge; 0
 * @param levels             the most orders per side, &ge; 1
 * @param maxRangePercent    how far the outermost level may lie from the centre, percent of the centre, in
 *                           {@code (0, 50]}
 * @param capitalFraction    equity per level when the quantity is fixed, a fraction in {@code (0, 1]}
 * @param maxInventoryLevels the inventory limit in level quantities, &ge; 1
 * @param pauseMillis        how long the grid stands aside after a risk-rule rejection, milliseconds, &gt; 0
 */
record GridSettings(int windowBars, double ewmaLambda, double garchWeight, int garchWindowBars, int garchRefitBars,
                    int horizonBars, BigDecimal spacingMultiple, BigDecimal minSpacingBps, int levels,
                    BigDecimal maxRangePercent, BigDecimal capitalFraction, int maxInventoryLevels,
                    long pauseMillis) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Reads the parameters and checks them against each other.
     *
     * @param p parameters resolved against {@link VolatilityGridProvider}'s schema
     * @return the settings
     * @throws InvalidParameterException when {@code minSpacingBps} exceeds {@code maxRangePercent} (no level could
     *                                   ever be placed), naming {@code minSpacingBps} and the largest value allowed
     */
    static GridSettings of(Parameters p) {
        BigDecimal minSpacingBps = p.getDecimal(VolatilityGridProvider.MIN_SPACING_BPS);
        BigDecimal maxRangePercent = p.getDecimal(VolatilityGridProvider.MAX_RANGE_PERCENT);
        BigDecimal maxRangeBps = maxRangePercent.multiply(HUNDRED);
        if (minSpacingBps.compareTo(maxRangeBps) > 0) {
            throw new InvalidParameterException(VolatilityGridProvider.MIN_SPACING_BPS, "parameter '"
                    + VolatilityGridProvider.MIN_SPACING_BPS + "' = " + minSpacingBps.toPlainString()
                    + " bps is wider than '" + VolatilityGridProvider.MAX_RANGE_PERCENT + "' = "
                    + maxRangePercent.toPlainString() + " %, so no level would fit: allowed 0 .. "
                    + maxRangeBps.stripTrailingZeros().toPlainString() + " (bps)");
        }
        return new GridSettings(
                p.getInt(VolatilityGridProvider.WINDOW_BARS),
                p.getDouble(VolatilityGridProvider.EWMA_LAMBDA),
                p.getDouble(VolatilityGridProvider.GARCH_WEIGHT),
                p.getInt(VolatilityGridProvider.GARCH_WINDOW_BARS),
                p.getInt(VolatilityGridProvider.GARCH_REFIT_BARS),
                p.getInt(VolatilityGridProvider.HORIZON_BARS),
                p.getDecimal(VolatilityGridProvider.SPACING_MULTIPLE),
                minSpacingBps,
                p.getInt(VolatilityGridProvider.LEVELS),
                maxRangePercent,
                p.getDecimal(VolatilityGridProvider.CAPITAL_FRACTION),
                p.getInt(VolatilityGridProvider.MAX_INVENTORY_LEVELS),
                p.getLong(VolatilityGridProvider.PAUSE_MINUTES) * 60_000L);
    }

    /**
     * Whether the GARCH forecast enters the composite at all ({@code garchWeight > 0}); without it no fit is run.
     *
     * @return true when GARCH is used
     */
    boolean garchEnabled() {
        return garchWeight > 0;
    }

    /**
     * Bars needed before the first grid: the estimators' window and, with GARCH, the closes of the first fit.
     *
     * @return {@code max(windowBars, garchWindowBars + 1)}, or {@code windowBars} without GARCH
     */
    int warmUpBars() {
        return garchEnabled() ? Math.max(windowBars, garchWindowBars + 1) : windowBars;
    }

    /**
     * How many bars the strategy keeps: as many as the warm-up needs.
     *
     * @return {@link #warmUpBars()}
     */
    int bufferBars() {
        return warmUpBars();
    }
}
