package io.quantplug.samples.sma;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

/**
 * Provides the SMA crossover strategy: long when the fast simple moving average of closes crosses above the slow
 * one, flat when it crosses below. Listed in {@code META-INF/services/io.quantplug.api.strategy.StrategyProvider}.
 */
public final class SmaCrossoverProvider implements StrategyProvider {

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("sma-crossover", "SMA crossover",
            "Long when the fast simple moving average of closes crosses above the slow one; flat when it crosses"
                    + " below.",
            ParameterSchema.of(
                    ParameterSpec.integer("fast").defaultValue(10).range(1, 1000).unit("bars")
                            .description("length of the fast moving average; must be below slow").build(),
                    ParameterSpec.integer("slow").defaultValue(30).range(2, 5000).unit("bars")
                            .description("length of the slow moving average").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Strategy create(StrategyContext context) {
        int fast = context.parameters().getInt("fast");
        int slow = context.parameters().getInt("slow");
        if (fast >= slow) {
            throw new InvalidParameterException("fast", "parameter 'fast' = " + fast
                    + " must be below 'slow' = " + slow);
        }
        return new SmaCrossover(context, fast, slow);
    }

    /**
     * The slow average's length: the first crossing can be decided on the bar after it has a full window.
     *
     * @param parameters the checked parameters
     * @return {@code slow} bars
     */
    @Override
    public int warmUpBars(Parameters parameters) {
        return parameters.getInt("slow");
    }
}
