package io.quantplug.sdk.execution;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.Side;
import io.quantplug.api.strategy.ExecutionReport;
import io.quantplug.api.strategy.StrategyContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The child orders of one parent order: sends them through the strategy's context, keeps which are still working,
 * adds up their fills in exact decimals, and reports the parent's execution when it is done. What every algorithm of
 * this package shares. Not thread-safe: the engine thread calls it, from the strategy's callbacks.
 */
final class ChildOrders {

    private final StrategyContext ctx;
    private final String algorithm;
    private final Side side;
    private final BigDecimal target;
    private final Set<ClientOrderId> working = new HashSet<>();
    private BigDecimal filled = BigDecimal.ZERO;
    private BigDecimal notional = BigDecimal.ZERO;
    private double arrivalPrice = Double.NaN;
    private long startMillis;
    private int sent;
    private boolean reported;

    ChildOrders(StrategyContext ctx, String algorithm, Side side, BigDecimal target) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.algorithm = algorithm;
        this.side = Objects.requireNonNull(side, "side");
        if (target == null || target.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be > 0, got " + target);
        }
        this.target = target;
    }

    void start(double arrival) {
        if (!(arrival > 0) || Double.isInfinite(arrival)) {
            throw new IllegalArgumentException("arrival price must be finite and > 0, got " + arrival);
        }
        if (!Double.isNaN(arrivalPrice)) {
            throw new IllegalStateException(algorithm + " already started");
        }
        arrivalPrice = arrival;
        startMillis = ctx.clock().millis();
    }

    boolean started() {
        return !Double.isNaN(arrivalPrice);
    }

    void send(Order child) {
        working.add(child.clientOrderId());
        sent++;
        ctx.submit(child);
    }

    ClientOrderId nextId() {
        return ctx.nextClientOrderId();
    }

    /**
     * Takes an order event if it is one of the children's.
     *
     * @return true when it was
     */
    boolean onOrderEvent(OrderEvent event) {
        if (!working.contains(event.clientOrderId())) {
            return false;
        }
        if (event instanceof OrderFilled f) {
            Fill fill = f.fill();
            filled = filled.add(fill.quantity());
            notional = notional.add(fill.quantity().multiply(fill.price()));
            if (f.complete()) {
                working.remove(event.clientOrderId());
            }
        } else if (isFinal(event)) {
            working.remove(event.clientOrderId());
        }
        return true;
    }

    private static boolean isFinal(OrderEvent event) {
        return !(event instanceof OrderAccepted);
    }

    boolean childWorking() {
        return !working.isEmpty();
    }

    BigDecimal filled() {
        return filled;
    }

    BigDecimal remaining() {
        return target.subtract(filled);
    }

    BigDecimal target() {
        return target;
    }

    Side side() {
        return side;
    }

    StrategyContext ctx() {
        return ctx;
    }

    /** Reports the parent's execution once. */
    void report() {
        if (reported) {
            return;
        }
        reported = true;
        BigDecimal average = filled.signum() == 0 ? null : notional.divide(filled, MathContext.DECIMAL64);
        ctx.reportExecution(new ExecutionReport(algorithm, ctx.instrument().id(), side, target,
                filled.min(target), arrivalPrice, average, startMillis, Math.max(startMillis, ctx.clock().millis()),
                sent));
    }

    boolean reported() {
        return reported;
    }
}
