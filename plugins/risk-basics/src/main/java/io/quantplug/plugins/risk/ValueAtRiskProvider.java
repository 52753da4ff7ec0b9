package io.quantplug.plugins.risk;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;

/**
 * {@code value-at-risk}: refuses an order that would take the portfolio's one-bar Value at Risk or Expected Shortfall
 * (historical or parametric, 95 % or 99 %) above a percentage of its equity. See {@link ValueAtRisk}.
 */
public final class ValueAtRiskProvider implements RiskRuleProvider {

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("value-at-risk",
            "Value at Risk limit",
            "Refuses an order when the portfolio after it would have a one-bar Value at Risk (or Expected Shortfall),"
                    + " historical or parametric, above a percentage of the equity.",
            ParameterSchema.of(
                    ParameterSpec.decimal("limitPct").range(0.01, 100).defaultValue("2").unit("% of equity")
                            .description("largest allowed one-bar VaR (or ES) after the order").build(),
                    ParameterSpec.choice("method", "historical", "parametric").defaultValue("historical")
                            .description("historical: quantile of the past bars' losses of the positions;"
                                    + " parametric: normal, from the returns' means and covariances").build(),
                    ParameterSpec.choice("measure", "var", "es").defaultValue("var")
                            .description("var: Value at Risk; es: Expected Shortfall (the mean loss beyond it)")
                            .build(),
                    ParameterSpec.choice("confidence", "95", "99").defaultValue("99").unit("%")
                            .description("confidence level").build(),
                    ParameterSpec.integer("lookback").range(ValueAtRisk.MINIMUM_RETURNS, 100_000).defaultValue(500)
                            .unit("bars").description("bar returns of each instrument the risk is measured on")
                            .build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public RiskRule create(Parameters parameters) {
        return new ValueAtRisk(parameters.getString("method").equals("historical"),
                parameters.getString("measure").equals("es") ? ValueAtRisk.Measure.ES : ValueAtRisk.Measure.VAR,
                Integer.parseInt(parameters.getString("confidence")), parameters.getInt("lookback"),
                parameters.getDecimal("limitPct").doubleValue());
    }
}
