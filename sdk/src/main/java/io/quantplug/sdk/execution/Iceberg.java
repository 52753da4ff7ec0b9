package io.quantplug.sdk.execution;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An iceberg: a large limit order shown a clip at a time. One limit order of the display quantity (rounded down to
 * the lot) rests at the price; when it has filled in full the next clip goes in, until the parent is filled or
 * {@link #cancel()} is called; a clip the venue refuses, cancels or expires ends the execution. The market sees at
 * most one clip, and each new clip joins the back of the queue at its price. It reports as {@link Twap} does, with
 * algorithm {@code iceberg}.
 *
 * <p>Threading: the engine thread, from the strategy's callbacks. Source: the iceberg (reserve) order as venues
 * define it, e.g. CME Globex "display quantity" orders; here run by the strategy, so the venue sees plain limit
 * orders.
 */
public final class Iceberg {

    private final ChildOrders children;
    private final BigDecimal price;
    private final BigDecimal display;
    private ClientOrderId clip;
    private boolean stopping;

    /**
     * An iceberg, not started.
     *
     * @param ctx      the strategy's context
     * @param side     buy or sell
     * @param quantity the parent quantity, base units, &gt; 0
     * @param price    the limit price, quote per base, &gt; 0 (rounded to the tick, down for a buy, up for a sell)
     * @param display  the quantity shown at a time, base units, at least one lot
     * @throws IllegalArgumentException when a value is out of its range
     */
    public Iceberg(StrategyContext ctx, Side side, BigDecimal quantity, BigDecimal price, BigDecimal display) {
        this.children = new ChildOrders(ctx, "iceberg", side, quantity);
        Objects.requireNonNull(price, "price");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be > 0, got " + price);
        }
        this.price = ctx.instrument().roundPrice(price, side == Side.BUY ? RoundingMode.DOWN : RoundingMode.UP);
        this.display = ctx.instrument().roundQuantityDown(Objects.requireNonNull(display, "display"));
        if (this.display.signum() <= 0) {
            throw new IllegalArgumentException("display quantity must be at least one lot ("
                    + ctx.instrument().lotSize() + "), got " + display);
        }
    }

    /**
     * Starts: the first clip goes in now.
     *
     * @param arrivalPrice the benchmark price now (a mid or last price), &gt; 0
     * @throws IllegalStateException    when already started
     * @throws IllegalArgumentException when the arrival price is not finite and positive
     */
    public void start(double arrivalPrice) {
        children.start(arrivalPrice);
        sendClip();
    }

    /** Cancels the working clip; the execution reports once the cancel is confirmed. */
    public void cancel() {
        stopping = true;
        if (clip != null) {
            children.ctx().cancel(clip);
        } else if (children.started()) {
            children.report();
        }
    }

    /**
     * Takes an order event if it is a clip's: a clip filled in full brings the next one; a clip that ends otherwise
     * ends the execution.
     *
     * @param event the event the strategy got
     * @return true when it was a clip's
     */
    public boolean onOrderEvent(OrderEvent event) {
        if (!children.onOrderEvent(event)) {
            return false;
        }
        if (!children.childWorking()) {
            clip = null;
            boolean filledInFull = event instanceof OrderFilled f && f.complete();
            if (filledInFull && !stopping && children.remaining().signum() > 0) {
                sendClip();
            } else {
                children.report();
            }
        }
        return true;
    }

    private void sendClip() {
        BigDecimal q = children.ctx().instrument().roundQuantityDown(display.min(children.remaining()));
        if (q.signum() <= 0) {
            children.report();
            return;
        }
        clip = children.nextId();
        children.send(new LimitOrder(clip, children.ctx().instrument().id(), children.side(), q, price,
                TimeInForce.GTC));
    }

    /**
     * Whether the execution has reported.
     *
     * @return true when done
     */
    public boolean done() {
        return children.reported();
    }

    /**
     * What the clips filled so far.
     *
     * @return base units
     */
    public BigDecimal filled() {
        return children.filled();
    }
}
