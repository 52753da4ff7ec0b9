package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;

/**
 * Provides {@code exposure-limits}: caps on the notional of one position (absolute), of one instrument (share of
 * equity), of all positions together, and on leverage. See {@link ExposureLimitsRule} for the formulas; 0 turns a
 * limit off, and the ranges below are inclusive.
 */
public final class ExposureLimitsProvider implements RiskRuleProvider {

    /** Parameter: largest notional of one position, account currency. */
    public static final String MAX_POSITION_NOTIONAL = "maxPositionNotional";
    /** Parameter: largest notional of one instrument, percent of equity. */
    public static final String MAX_INSTRUMENT_PERCENT = "maxInstrumentPercent";
    /** Parameter: largest sum of position notionals, account currency. */
    public static final String MAX_TOTAL_NOTIONAL = "maxTotalNotional";
    /** Parameter: largest gross notional divided by equity. */
    public static final String MAX_LEVERAGE = "maxLeverage";
    /** Parameter: {@code reject} or {@code resize} an order over a limit. */
    public static final String ACTION = "action";

    private static final long TRILLION = 1_000_000_000_000L;

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("exposure-limits",
            "Exposure limits",
            "Refuses, or cuts to fit, an order that would take a position, an instrument's share of equity, the "
                    + "total notional or the leverage above its limit.",
            ParameterSchema.of(
                    ParameterSpec.decimal(MAX_POSITION_NOTIONAL).defaultValue(0).range(0, TRILLION)
                            .unit("account currency")
                            .description("largest |quantity| x price of one position after the order; 0 = no limit")
                            .build(),
                    ParameterSpec.decimal(MAX_INSTRUMENT_PERCENT).defaultValue(100).range(0, 10_000).unit("%")
                            .description("largest notional of one instrument's position after the order, as a "
                                    + "percentage of equity; 0 = no limit").build(),
                    ParameterSpec.decimal(MAX_TOTAL_NOTIONAL).defaultValue(0).range(0, TRILLION)
                            .unit("account currency")
                            .description("largest sum of |quantity| x price over all positions after the order; "
                                    + "0 = no limit").build(),
                    ParameterSpec.decimal(MAX_LEVERAGE).defaultValue(1).range(0, 100).unit("x equity")
                            .description("largest gross notional (sum over all positions) divided by equity after "
                                    + "the order; 1 = no leverage; 0 = no limit").build(),
                    ParameterSpec.choice(ACTION, "reject", "resize").defaultValue("reject")
                            .description("refuse an order over a limit, or cut it to the largest quantity that fits "
                                    + "all limits (refused when none does)").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public RiskRule create(Parameters parameters) {
        return new ExposureLimitsRule(parameters.getDecimal(MAX_POSITION_NOTIONAL),
                parameters.getDecimal(MAX_INSTRUMENT_PERCENT), parameters.getDecimal(MAX_TOTAL_NOTIONAL),
                parameters.getDecimal(MAX_LEVERAGE), parameters.getString(ACTION).equals("resize"));
    }
}
