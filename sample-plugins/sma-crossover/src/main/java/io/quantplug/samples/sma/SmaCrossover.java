package io.quantplug.samples.sma;

import io.quantplug.api.market.Bar;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.sdk.indicator.Crossing;
import io.quantplug.sdk.indicator.Sma;

/**
 * The SMA crossover: signals LONG when the fast average crosses above the slow one and FLAT when it crosses below.
 * Crossings are looked for once both averages are warmed up (from the {@code slow}-th bar on).
 */
final class SmaCrossover implements Strategy {

    private final StrategyContext context;
    private final Sma fast;
    private final Sma slow;
    private final Crossing crossing = new Crossing();
    private final String crossedAbove;
    private final String crossedBelow;

    SmaCrossover(StrategyContext context, int fastPeriod, int slowPeriod) {
        this.context = context;
        this.fast = new Sma(fastPeriod);
        this.slow = new Sma(slowPeriod);
        this.crossedAbove = "SMA(" + fastPeriod + ") crossed above SMA(" + slowPeriod + ")";
        this.crossedBelow = "SMA(" + fastPeriod + ") crossed below SMA(" + slowPeriod + ")";
    }

    @Override
    public void onBar(Bar bar) {
        double f = fast.update(bar.close());
        double s = slow.update(bar.close());
        if (!slow.isReady()) {
            return;
        }
        switch (crossing.update(f, s)) {
            case UP -> signal(SignalDirection.LONG, crossedAbove);
            case DOWN -> signal(SignalDirection.FLAT, crossedBelow);
            default -> { }
        }
    }

    private void signal(SignalDirection direction, String reason) {
        context.emit(Signal.of(context.instrument().id(), direction, context.clock().millis(), reason));
    }
}
