package io.quantplug.plugins.sizing;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

/**
 * Provides {@code kelly}: fractional Kelly with a cap, from the win rate and payoff ratio of the round trips seen so
 * far, with a fallback share until enough have closed. See {@link KellySizer} for the formula and its limits.
 */
public final class KellyProvider implements EnhancementProvider {

    /** Parameter: the multiple of the full Kelly fraction bet. */
    public static final String KELLY_FRACTION = "kellyFraction";
    /** Parameter: the largest share of equity in one position, percent. */
    public static final String MAX_PERCENT = "maxPercent";
    /** Parameter: closed round trips before the estimate is trusted. */
    public static final String MIN_TRADES = "minTrades";
    /** Parameter: the share of equity per entry until then, percent. */
    public static final String FALLBACK_PERCENT = "fallbackPercent";
    /** Parameter: the share of cash a spot buy leaves unspent, percent. */
    public static final String CASH_BUFFER_PERCENT = CommonParameters.CASH_BUFFER_PERCENT;

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("kelly",
            "Fractional Kelly",
            "Puts c x f* of equity into each entry, f* = W - (1 - W)/R from the win rate W and payoff ratio R of the "
                    + "round trips closed so far (Kelly 1956, Thorp), capped; no trade when f* <= 0.",
            ParameterSchema.of(
                    ParameterSpec.decimal(KELLY_FRACTION).defaultValue("0.5").range(0.01, 1).unit("x Kelly")
                            .description("c, the multiple of the full Kelly fraction bet; half Kelly keeps 3/4 of "
                                    + "the growth rate at half the volatility and forgives an over-estimated edge")
                            .build(),
                    ParameterSpec.decimal(MAX_PERCENT).defaultValue(20).range(0.1, 100).unit("% of equity")
                            .description("cap on the position notional, whatever the estimate (and on the fallback)")
                            .build(),
                    ParameterSpec.integer(MIN_TRADES).defaultValue(20).range(1, 10_000).unit("round trips")
                            .description("closed round trips (non-zero realised P&L between two entries) before "
                                    + "W and R are trusted").build(),
                    ParameterSpec.decimal(FALLBACK_PERCENT).defaultValue(2).range(0, 100).unit("% of equity")
                            .description("position notional while fewer than minTrades round trips have closed; "
                                    + "0 trades nothing until then").build(),
                    CommonParameters.cashBufferPercent()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EnhancementKind kind() {
        return EnhancementKind.POSITION_SIZER;
    }

    @Override
    public Enhancement create(Parameters parameters) {
        return new KellySizer(parameters.getDecimal(KELLY_FRACTION),
                EntryNotional.fraction(parameters.getDecimal(MAX_PERCENT)), parameters.getInt(MIN_TRADES),
                EntryNotional.fraction(parameters.getDecimal(FALLBACK_PERCENT)),
                parameters.getDecimal(CASH_BUFFER_PERCENT));
    }
}
