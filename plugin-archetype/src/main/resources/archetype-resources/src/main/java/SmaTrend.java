package ${package};

import io.quantplug.api.market.Bar;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.sdk.indicator.Crossing;
import io.quantplug.sdk.indicator.Sma;

/**
 * The trading rule: LONG when the close crosses above its simple moving average, FLAT when it crosses below.
 *
 * <p>The engine calls {@link #onBar} once per bar, on one thread, in time order. A signal is decided on the bar's
 * close and fills at the next bar's open at the earliest; the engine sizes the order and checks the risk rules.
 * Edit {@link #onBar} to change the rule.
 */
final class SmaTrend implements Strategy {

    private final StrategyContext context;
    private final Sma average;
    private final Crossing crossing = new Crossing();

    SmaTrend(StrategyContext context, int period) {
        this.context = context;
        this.average = new Sma(period);
    }

    @Override
    public void onBar(Bar bar) {
        double mean = average.update(bar.close());
        if (!average.isReady()) {
            return; // fewer than 'period' closes so far
        }
        switch (crossing.update(bar.close(), mean)) {
            case UP -> signal(SignalDirection.LONG, "close crossed above its SMA");
            case DOWN -> signal(SignalDirection.FLAT, "close crossed below its SMA");
            default -> { }
        }
    }

    private void signal(SignalDirection direction, String reason) {
        context.emit(Signal.of(context.instrument().id(), direction, context.clock().millis(), reason));
    }
}
