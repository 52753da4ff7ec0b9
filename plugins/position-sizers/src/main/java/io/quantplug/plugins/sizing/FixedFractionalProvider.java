package io.quantplug.plugins.sizing;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

/**
 * Provides {@code fixed-fractional}: risk a fixed share of equity per trade, given a stop distance as a percentage of
 * the price or as a multiple of the average true range. See {@link FixedFractionalSizer} for the formula.
 */
public final class FixedFractionalProvider implements EnhancementProvider {

    /** Parameter: the share of equity lost if the stop is hit, percent. */
    public static final String RISK_PERCENT = "riskPercent";
    /** Parameter: how the stop distance is set, {@code percent} or {@code atr}. */
    public static final String STOP = "stop";
    /** Parameter: the stop distance as a percentage of the reference price ({@code stop=percent}). */
    public static final String STOP_PERCENT = "stopPercent";
    /** Parameter: the stop distance in ATRs ({@code stop=atr}). */
    public static final String ATR_MULTIPLE = "atrMultiple";
    /** Parameter: bars in the ATR ({@code stop=atr}). */
    public static final String ATR_BARS = "atrBars";
    /** Parameter: the largest notional as a multiple of equity. */
    public static final String MAX_LEVERAGE = CommonParameters.MAX_LEVERAGE;
    /** Parameter: the share of cash a spot buy leaves unspent, percent. */
    public static final String CASH_BUFFER_PERCENT = CommonParameters.CASH_BUFFER_PERCENT;

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("fixed-fractional",
            "Fixed fractional",
            "Sizes each entry so that hitting its stop loses a fixed share of equity (Vince, Tharp); the stop is a "
                    + "percentage of the price or a multiple of the average true range.",
            ParameterSchema.of(
                    ParameterSpec.decimal(RISK_PERCENT).defaultValue(1).range(0.01, 20).unit("% of equity")
                            .description("equity lost if the stop is hit: quantity = riskPercent/100 x equity / "
                                    + "stop distance per unit").build(),
                    ParameterSpec.choice(STOP, "percent", "atr").defaultValue("percent")
                            .description("percent: the stop is stopPercent of the price; atr: atrMultiple average "
                                    + "true ranges of the latest atrBars bars").build(),
                    ParameterSpec.decimal(STOP_PERCENT).defaultValue(2).range(0.01, 50).unit("% of price")
                            .description("stop distance when stop=percent, as a percentage of the reference price "
                                    + "(the last close)").build(),
                    ParameterSpec.decimal(ATR_MULTIPLE).defaultValue(2).range(0.1, 20).unit("x ATR")
                            .description("stop distance when stop=atr, in average true ranges").build(),
                    ParameterSpec.integer(ATR_BARS).defaultValue(14).range(1, 999).unit("bars")
                            .description("bars in the average true range when stop=atr (Wilder's 14 by default); "
                                    + "needs one bar more in the history, and no trade is sized before that")
                            .build(),
                    CommonParameters.maxLeverage("caps the position notional at this multiple of equity, for when "
                            + "a tight stop would ask for more"),
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
        boolean atr = parameters.getString(STOP).equals("atr");
        return new FixedFractionalSizer(EntryNotional.fraction(parameters.getDecimal(RISK_PERCENT)), atr,
                EntryNotional.fraction(parameters.getDecimal(STOP_PERCENT)), parameters.getDouble(ATR_MULTIPLE),
                parameters.getInt(ATR_BARS), parameters.getDecimal(MAX_LEVERAGE),
                parameters.getDecimal(CASH_BUFFER_PERCENT));
    }
}
