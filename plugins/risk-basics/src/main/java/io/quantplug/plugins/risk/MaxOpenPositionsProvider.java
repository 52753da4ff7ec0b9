package io.quantplug.plugins.risk;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;

/** Provides {@code max-open-positions}: refuses an order that would open a position beyond {@code limit}. */
public final class MaxOpenPositionsProvider implements RiskRuleProvider {

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("max-open-positions",
            "Maximum open positions",
            "Refuses an order that would open a new position when the account already holds the maximum number.",
            ParameterSchema.of(ParameterSpec.integer("limit").defaultValue(1).range(1, 1000).unit("positions")
                    .description("most instruments with a non-zero position at once").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public RiskRule create(Parameters parameters) {
        return new MaxOpenPositions(parameters.getInt("limit"));
    }
}
