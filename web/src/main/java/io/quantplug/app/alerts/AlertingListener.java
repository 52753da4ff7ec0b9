package io.quantplug.app.alerts;

import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.signal.Signal;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.PositionChange;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.SignalDecision;

import java.util.Objects;

/**
 * Turns a session's events into alerts, and passes every event on to the next listener unchanged: a risk rule's
 * {@code TRIP} or {@code HALT} event (the {@code circuit-breaker} plugin's trips, the black-swan guard's halts) becomes
 * {@link AlertKind#CIRCUIT_BREAKER}, an {@link OrderRejected} becomes {@link AlertKind#ORDER_REJECTED}, a plugin fault
 * {@link AlertKind#PLUGIN_FAULT}. {@link #reconciliationDifference} reports a {@link AlertKind#RECONCILIATION}
 * difference with its kind as the de-duplication source; live sessions send their start-up differences through
 * {@link SessionAlerts#reconciliation}, where each distinct difference is its own condition.
 *
 * <p>Threading: the session's engine thread calls it; alerts go to a sink that never blocks.
 */
public final class AlertingListener implements SessionListener {

    private final AlertSink sink;
    private final String session;
    private final String instrument;
    private final SessionListener next;

    /**
     * Creates the adapter.
     *
     * @param sink       where alerts go
     * @param session    the session, as alerts name it, e.g. {@code paper sma-crossover BTCUSDT 1m}
     * @param instrument the session's instrument, for events that carry none (risk events, faults), or null
     * @param next       the listener every event is passed on to
     */
    public AlertingListener(AlertSink sink, String session, String instrument, SessionListener next) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.session = Objects.requireNonNull(session, "session");
        this.instrument = instrument;
        this.next = Objects.requireNonNull(next, "next");
    }

    /**
     * Reports a difference between the venue and the journal found by reconciliation (an order, a fill or a
     * balance).
     *
     * @param timeMillis when it was found, UTC epoch milliseconds
     * @param instrument the instrument, or null for an account-wide difference (a balance)
     * @param what       what differs, a short stable word, e.g. {@code OPEN_ORDER}, {@code MISSED_FILL},
     *                   {@code BALANCE}
     * @param message    the difference with the numbers on both sides, for people
     */
    public void reconciliationDifference(long timeMillis, String instrument, String what, String message) {
        sink.publish(new Alert(AlertKind.RECONCILIATION, timeMillis, session, instrument, what + ": " + message,
                what));
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
        next.onOrderSubmitted(timeMillis, strategy, order, reason);
    }

    @Override
    public void onOrderEvent(String strategy, OrderEvent event) {
        next.onOrderEvent(strategy, event);
        if (event instanceof OrderRejected r) {
            RejectReason why = r.reason();
            sink.publish(new Alert(AlertKind.ORDER_REJECTED, r.timeMillis(), session, r.instrument().toString(),
                    "order " + r.clientOrderId() + " of " + strategy + " rejected by " + why.source()
                            + (why.ruleId() == null ? "" : " " + why.ruleId()) + ": " + why.code() + ": "
                            + why.message(), why.source() + "|" + why.ruleId() + "|" + why.code()));
        }
    }

    @Override
    public void onPositionChanged(PositionChange change) {
        next.onPositionChanged(change);
    }

    @Override
    public void onFault(PluginFault fault) {
        next.onFault(fault);
        sink.publish(new Alert(AlertKind.PLUGIN_FAULT, fault.timeMillis(), session, instrument,
                fault.extensionId() + " (" + fault.instanceId() + ") " + fault.callback() + " threw " + fault.error()
                        + "; " + fault.action(), fault.instanceId() + "|" + fault.callback()));
    }

    @Override
    public void onRiskEvent(RiskEventReport report) {
        next.onRiskEvent(report);
        RiskEvent e = report.event();
        if ("TRIP".equals(e.eventType()) || "HALT".equals(e.eventType())) {
            sink.publish(new Alert(AlertKind.CIRCUIT_BREAKER, e.timeMillis(), session, instrument,
                    report.ruleId() + " " + e.eventType() + " " + e.code() + ": " + e.message()
                            + (report.strategy() == null ? "" : " (strategy " + report.strategy() + ")"),
                    report.ruleId() + "|" + e.code()));
        }
    }
}
