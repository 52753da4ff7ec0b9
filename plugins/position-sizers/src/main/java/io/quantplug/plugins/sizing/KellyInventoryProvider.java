package io.quantplug.plugins.sizing;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;

/**
 * Provides {@code kelly-inventory}: a sizer that weighs every instrument of the account together, with Kelly
 * fractions from their recent returns, the correlation between them shrunk toward none, and a Herfindahl cap on how
 * concentrated the weights may be; open positions are rebalanced when they drift from their weights. See
 * {@link KellyInventorySizer} for the formulas.
 */
public final class KellyInventoryProvider implements EnhancementProvider {

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("kelly-inventory",
            "Kelly inventory", "Sizes an entry to its instrument's weight in the account's multi-asset Kelly"
                    + " portfolio: mean returns over the covariance of the recent bar returns, correlations shrunk"
                    + " toward zero, weights capped in concentration (Herfindahl) and in sum.",
            ParameterSchema.of(
                    ParameterSpec.integer("lookback").defaultValue(250).range(20, 999).unit("bars")
                            .description("bar returns the means and the covariance are estimated on").build(),
                    ParameterSpec.decimal("kellyFraction").defaultValue("0.5").range(0.01, 1).unit("x Kelly")
                            .description("the share of the full Kelly weights traded").build(),
                    ParameterSpec.decimal("shrinkage").defaultValue("0.5").range(0, 1).unit("share")
                            .description("how far the correlations are pulled toward zero: 0 keeps them, 1 treats"
                                    + " the instruments as uncorrelated").build(),
                    ParameterSpec.decimal("maxHerfindahl").defaultValue("0.5").range(0.01, 1).unit("index")
                            .description("the most concentrated the weights may be, sum(w^2)/sum(w)^2: 1/n is"
                                    + " equal weights, 1 all in one instrument").build(),
                    ParameterSpec.decimal("maxGross").defaultValue("1").range(0.01, 10).unit("x equity")
                            .description("the most the weights may add up to").build(),
                    ParameterSpec.decimal("driftPct").defaultValue(5).range(0.1, 100).unit("% of equity")
                            .description("rebalance an open position when it is this far from its weight").build()));

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
        return new KellyInventorySizer(parameters.getInt("lookback"), parameters.getDouble("kellyFraction"),
                parameters.getDouble("shrinkage"), parameters.getDouble("maxHerfindahl"),
                parameters.getDouble("maxGross"), parameters.getDouble("driftPct") / 100);
    }
}
