package io.quantplug.samples.rsi;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

/**
 * Provides the RSI reversion strategy: long when Wilder's RSI crosses below {@code lower}, flat when it crosses
 * above {@code upper}. Listed in {@code META-INF/services/io.quantplug.api.strategy.StrategyProvider}.
 */
public final class RsiReversionProvider implements StrategyProvider {

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("rsi-reversion", "RSI reversion",
            "Mean reversion on Wilder's RSI: long when it crosses below the lower threshold, flat when it crosses"
                    + " above the upper one.",
            ParameterSchema.of(
                    ParameterSpec.integer("period").defaultValue(14).range(2, 500).unit("bars")
                            .description("RSI look-back (Wilder used 14)").build(),
                    ParameterSpec.decimal("lower").defaultValue(30).range(0, 100).unit("RSI")
                            .description("enter long when RSI crosses below this level; must be below upper")
                            .build(),
                    ParameterSpec.decimal("upper").defaultValue(70).range(0, 100).unit("RSI")
                            .description("exit when RSI crosses above this level").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Strategy create(StrategyContext context) {
        double lower = context.parameters().getDouble("lower");
        double upper = context.parameters().getDouble("upper");
        if (lower >= upper) {
            throw new InvalidParameterException("lower", "parameter 'lower' = " + lower
                    + " must be below 'upper' = " + upper);
        }
        return new RsiReversion(context, context.parameters().getInt("period"), lower, upper);
    }
}
