package io.quantplug.examples.embedded;

import io.quantplug.api.market.Bar;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.sdk.indicator.Crossing;
import io.quantplug.sdk.indicator.Sma;

/**
 * Price momentum against a simple moving average of closes: signals LONG when the close crosses above
 * {@code SMA(period)} and FLAT when it crosses below. Crossings are looked for once the average is warmed up (from
 * the {@code period}-th bar on); the first warm bar only records which side the close is on.
 *
 * <p>Called by the engine on its thread only; not thread-safe, as every strategy.
 */
final class SmaMomentum implements Strategy {

    private final StrategyContext context;
    private final Sma sma;
    private final Crossing crossing = new Crossing();
    private final String crossedAbove;
    private final String crossedBelow;

    SmaMomentum(StrategyContext context, int period) {
        this.context = context;
        this.sma = new Sma(period);
        this.crossedAbove = "close crossed above SMA(" + period + ")";
        this.crossedBelow = "close crossed below SMA(" + period + ")";
    }

    @Override
    public void onBar(Bar bar) {
        double average = sma.update(bar.close());
        if (!sma.isReady()) {
            return;
        }
        switch (crossing.update(bar.close(), average)) {
            case UP -> signal(SignalDirection.LONG, crossedAbove);
            case DOWN -> signal(SignalDirection.FLAT, crossedBelow);
            default -> { }
        }
    }

    private void signal(SignalDirection direction, String reason) {
        context.emit(Signal.of(context.instrument().id(), direction, context.clock().millis(), reason));
    }
}
