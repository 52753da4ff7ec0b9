package io.quantplug.examples.embedded;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

/**
 * Provides the example's own strategy, {@code sma-momentum}: long while the close is above its simple moving
 * average. It lives on the application's class path, listed in
 * {@code META-INF/services/io.quantplug.api.strategy.StrategyProvider}; no plugin jar is involved, and the same class
 * would work unchanged inside one.
 *
 * <p>Stateless and thread-safe, as every provider: each {@link #create} makes an independent strategy.
 */
public final class SmaMomentumProvider implements StrategyProvider {

    /** The extension id a backtest names. */
    public static final String ID = "sma-momentum";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor(ID, "SMA momentum",
            "Long when the close crosses above its simple moving average; flat when it crosses below.",
            ParameterSchema.of(ParameterSpec.integer("period").defaultValue(240).range(2, 100_000).unit("bars")
                    .description("length of the simple moving average of closes").build()));

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public SmaMomentumProvider() {
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Strategy create(StrategyContext context) {
        return new SmaMomentum(context, context.parameters().getInt("period"));
    }
}
