package io.quantplug.plugins.grid;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

import java.math.BigDecimal;

/**
 * Provides {@code volatility-grid}: a grid of limit orders around a centre price whose spacing and depth follow a
 * composite volatility (six historical estimators and a walk-forward GARCH(1,1) forecast). See
 * {@link VolatilityGrid} for every rule and formula. Listed in
 * {@code META-INF/services/io.quantplug.api.strategy.StrategyProvider}.
 *
 * <p>Ranges are inclusive. Besides its own range, {@value #MIN_SPACING_BPS} may not exceed
 * {@value #MAX_RANGE_PERCENT} (in bps, {@code 100 x} the percentage), or no level could ever be placed.
 * Stateless and thread-safe.
 */
public final class VolatilityGridProvider implements StrategyProvider {

    /** Parameter: bars in the window of the six historical estimators. */
    public static final String WINDOW_BARS = "windowBars";
    /** Parameter: the EWMA estimator's decay factor per bar. */
    public static final String EWMA_LAMBDA = "ewmaLambda";
    /** Parameter: the weight of the GARCH forecast in the composite variance. */
    public static final String GARCH_WEIGHT = "garchWeight";
    /** Parameter: returns per GARCH(1,1) fit. */
    public static final String GARCH_WINDOW_BARS = "garchWindowBars";
    /** Parameter: bars between two GARCH fits. */
    public static final String GARCH_REFIT_BARS = "garchRefitBars";
    /** Parameter: bars over which the GARCH variance forecast is averaged. */
    public static final String HORIZON_BARS = "horizonBars";
    /** Parameter: spacing in composite standard deviations. */
    public static final String SPACING_MULTIPLE = "spacingMultiple";
    /** Parameter: the least spacing, bps of the centre. */
    public static final String MIN_SPACING_BPS = "minSpacingBps";
    /** Parameter: the most orders per side. */
    public static final String LEVELS = "levels";
    /** Parameter: the widest the grid may reach on each side, percent of the centre. */
    public static final String MAX_RANGE_PERCENT = "maxRangePercent";
    /** Parameter: equity per level, a fraction. */
    public static final String CAPITAL_FRACTION = "capitalFraction";
    /** Parameter: the inventory limit in level quantities. */
    public static final String MAX_INVENTORY_LEVELS = "maxInventoryLevels";
    /** Parameter: minutes to stand aside after a risk-rule rejection. */
    public static final String PAUSE_MINUTES = "pauseMinutes";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("volatility-grid",
            "Volatility grid",
            "Buy and sell limit orders on a grid around the last close, spaced by a composite of six volatility "
                    + "estimators and a GARCH(1,1) forecast; a filled order is answered one spacing away; "
                    + "re-centres when the price leaves the grid and pauses after a risk-rule rejection.",
            ParameterSchema.of(
                    ParameterSpec.integer(WINDOW_BARS).defaultValue(60).range(3, 5000).unit("bars")
                            .description("trailing bars of the close-to-close, Parkinson, Garman-Klass, "
                                    + "Rogers-Satchell, Yang-Zhang and EWMA estimators").build(),
                    ParameterSpec.decimal(EWMA_LAMBDA).defaultValue("0.94")
                            .range(new BigDecimal("0.5"), new BigDecimal("0.999"))
                            .description("decay factor per bar of the EWMA estimator (RiskMetrics: 0.94)").build(),
                    ParameterSpec.decimal(GARCH_WEIGHT).defaultValue("0.5").range(0, 1)
                            .description("weight of the GARCH(1,1) variance forecast in the composite variance; "
                                    + "the six estimators share the rest equally; 0 runs no GARCH fit").build(),
                    ParameterSpec.integer(GARCH_WINDOW_BARS).defaultValue(500).range(50, 5000).unit("bars")
                            .description("returns in each GARCH(1,1) fit: the trailing window up to the bar of "
                                    + "the fit, never later bars").build(),
                    ParameterSpec.integer(GARCH_REFIT_BARS).defaultValue(240).range(1, 100_000).unit("bars")
                            .description("bars between two GARCH(1,1) fits; in between the fitted model's "
                                    + "variance recursion is updated with each new return").build(),
                    ParameterSpec.integer(HORIZON_BARS).defaultValue(30).range(1, 10_000).unit("bars")
                            .description("the GARCH variance forecast used is the average of the 1- to "
                                    + "horizon-step forecasts").build(),
                    ParameterSpec.decimal(SPACING_MULTIPLE).defaultValue(1).range(new BigDecimal("0.1"), 100)
                            .unit("standard deviations")
                            .description("spacing between levels = this many composite standard deviations per "
                                    + "bar, times the centre price (at least minSpacingBps)").build(),
                    ParameterSpec.decimal(MIN_SPACING_BPS).defaultValue(10).range(0, 1000).unit("bps")
                            .description("the least spacing between levels, basis points of the centre price; "
                                    + "keep it above the round-trip fees").build(),
                    ParameterSpec.integer(LEVELS).defaultValue(5).range(1, 100).unit("levels")
                            .description("the most limit orders on each side of the centre").build(),
                    ParameterSpec.decimal(MAX_RANGE_PERCENT).defaultValue(3).range(new BigDecimal("0.01"), 50)
                            .unit("%")
                            .description("the outermost level lies at most this far from the centre, so the "
                                    + "grid has fewer levels when volatility widens the spacing").build(),
                    ParameterSpec.decimal(CAPITAL_FRACTION).defaultValue("0.02").range(new BigDecimal("0.0001"), 1)
                            .description("quantity per level = this fraction of equity divided by the centre "
                                    + "price, fixed when the first grid is placed").build(),
                    ParameterSpec.integer(MAX_INVENTORY_LEVELS).defaultValue(5).range(1, 1000).unit("levels")
                            .description("the most inventory (long, or short where the instrument allows it) "
                                    + "the grid may hold, in level quantities; buys that could exceed it are "
                                    + "not placed").build(),
                    ParameterSpec.integer(PAUSE_MINUTES).defaultValue(60).range(1, 10_080).unit("minutes")
                            .description("after a risk rule (e.g. the circuit breaker) rejects an order: "
                                    + "cancel the grid and place no order for this long").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Creates a grid instance on the context's instrument.
     *
     * @param context the instance's context; its parameters are checked against {@link #descriptor()}'s schema
     * @return the strategy
     * @throws io.quantplug.api.param.InvalidParameterException when the parameters are inconsistent (see the class
     *                                                           comment)
     */
    @Override
    public Strategy create(StrategyContext context) {
        return new VolatilityGrid(context, GridSettings.of(context.parameters()));
    }
}
