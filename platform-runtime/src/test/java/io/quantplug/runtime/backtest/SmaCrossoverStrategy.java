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
import io.quantplug.sdk.indicator.Crossing;
import io.quantplug.sdk.indicator.Sma;

/**
 * The SMA crossover of the {@code sma-crossover} sample plugin, written again here because the runtime's tests
 * cannot depend on a plugin module: LONG when the fast SMA of closes crosses above the slow one, FLAT when it crosses
 * below, from the {@code slow}-th bar on.
 */
final class SmaCrossoverStrategy implements Strategy {

    /** Registers as {@code sma-crossover} with parameters {@code fast} (default 10) and {@code slow} (default 30). */
    static final class Provider implements StrategyProvider {
        private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("sma-crossover",
                "SMA crossover (test)", "Long on a fast-over-slow SMA cross, flat on the opposite cross.",
                ParameterSchema.of(
                        ParameterSpec.integer("fast").defaultValue(10).range(1, 1000).description("fast").build(),
                        ParameterSpec.integer("slow").defaultValue(30).range(2, 5000).description("slow").build()));

        @Override
        public ExtensionDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public Strategy create(StrategyContext context) {
            return new SmaCrossoverStrategy(context, context.parameters().getInt("fast"),
                    context.parameters().getInt("slow"));
        }
    }

    private final StrategyContext context;
    private final Sma fast;
    private final Sma slow;
    private final Crossing crossing = new Crossing();

    SmaCrossoverStrategy(StrategyContext context, int fast, int slow) {
        this.context = context;
        this.fast = new Sma(fast);
        this.slow = new Sma(slow);
    }

    @Override
    public void onBar(Bar bar) {
        double f = fast.update(bar.close());
        double s = slow.update(bar.close());
        if (!slow.isReady()) {
            return;
        }
        switch (crossing.update(f, s)) {
            case UP -> context.emit(Signal.of(bar.instrument(), SignalDirection.LONG, context.clock().millis(),
                    "fast crossed above slow"));
            case DOWN -> context.emit(Signal.of(bar.instrument(), SignalDirection.FLAT, context.clock().millis(),
                    "fast crossed below slow"));
            default -> { }
        }
    }
}
