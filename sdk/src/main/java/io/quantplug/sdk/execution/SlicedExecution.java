package io.quantplug.sdk.execution;

import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.TimerEvent;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A parent order sent as market child orders at evenly spaced times, each of a share of the parent: the machinery
 * of {@link Twap} (equal shares) and {@link Vwap} (shares by a volume curve). Not thread-safe.
 */
abstract class SlicedExecution {

    private final ChildOrders children;
    private final String timerPrefix;
    private final long durationMillis;
    private final int slices;
    private BigDecimal[] quantities;
    private long[] times;
    private int nextSlice;

    SlicedExecution(StrategyContext ctx, String algorithm, String timerPrefix, Side side, BigDecimal quantity,
                    long durationMillis, int slices) {
        if (durationMillis < 0) {
            throw new IllegalArgumentException("duration must be >= 0 ms, got " + durationMillis);
        }
        if (slices < 1 || slices > 10_000) {
            throw new IllegalArgumentException("slices must be 1 to 10,000, got " + slices);
        }
        if (timerPrefix == null || timerPrefix.isBlank()) {
            throw new IllegalArgumentException("timer prefix must not be blank");
        }
        this.children = new ChildOrders(ctx, algorithm, side, quantity);
        this.timerPrefix = timerPrefix + "#";
        this.durationMillis = durationMillis;
        this.slices = slices;
    }

    /** The share of the parent each slice takes, any non-negative numbers (normalised here). */
    abstract double[] weights(long[] sliceTimes);

    /**
     * Starts: the first slice goes now, the others at {@code now + i × duration / slices}.
     *
     * @param arrivalPrice the benchmark price now (a mid or last price), &gt; 0
     * @throws IllegalStateException    when already started
     * @throws IllegalArgumentException when the arrival price is not finite and positive
     */
    public void start(double arrivalPrice) {
        children.start(arrivalPrice);
        long now = children.ctx().clock().millis();
        times = new long[slices];
        for (int i = 0; i < slices; i++) {
            times[i] = now + durationMillis * i / slices;
        }
        quantities = split(weights(times));
        for (int i = 1; i < slices; i++) {
            children.ctx().scheduleTimer(timerPrefix + i, times[i]);
        }
        sendSlice();
    }

    /** The parent split by the weights, each share rounded down to the lot, the last taking what is left. */
    private BigDecimal[] split(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += Math.max(0, w);
        }
        BigDecimal[] q = new BigDecimal[slices];
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < slices - 1; i++) {
            double share = total > 0 ? Math.max(0, weights[i]) / total : 1.0 / slices;
            q[i] = children.ctx().instrument().roundQuantityDown(
                    children.target().multiply(BigDecimal.valueOf(share), MathContext.DECIMAL64));
            given = given.add(q[i]);
        }
        q[slices - 1] = children.ctx().instrument().roundQuantityDown(children.target().subtract(given));
        return q;
    }

    /**
     * Takes a timer if it is one of this execution's: sends that slice.
     *
     * @param timer the timer the strategy got
     * @return true when it was this execution's
     */
    public boolean onTimer(TimerEvent timer) {
        if (!timer.name().startsWith(timerPrefix) || quantities == null) {
            return false;
        }
        sendSlice();
        return true;
    }

    /**
     * Takes an order event if it is one of the child orders': adds a fill; reports the execution when every slice
     * is sent and no child is working.
     *
     * @param event the event the strategy got
     * @return true when it was a child order's
     */
    public boolean onOrderEvent(OrderEvent event) {
        if (!children.onOrderEvent(event)) {
            return false;
        }
        finishWhenDone();
        return true;
    }

    private void sendSlice() {
        if (nextSlice >= slices) {
            return;
        }
        BigDecimal q = quantities[nextSlice++].min(children.remaining());
        if (q.signum() > 0) {
            StrategyContext ctx = children.ctx();
            children.send(new MarketOrder(children.nextId(), ctx.instrument().id(), children.side(),
                    OrderSize.base(q)));
        }
        finishWhenDone();
    }

    private void finishWhenDone() {
        if (nextSlice >= slices && !children.childWorking()) {
            children.report();
        }
    }

    /**
     * Whether the execution has reported: every slice sent and every child order ended.
     *
     * @return true when done
     */
    public boolean done() {
        return children.reported();
    }

    /**
     * What the child orders filled so far.
     *
     * @return base units
     */
    public BigDecimal filled() {
        return children.filled();
    }
}
