package io.quantplug.runtime.backtest;

import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.signal.Signal;
import io.quantplug.runtime.margin.FundingPayment;
import io.quantplug.runtime.margin.Liquidation;
import io.quantplug.runtime.margin.MarginCall;
import io.quantplug.runtime.session.Execution;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.PositionChange;
import io.quantplug.runtime.session.Rejection;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.SignalDecision;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a backtest result reports beyond trades and equity: counts, rejections, faults, risk events, the
 * signal group's decisions, and a perpetual's funding, liquidations and margin calls; passes every callback on.
 */
final class ResultCollector implements SessionListener {

    final List<Rejection> rejections = new ArrayList<>();
    final List<PluginFault> faults = new ArrayList<>();
    final List<RiskEventReport> riskEvents = new ArrayList<>();
    final List<SignalDecision> decisions = new ArrayList<>();
    final List<Execution> executions = new ArrayList<>();
    final List<FundingPayment> funding = new ArrayList<>();
    final List<Liquidation> liquidations = new ArrayList<>();
    final List<MarginCall> marginCalls = new ArrayList<>();
    long signals;
    long orders;
    long fills;
    private final SessionListener next;

    ResultCollector(SessionListener next) {
        this.next = next;
    }

    @Override
    public void onSignal(long timeMillis, String strategy, Signal signal, String outcome) {
        signals++;
        next.onSignal(timeMillis, strategy, signal, outcome);
    }

    @Override
    public void onExecution(Execution execution) {
        executions.add(execution);
        next.onExecution(execution);
    }

    @Override
    public void onFunding(FundingPayment payment) {
        funding.add(payment);
        next.onFunding(payment);
    }

    @Override
    public void onLiquidation(Liquidation liquidation) {
        liquidations.add(liquidation);
        next.onLiquidation(liquidation);
    }

    @Override
    public void onMarginCall(MarginCall call) {
        marginCalls.add(call);
        next.onMarginCall(call);
    }

    @Override
    public void onSignalDecision(SignalDecision decision) {
        decisions.add(decision);
        next.onSignalDecision(decision);
    }

    @Override
    public void onOrderSubmitted(long timeMillis, String strategy, Order order, String reason) {
        orders++;
        next.onOrderSubmitted(timeMillis, strategy, order, reason);
    }

    @Override
    public void onOrderEvent(String strategy, OrderEvent event) {
        if (event instanceof OrderFilled) {
            fills++;
        } else if (event instanceof OrderRejected r) {
            rejections.add(new Rejection(r.timeMillis(), strategy, r.clientOrderId(), r.instrument(), r.reason()));
        }
        next.onOrderEvent(strategy, event);
    }

    @Override
    public void onPositionChanged(PositionChange change) {
        next.onPositionChanged(change);
    }

    @Override
    public void onFault(PluginFault fault) {
        faults.add(fault);
        next.onFault(fault);
    }

    @Override
    public void onRiskEvent(RiskEventReport report) {
        riskEvents.add(report);
        next.onRiskEvent(report);
    }
}
