package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.signal.Signal;
import io.quantplug.runtime.session.OpenPosition;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.PositionChange;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.SignalDecision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a running session's positions and working orders from its events and publishes them as immutable lists
 * for other threads ({@link BacktestRun#positions()}, {@link BacktestRun#workingOrders()}); passes every event on.
 * Its maps belong to the engine thread; the published lists are read through volatile fields. Costs nothing per bar:
 * it works only on order events and fills.
 */
final class SessionTracker implements SessionListener {

    private final SessionListener next;
    /** Orders handed to the venue, not yet answered. */
    private final Map<ClientOrderId, Order> submitted = new LinkedHashMap<>();
    private final Map<ClientOrderId, Order> working = new LinkedHashMap<>();
    private final Map<InstrumentId, OpenPosition> open = new LinkedHashMap<>();
    private volatile List<Order> workingView = List.of();
    private volatile List<OpenPosition> positionsView = List.of();

    SessionTracker(SessionListener next) {
        this.next = next;
    }

    List<Order> workingOrders() {
        return workingView;
    }

    List<OpenPosition> positions() {
        return positionsView;
    }

    @Override
    public void onSignal(long timeMillis, String strategy, Signal signal, String outcome) {
        next.onSignal(timeMillis, strategy, signal, outcome);
    }

    @Override
    public void onSignalDecision(SignalDecision decision) {
        next.onSignalDecision(decision);
    }

    @Override
    public void onOrderSubmitted(long timeMillis, String strategy, Order order, String reason) {
        submitted.put(order.clientOrderId(), order);
        next.onOrderSubmitted(timeMillis, strategy, order, reason);
    }

    @Override
    public void onOrderEvent(String strategy, OrderEvent event) {
        ClientOrderId id = event.clientOrderId();
        Order order = submitted.remove(id);
        boolean changed;
        if (event instanceof OrderAccepted) {
            changed = order != null && working.put(id, order) == null;
        } else if (event instanceof OrderFilled f && f.remainingQuantity().signum() > 0) {
            changed = order != null && working.putIfAbsent(id, order) == null; // partly filled: still working
        } else {
            changed = working.remove(id) != null; // filled in full, canceled, expired or refused
        }
        if (changed) {
            workingView = List.copyOf(working.values());
        }
        next.onOrderEvent(strategy, event);
    }

    @Override
    public void onPositionChanged(PositionChange change) {
        if (change.quantity().signum() == 0) {
            open.remove(change.instrument());
        } else {
            open.put(change.instrument(), new OpenPosition(change.instrument(), change.quantity(), change.costBasis(),
                    change.realizedPnl()));
        }
        positionsView = List.copyOf(open.values());
        next.onPositionChanged(change);
    }

    @Override
    public void onFault(PluginFault fault) {
        next.onFault(fault);
    }

    @Override
    public void onRiskEvent(RiskEventReport report) {
        next.onRiskEvent(report);
    }
}
