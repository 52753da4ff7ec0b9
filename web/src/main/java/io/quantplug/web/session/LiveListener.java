package io.quantplug.web.session;

import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectSource;
import io.quantplug.runtime.session.PositionChange;
import io.quantplug.api.signal.Signal;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.web.EventHub;
import io.quantplug.web.ServerMetrics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streams one session's orders, fills, position changes and risk rejections to the {@link EventHub} and counts
 * them in the {@link ServerMetrics}. Called on the session's engine thread; the counters and the last position are
 * read by request threads (volatile, single writer).
 */
final class LiveListener implements SessionListener {

    private final String run;
    private final EventHub hub;
    private final ServerMetrics metrics;
    private final boolean signals;
    private volatile long orders;
    private volatile long fills;
    private volatile long riskRejections;
    private volatile PositionChange position;

    /**
     * Creates one.
     *
     * @param run     the run's key in events, e.g. {@code backtest/3} or {@code instance/2}
     * @param hub     where events go
     * @param metrics what counts them
     */
    LiveListener(String run, EventHub hub, ServerMetrics metrics) {
        this(run, hub, metrics, false);
    }

    /**
     * Creates one that also streams signals (for paced instances; a backtest's thousands of signals a second would
     * drown the stream).
     *
     * @param run     the run's key in events
     * @param hub     where events go
     * @param metrics what counts them
     * @param signals whether to stream {@code signal} events
     */
    LiveListener(String run, EventHub hub, ServerMetrics metrics, boolean signals) {
        this.run = run;
        this.hub = hub;
        this.metrics = metrics;
        this.signals = signals;
    }

    @Override
    public void onSignal(long timeMillis, String strategy, Signal signal, String outcome) {
        if (signals) {
            Map<String, Object> e = event(timeMillis, strategy);
            e.put("direction", signal.direction().name());
            e.put("reason", signal.reason());
            e.put("outcome", outcome);
            hub.publish("signal", e);
        }
    }

    @Override
    public void onOrderSubmitted(long timeMillis, String strategy, Order order) {
        orders++;
        metrics.order();
        Map<String, Object> e = event(timeMillis, strategy);
        e.put("clientOrderId", order.clientOrderId().value());
        e.put("side", order.side().name());
        e.put("type", order.getClass().getSimpleName().replace("Order", "").toUpperCase(java.util.Locale.ROOT));
        hub.publish("order", e);
    }

    @Override
    public void onOrderEvent(String strategy, OrderEvent event) {
        if (event instanceof OrderFilled f) {
            fills++;
            metrics.fill();
            Fill fill = f.fill();
            Map<String, Object> e = event(fill.timeMillis(), strategy);
            e.put("clientOrderId", fill.clientOrderId().value());
            e.put("side", fill.side().name());
            e.put("price", fill.price());
            e.put("quantity", fill.quantity());
            e.put("fee", fill.fee());
            hub.publish("fill", e);
        } else if (event instanceof OrderRejected r && r.reason().source() == RejectSource.RISK_RULE) {
            riskRejections++;
            metrics.riskRejection();
            Map<String, Object> e = event(r.timeMillis(), strategy);
            e.put("clientOrderId", r.clientOrderId().value());
            e.put("rule", r.reason().ruleId());
            e.put("code", r.reason().code());
            e.put("message", r.reason().message());
            hub.publish("risk", e);
        }
    }

    @Override
    public void onPositionChanged(PositionChange change) {
        position = change;
        Map<String, Object> e = event(change.timeMillis(), change.strategy());
        e.put("instrument", change.instrument().toString());
        e.put("quantity", change.quantity());
        e.put("costBasis", change.costBasis());
        e.put("realizedPnl", change.realizedPnl());
        hub.publish("pnl", e);
    }

    /**
     * Orders submitted so far.
     *
     * @return the count
     */
    long orders() {
        return orders;
    }

    /**
     * Fills so far.
     *
     * @return the count
     */
    long fills() {
        return fills;
    }

    /**
     * Risk rejections so far.
     *
     * @return the count
     */
    long riskRejections() {
        return riskRejections;
    }

    /**
     * Realised plus unrealised P&amp;L at a price: realised so far + quantity × price − cost basis.
     *
     * @param price the mark price, or NaN when unknown (then only the realised part)
     * @return the P&amp;L in the quote asset, before fees not yet booked; zero before the first fill
     */
    BigDecimal pnl(double price) {
        PositionChange p = position;
        if (p == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal unrealized = Double.isNaN(price) || p.quantity().signum() == 0 ? BigDecimal.ZERO
                : p.quantity().multiply(BigDecimal.valueOf(price)).subtract(p.costBasis());
        return p.realizedPnl().add(unrealized);
    }

    private Map<String, Object> event(long timeMillis, String strategy) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("run", run);
        e.put("time", Instant.ofEpochMilli(timeMillis));
        e.put("strategy", strategy);
        return e;
    }
}
