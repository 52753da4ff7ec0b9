package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.signal.Signal;
import io.quantplug.runtime.margin.FundingPayment;
import io.quantplug.runtime.margin.Liquidation;
import io.quantplug.runtime.margin.MarginCall;
import io.quantplug.runtime.session.OpenPosition;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.PositionChange;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.SignalDecision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a running session's positions and working orders from its events, and publishes them as immutable lists for
 * other threads ({@link BacktestRun#positions()}, {@link BacktestRun#workingOrders()}) when the run publishes its
 * state ({@link #publish()}: after every bar of a paced or streamed session, every 64 bars of a backtest, and at the
 * end). Passes every event on. Its maps belong to the engine thread; the published lists are read through volatile
 * fields. Per order it does two map operations and nothing per bar.
 */
final class SessionTracker implements SessionListener {

    private final SessionListener next;
    /** Orders sent to the venue and not yet ended (filled in full, canceled, expired or refused), oldest first. */
    private final Map<ClientOrderId, Order> working = new LinkedHashMap<>();
    private final Map<InstrumentId, PositionChange> open = new LinkedHashMap<>();
    private boolean dirty;
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

    /** Engine thread: publishes the lists when an event changed them since the last call. */
    void publish() {
        if (!dirty) {
            return;
        }
        dirty = false;
        workingView = List.copyOf(working.values());
        List<OpenPosition> positions = new ArrayList<>(open.size());
        for (PositionChange c : open.values()) {
            positions.add(new OpenPosition(c.instrument(), c.quantity(), c.costBasis(), c.realizedPnl()));
        }
        positionsView = List.copyOf(positions);
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
        working.put(order.clientOrderId(), order);
        dirty = true;
        next.onOrderSubmitted(timeMillis, strategy, order, reason);
    }

    @Override
    public void onOrderEvent(String strategy, OrderEvent event) {
        boolean ends = !(event instanceof OrderAccepted)
                && !(event instanceof OrderFilled f && f.remainingQuantity().signum() > 0); // partly filled: working
        if (ends && working.remove(event.clientOrderId()) != null) {
            dirty = true;
        }
        next.onOrderEvent(strategy, event);
    }

    @Override
    public void onPositionChanged(PositionChange change) {
        if (change.quantity().signum() == 0) {
            open.remove(change.instrument());
        } else {
            open.put(change.instrument(), change);
        }
        dirty = true;
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

    @Override
    public void onFunding(FundingPayment payment) {
        next.onFunding(payment);
    }

    @Override
    public void onLiquidation(Liquidation liquidation) {
        next.onLiquidation(liquidation);
    }

    @Override
    public void onMarginCall(MarginCall call) {
        next.onMarginCall(call);
    }
}
