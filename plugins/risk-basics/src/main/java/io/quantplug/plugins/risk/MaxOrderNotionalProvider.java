package io.quantplug.plugins.risk;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;

/** Provides {@code max-order-notional}: an order's value may not exceed a percentage of equity. */
public final class MaxOrderNotionalProvider implements RiskRuleProvider {

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("max-order-notional",
            "Maximum order notional",
            "Refuses an order whose value exceeds a percentage of the account's equity.",
            ParameterSchema.of(ParameterSpec.decimal("percentOfEquity").defaultValue(100).range(0.01, 1000)
                    .unit("%").description("largest order value as a percentage of equity (above 100 allows"
                            + " leverage where the venue does)").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public RiskRule create(Parameters parameters) {
        return new MaxOrderNotional(parameters.getDecimal("percentOfEquity"));
    }
}
