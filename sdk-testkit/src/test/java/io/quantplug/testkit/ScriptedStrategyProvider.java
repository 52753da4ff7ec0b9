package io.quantplug.testkit;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.market.Bar;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

/**
 * A test strategy whose decisions are given as bar numbers: LONG on the close of bar {@code buyAt}, FLAT on the
 * close of bar {@code sellAt} (counting from 0), and it throws in {@code onBar} of bar {@code throwAt}.
 */
public final class ScriptedStrategyProvider implements StrategyProvider {

    /** Creates the provider, as ServiceLoader and the plugin host do. */
    public ScriptedStrategyProvider() {
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return new ExtensionDescriptor("scripted", "Scripted", "Buys and sells at given bars (test kit tests).",
                ParameterSchema.of(
                        ParameterSpec.integer("buyAt").defaultValue(1).range(0, 1_000_000).unit("bars")
                                .description("bar on whose close to go long").build(),
                        ParameterSpec.integer("sellAt").defaultValue(3).range(0, 1_000_000).unit("bars")
                                .description("bar on whose close to go flat").build(),
                        ParameterSpec.integer("throwAt").defaultValue(-1).range(-1, 1_000_000).unit("bars")
                                .description("bar whose onBar throws, -1 for none").build()));
    }

    @Override
    public Strategy create(StrategyContext context) {
        int buyAt = context.parameters().getInt("buyAt");
        int sellAt = context.parameters().getInt("sellAt");
        int throwAt = context.parameters().getInt("throwAt");
        return new Strategy() {
            private int bar = -1;

            @Override
            public void onBar(Bar b) {
                bar++;
                if (bar == throwAt) {
                    throw new IllegalStateException("scripted failure at bar " + bar);
                }
                if (bar == buyAt) {
                    context.emit(Signal.of(b.instrument(), SignalDirection.LONG, context.clock().millis(), "buy"));
                }
                if (bar == sellAt) {
                    context.emit(Signal.of(b.instrument(), SignalDirection.FLAT, context.clock().millis(), "sell"));
                }
            }
        };
    }
}
