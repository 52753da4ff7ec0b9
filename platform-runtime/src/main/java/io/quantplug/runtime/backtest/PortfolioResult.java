package io.quantplug.runtime.backtest;

import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.margin.PerpetualReport;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.Rejection;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SignalDecision;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a portfolio backtest produced: the account's metrics and equity curve, every trade, and the account's result
 * broken down by strategy entry and by instrument.
 *
 * @param config         the configuration it ran with
 * @param parameters     the resolved parameters of every extension, by instrument, role and id, e.g.
 *                       {@code BTCUSDT.BINANCE/strategy:sma-crossover -> {fast=10, slow=30}}
 * @param firstBarMillis the earliest bar's open time, UTC epoch milliseconds
 * @param lastBarMillis  the latest bar's open time, UTC epoch milliseconds
 * @param barCount       bars processed, over all instruments
 * @param trades         closed round trips of every instrument, in exit order (ties in book order); each names its
 *                       strategy instance and instrument
 * @param metrics        the account's performance metrics, over {@code equity} and every trade; exposure is the
 *                       share of recorded times at which any position was open
 * @param equity         the account's equity curve: the start, then one point per distinct bar time, at its close
 * @param strategies     one summary per strategy entry, in the order the entries first appear in the books
 * @param instruments    one summary per instrument, in book order
 * @param rejections     refused orders with their typed reasons, in time order
 * @param faults         plugin callbacks that failed
 * @param signalCount    signals emitted
 * @param orderCount     orders that reached a venue
 * @param fillCount      fills
 * @param riskEvents     the events risk rules reported, in the order reported, tagged with the rule's id
 * @param decisions      the decisions of the books' signal groups; empty without aggregation
 */
public record PortfolioResult(PortfolioConfig config, Map<String, Map<String, String>> parameters,
                              long firstBarMillis, long lastBarMillis, long barCount, List<RoundTrip> trades,
                              PerformanceMetrics metrics, EquityCurve equity, List<StrategySummary> strategies,
                              List<InstrumentSummary> instruments, List<Rejection> rejections,
                              List<PluginFault> faults, long signalCount, long orderCount, long fillCount,
                              List<RiskEventReport> riskEvents, List<SignalDecision> decisions,
                              PerpetualReport perpetual) {

    /**
     * Copies the collections.
     *
     * @param config the configuration it ran with
     * @param parameters the resolved parameters by instrument, role and id
     * @param firstBarMillis the earliest bar's open time, UTC epoch milliseconds
     * @param lastBarMillis the latest bar's open time, UTC epoch milliseconds
     * @param barCount bars processed, over all instruments
     * @param trades closed round trips, in exit order
     * @param metrics the account's performance metrics
     * @param equity the account's equity curve
     * @param strategies one summary per strategy entry
     * @param instruments one summary per instrument
     * @param rejections refused orders, in time order
     * @param faults plugin callbacks that failed
     * @param signalCount signals emitted
     * @param orderCount orders that reached a venue
     * @param fillCount fills
     * @param riskEvents the events risk rules reported, in order
     * @param decisions the signal groups' decisions, in order
     * @param perpetual the perpetual legs' funding and liquidations, or null without perpetual legs
     */
    public PortfolioResult {
        Objects.requireNonNull(config, "config");
        parameters = Map.copyOf(parameters);
        trades = List.copyOf(trades);
        strategies = List.copyOf(strategies);
        instruments = List.copyOf(instruments);
        rejections = List.copyOf(rejections);
        faults = List.copyOf(faults);
        riskEvents = List.copyOf(riskEvents);
        decisions = List.copyOf(decisions);
    }
}
