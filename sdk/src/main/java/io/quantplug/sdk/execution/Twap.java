package io.quantplug.sdk.execution;

import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Time-weighted average price: a parent order sent as {@code slices} market orders of equal size (rounded down to
 * the lot, the last taking the rest), one now and one every {@code duration / slices} after, so the average fill
 * tracks the average price over the period. When every child has ended it reports its fills and its slippage
 * against the arrival price through {@link StrategyContext#reportExecution}, which puts them in the run's result.
 *
 * <p>Use from a strategy: create it, {@link #start(double)} it with the arrival price (e.g. the book's mid), and hand
 * it every {@code onTimer} and {@code onOrderEvent} first ({@link #onTimer}, {@link #onOrderEvent} say whether it
 * took the event). The timers are named {@code PREFIX#i}.
 *
 * <pre>{@code
 * Twap twap = new Twap(ctx, "twap", Side.BUY, new BigDecimal("0.5"), 60_000, 6); // 0.5 BTC over a minute
 * twap.start(book.midPrice());
 * // in onTimer:      if (twap.onTimer(timer)) return;
 * // in onOrderEvent: if (twap.onOrderEvent(event)) return;
 * }</pre>
 *
 * <p>Threading: the engine thread, from the strategy's callbacks. Source: the standard TWAP schedule (e.g. Kissell,
 * "The Science of Algorithmic Trading and Portfolio Management", 2013, ch. 3).
 */
public final class Twap extends SlicedExecution {

    /**
     * A TWAP execution, not started.
     *
     * @param ctx            the strategy's context
     * @param timerPrefix    the name its timers start with, unique among the strategy's timers
     * @param side           buy or sell
     * @param quantity       the parent quantity, base units, &gt; 0
     * @param durationMillis the period, &ge; 0 ms (0 sends every slice now)
     * @param slices         how many child orders, 1 to 10,000
     * @throws IllegalArgumentException when a value is out of its range
     */
    public Twap(StrategyContext ctx, String timerPrefix, Side side, BigDecimal quantity, long durationMillis,
                int slices) {
        super(ctx, "twap", timerPrefix, side, quantity, durationMillis, slices);
    }

    @Override
    double[] weights(long[] sliceTimes) {
        double[] w = new double[sliceTimes.length];
        Arrays.fill(w, 1);
        return w;
    }
}
