package io.quantplug.plugins.risk;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;

/**
 * Provides {@code max-position-notional}: the position's value after the order, at the order's price, may not
 * exceed {@code limit} (account currency). With {@code action=resize} an order that would exceed it is cut to the
 * largest quantity that fits instead of being refused.
 */
public final class MaxPositionNotionalProvider implements RiskRuleProvider {

    /** The largest limit accepted: 10^12 of the quote currency, above any account this rule is meant for. */
    private static final long MAX_LIMIT = 1_000_000_000_000L;

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("max-position-notional",
            "Maximum position notional",
            "Refuses (or resizes) an order that would take the position's value in one instrument above a limit.",
            ParameterSchema.of(
                    ParameterSpec.decimal("limit").range(0, MAX_LIMIT).unit("quote currency")
                            .description("largest allowed |quantity| x price of the position after the order")
                            .build(),
                    ParameterSpec.choice("action", "reject", "resize").defaultValue("reject")
                            .description("refuse an order over the limit, or cut it to fit").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public RiskRule create(Parameters parameters) {
        return new MaxPositionNotional(parameters.getDecimal("limit"),
                parameters.getString("action").equals("resize"));
    }
}
