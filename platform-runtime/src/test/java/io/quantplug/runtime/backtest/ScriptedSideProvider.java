package io.quantplug.runtime.backtest;

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
 * A test strategy that signals one direction at the close of its first bar and holds it: LONG for {@code side = 1},
 * SHORT for {@code side = -1}.
 */
final class ScriptedSideProvider implements StrategyProvider {

    @Override
    public ExtensionDescriptor descriptor() {
        return new ExtensionDescriptor("scripted-side", "Scripted side", "LONG or SHORT from the first bar on.",
                ParameterSchema.of(ParameterSpec.integer("side").defaultValue(1).range(-1, 1)
                        .description("1 long, -1 short").build()));
    }

    @Override
    public Strategy create(StrategyContext context) {
        SignalDirection direction = context.parameters().getInt("side") < 0 ? SignalDirection.SHORT
                : SignalDirection.LONG;
        return new Strategy() {
            private boolean sent;

            @Override
            public void onBar(Bar b) {
                if (!sent) {
                    sent = true;
                    context.emit(Signal.of(b.instrument(), direction, context.clock().millis(), "hold"));
                }
            }
        };
    }
}
