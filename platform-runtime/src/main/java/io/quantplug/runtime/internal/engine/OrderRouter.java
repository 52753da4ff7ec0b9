package io.quantplug.runtime.internal.engine;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.portfolio.PositionView;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.internal.venue.Venue;
import io.quantplug.runtime.session.PositionChange;
import io.quantplug.runtime.session.SessionListener;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's order flow: sends orders of their owners (strategy instances, the signal group, the engine) through
 * the risk gate to the venue, books fills into the portfolio and the round trips, reports every step to the
 * listener, and queues each order event for its owner, delivered by {@link #drain()} once the callback that caused
 * it has returned (never re-entrantly). Also sends the engine's own orders: a position closed for a risk rule
 * ({@link PositionCloser}) and the end-of-data liquidation. Engine thread only.
 */
final class OrderRouter implements Venue.Listener {

    private static final String ENGINE = "engine";

    /** Who owns an order and why it was sent: the tag the venue hands back with the order's events. */
    private record OrderEntry(OrderOwner owner, OrderOrigin origin) {
    }

    private record Delivery(OrderOwner recipient, OrderEvent event) {
    }

    private final EngineView view;
    private final Portfolio portfolio;
    private final Venue venue;
    private final RiskGate riskGate;
    private final OrderOwners owners;
    private final SessionListener listener;
    private final RoundTripTracker trips = new RoundTripTracker();
    private final PositionCloser closer;
    /** One tag per owner and origin, made once: orders share them. */
    private final Map<OrderOwner, OrderEntry[]> entries = new IdentityHashMap<>();
    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();
    private long liquidationSequence;

    OrderRouter(EngineView view, Venue venue, RiskGate riskGate, PositionCloser closer, OrderOwners owners,
                SessionListener listener) {
        this.view = view;
        this.portfolio = view.portfolio();
        this.venue = venue;
        this.riskGate = riskGate;
        this.owners = owners;
        this.listener = listener;
        this.closer = closer;
    }

    private OrderEntry entryOf(OrderOwner owner, OrderOrigin origin) {
        OrderEntry[] byOrigin = entries.computeIfAbsent(owner, r -> new OrderEntry[OrderOrigin.values().length]);
        OrderEntry e = byOrigin[origin.ordinal()];
        if (e == null) {
            e = new OrderEntry(owner, origin);
            byOrigin[origin.ordinal()] = e;
        }
        return e;
    }

    /** An owner's order: refused at once with the engine's reason, or through the risk rules to the venue. */
    void send(OrderOwner owner, Order order, OrderOrigin origin, RejectReason engineRejection) {
        submit(entryOf(owner, origin), order, engineRejection, null, false);
    }

    /** A strategy's own order, unless its id is taken by a working order. */
    void submitDirect(OrderOwner owner, Order order) {
        if (venue.ownerOf(order.clientOrderId()) != null) {
            throw new IllegalArgumentException("client order id " + order.clientOrderId()
                    + " belongs to a working order");
        }
        send(owner, order, OrderOrigin.DIRECT, null);
    }

    /** A sizer's rebalancing order, as the instance that opened the position, with its reason. */
    void sendRebalance(OrderOwner owner, Order order, String reason) {
        submit(new OrderEntry(owner, OrderOrigin.SIGNAL), order, null, reason, false);
    }

    /** The engine's order that closes a position for a risk rule: reduce-only, with its reason. */
    void sendClose(OrderOwner owner, Order order, String reason) {
        // a tag of its own (close orders are rare): the owner carries the requesting rule and the opener
        submit(new OrderEntry(owner, OrderOrigin.RISK_CLOSE), order, null, reason, true);
    }

    private void submit(OrderEntry entry, Order order, RejectReason engineRejection, String reason,
                        boolean reduceOnly) {
        long now = view.clock().millis();
        String ownerId = entry.owner.ownerId();
        OrderEvent event;
        if (engineRejection != null) {
            event = new OrderRejected(order.clientOrderId(), order.instrument(), now, engineRejection);
        } else {
            RiskGate.Outcome checked = riskGate.check(order, entry.owner);
            if (checked.rejection() != null) {
                event = new OrderRejected(order.clientOrderId(), order.instrument(), now, checked.rejection());
            } else {
                listener.onOrderSubmitted(now, ownerId, checked.order(), reason);
                event = venue.submit(checked.order(), portfolio.lastPrice(order.instrument()), now, entry,
                        reduceOnly);
            }
        }
        if (entry.origin == OrderOrigin.RISK_CLOSE && event instanceof OrderRejected) {
            closer.ended(order.clientOrderId());
        }
        listener.onOrderEvent(ownerId, event);
        deliveries.add(new Delivery(entry.owner, event));
    }

    /** Whether an order is working at this session's venue. */
    boolean isWorking(ClientOrderId id) {
        return venue.workingOrder(id) != null;
    }

    /** Cancels an owner's working order; another owner's order, or one no longer working, is left alone. */
    void cancel(OrderOwner owner, ClientOrderId id) {
        Object tag = venue.ownerOf(id);
        if (!(tag instanceof OrderEntry entry) || entry.owner != owner) {
            return;
        }
        OrderCanceled canceled = venue.cancel(id, view.clock().millis());
        if (canceled != null) {
            listener.onOrderEvent(owner.ownerId(), canceled);
            deliveries.add(new Delivery(owner, canceled));
        }
    }

    /** An owner's working orders, as the venue holds them (rounded), in submission order. */
    List<Order> workingOf(OrderOwner owner) {
        List<Order> out = new ArrayList<>();
        for (ClientOrderId id : venue.workingIds()) {
            if (venue.ownerOf(id) instanceof OrderEntry entry && entry.owner == owner) {
                Order order = venue.workingOrder(id);
                if (order != null) {
                    out.add(order);
                }
            }
        }
        return out;
    }

    /** Cancels every working order of an owner. */
    void cancelAllOf(OrderOwner owner) {
        for (ClientOrderId id : venue.workingIds()) {
            cancel(owner, id);
        }
    }

    /** Cancels every working order of the session (at its end). */
    void cancelAll(long now) {
        for (Venue.Canceled c : venue.cancelAll(now)) {
            OrderEntry entry = (OrderEntry) c.owner();
            listener.onOrderEvent(entry.owner.ownerId(), c.event());
            deliveries.add(new Delivery(entry.owner, c.event()));
        }
    }

    @Override
    public void onVenueEvent(OrderEvent event, Order order, Object tag) {
        OrderEntry entry = (OrderEntry) tag;
        String owner = entry.owner.ownerId();
        if (event instanceof OrderFilled filled) {
            book(filled.fill(), entry.owner, exitReason(entry.origin, order));
        }
        if (entry.origin == OrderOrigin.RISK_CLOSE && ends(event)) {
            closer.ended(order.clientOrderId());
        }
        listener.onOrderEvent(owner, event);
        deliveries.add(new Delivery(entry.owner, event));
    }

    /** Whether a venue event ends its order: all but a partial fill and a real venue's acceptance. */
    private static boolean ends(OrderEvent event) {
        return event instanceof OrderFilled f ? f.complete() : !(event instanceof OrderAccepted);
    }

    private void book(Fill fill, OrderOwner owner, ExitReason exitReason) {
        BigDecimal realized = portfolio.apply(fill);
        PositionView position = portfolio.position(fill.instrument());
        trips.onFill(fill, position.quantity(), realized, owner.ownerId(), exitReason);
        riskGate.onFill(fill, owner.strategyId());
        listener.onPositionChanged(new PositionChange(owner.ownerId(), fill.timeMillis(), fill.instrument(),
                position.quantity(), portfolio.costBasis(fill.instrument()), position.realizedPnl()));
    }

    private static ExitReason exitReason(OrderOrigin origin, Order order) {
        return switch (origin) {
            case SIGNAL -> ExitReason.SIGNAL;
            case END_OF_DATA -> ExitReason.END_OF_DATA;
            case RISK_CLOSE -> ExitReason.RISK_RULE;
            case LIQUIDATION -> ExitReason.LIQUIDATION;
            case DIRECT -> order instanceof LimitOrder ? ExitReason.LIMIT
                    : order instanceof StopOrder ? ExitReason.STOP : ExitReason.MARKET;
        };
    }

    /**
     * Closes any open position at the last price with exit reason {@code END_OF_DATA}, through the venue
     * ({@link Venue#closeAt}: its taker fee, no slippage). The order belongs to the instance (or group) that opened
     * the position, {@code engine} when none did.
     *
     * @param now the session's end, UTC epoch milliseconds
     * @return whether a position was closed
     */
    boolean liquidate(long now) {
        double last = portfolio.lastPrice(view.instrument().id());
        return !Double.isNaN(last) && closeAll(now, last, OrderOrigin.END_OF_DATA, "end-of-data-",
                "end of data: the open position is closed at the last price");
    }

    /**
     * Closes the whole open position at a price through the venue ({@link Venue#closeAt}: its taker fee, no
     * slippage), as the instance (or group) that opened it, {@code engine} when none did.
     *
     * @param now    UTC epoch milliseconds
     * @param price  the price, rounded to the tick by the venue
     * @param origin why: the end of the data or a liquidation
     * @param prefix the client order id's prefix
     * @param reason recorded with the submission
     * @return whether a position was closed
     */
    boolean closeAll(long now, double price, OrderOrigin origin, String prefix, String reason) {
        Instrument instrument = view.instrument();
        BigDecimal qty = portfolio.position(instrument.id()).quantity();
        if (qty.signum() == 0) {
            return false;
        }
        OrderOwner opener = owners.ownerById(trips.openedBy(instrument.id()));
        Side side = qty.signum() > 0 ? Side.SELL : Side.BUY;
        ClientOrderId id = view.orderIds().of(prefix + (++liquidationSequence));
        MarketOrder order = new MarketOrder(id, instrument.id(), side, OrderSize.base(qty.abs()));
        OrderOwner owner = opener != null ? opener : new EngineOwner(ENGINE, null);
        listener.onOrderSubmitted(now, owner.ownerId(), order, reason);
        venue.closeAt(order, price, now, new OrderEntry(owner, origin));
        return true;
    }

    /**
     * Delivers the queued order events, in order, and submits a position close a rule asked for meanwhile; what
     * either causes is delivered in the same call.
     */
    void drain() {
        while (true) {
            Delivery d;
            while ((d = deliveries.poll()) != null) {
                d.recipient.orderEvent(d.event);
            }
            if (!closer.pending()) {
                return;
            }
            closer.submitPending(this);
        }
    }

    /** The owner id of the round trip open in an instrument, or null. */
    String openedBy(InstrumentId instrument) {
        return trips.openedBy(instrument);
    }

    /** Round trips closed so far, oldest first. */
    List<RoundTrip> trades() {
        return trips.closed();
    }
}
