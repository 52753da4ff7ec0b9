package io.quantplug.samples.rsi;

import io.quantplug.api.market.Bar;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.sdk.indicator.Crossing;
import io.quantplug.sdk.indicator.Rsi;

/**
 * Signals LONG when RSI crosses below the lower level (oversold) and FLAT when it crosses above the upper level
 * (overbought). Crossings are looked for once the RSI is warmed up ({@code period + 1} bars).
 */
final class RsiReversion implements Strategy {

    private final StrategyContext context;
    private final Rsi rsi;
    private final double lower;
    private final double upper;
    private final Crossing belowLower = new Crossing();
    private final Crossing aboveUpper = new Crossing();

    RsiReversion(StrategyContext context, int period, double lower, double upper) {
        this.context = context;
        this.rsi = new Rsi(period);
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public void onBar(Bar bar) {
        double value = rsi.update(bar.close());
        if (!rsi.isReady()) {
            return;
        }
        if (belowLower.update(value, lower) == Crossing.Direction.DOWN) {
            context.emit(Signal.of(bar.instrument(), SignalDirection.LONG, context.clock().millis(),
                    String.format(java.util.Locale.ROOT, "RSI %.2f crossed below %.2f", value, lower)));
        }
        if (aboveUpper.update(value, upper) == Crossing.Direction.UP) {
            context.emit(Signal.of(bar.instrument(), SignalDirection.FLAT, context.clock().millis(),
                    String.format(java.util.Locale.ROOT, "RSI %.2f crossed above %.2f", value, upper)));
        }
    }
}
