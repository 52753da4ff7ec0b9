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
 * A test strategy whose signals a test writes down: LONG at the close of every bar (counted from 0) from
 * {@code enter} on, then FLAT at the close of bar {@code exit} and silence after it ({@code exit = -1}: never).
 */
final class ScriptedLongProvider implements StrategyProvider {

    @Override
    public ExtensionDescriptor descriptor() {
        return new ExtensionDescriptor("scripted-long", "Scripted long", "LONG from bar enter, FLAT at bar exit.",
                ParameterSchema.of(
                        ParameterSpec.integer("enter").defaultValue(0).range(0, 1_000_000)
                                .description("first LONG bar").build(),
                        ParameterSpec.integer("exit").defaultValue(-1).range(-1, 1_000_000)
                                .description("FLAT bar, -1 for never").build()));
    }

    @Override
    public Strategy create(StrategyContext context) {
        int enter = context.parameters().getInt("enter");
        int exit = context.parameters().getInt("exit");
        return new Strategy() {
            private int bar;

            @Override
            public void onBar(Bar b) {
                int i = bar++;
                if (i == exit) {
                    context.emit(Signal.of(b.instrument(), SignalDirection.FLAT, context.clock().millis(), "exit"));
                } else if (i >= enter && (exit < 0 || i < exit)) {
                    context.emit(Signal.of(b.instrument(), SignalDirection.LONG, context.clock().millis(), "enter"));
                }
            }
        };
    }
}
