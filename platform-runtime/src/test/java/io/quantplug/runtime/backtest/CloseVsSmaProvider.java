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
import java.math.BigDecimal;
import java.util.Map;

/**
 * A test strategy that states its view on every bar (unlike a crossover, which speaks only when it changes its mind):
 * LONG while the close is above the simple moving average of the last {@code period} closes (this one included),
 * FLAT otherwise, from the {@code period}-th bar on, with a fixed signal strength. The orchestration tests group
 * several of these. The comparison is exact, {@code close x period > sum of the closes} in decimals (a bar's close
 * as the shortest decimal of its double, i.e. as the file wrote it): a close equal to its mean, which happens on real
 * data, is FLAT, not left to the rounding of a floating-point mean.
 */
public final class CloseVsSmaProvider implements StrategyProvider {

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("close-vs-sma", "Close vs SMA",
            "LONG while the close is above its simple moving average, FLAT otherwise; signals every bar.",
            ParameterSchema.of(
                    ParameterSpec.integer("period").defaultValue(20).range(2, 1000).unit("bars")
                            .description("length of the moving average").build(),
                    ParameterSpec.decimal("strength").defaultValue(1).range(0, 1)
                            .description("the strength of every signal").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Strategy create(StrategyContext context) {
        int period = context.parameters().getInt("period");
        double strength = context.parameters().getDouble("strength");
        BigDecimal[] window = new BigDecimal[period];
        String above = "close above SMA(" + period + ")";
        String below = "close at or below SMA(" + period + ")";
        BigDecimal p = BigDecimal.valueOf(period);
        return new Strategy() {
            private BigDecimal sum = BigDecimal.ZERO;
            private long seen;

            @Override
            public void onBar(Bar bar) {
                BigDecimal close = BigDecimal.valueOf(bar.close());
                int slot = (int) (seen++ % period);
                sum = sum.add(close).subtract(window[slot] == null ? BigDecimal.ZERO : window[slot]);
                window[slot] = close;
                if (seen >= period) {
                    boolean up = close.multiply(p).compareTo(sum) > 0;
                    context.emit(new Signal(context.instrument().id(), up ? SignalDirection.LONG
                            : SignalDirection.FLAT, strength, 1.0, context.clock().millis(), up ? above : below,
                            Map.of()));
                }
            }
        };
    }
}
