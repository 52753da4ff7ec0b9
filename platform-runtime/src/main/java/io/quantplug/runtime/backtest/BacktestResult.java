package io.quantplug.runtime.backtest;

import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.margin.PerpetualReport;
import io.quantplug.runtime.session.Execution;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.Rejection;
import io.quantplug.runtime.session.RiskEventReport;
import io.quantplug.runtime.session.SignalDecision;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a backtest produced.
 *
 * @param config          the configuration it ran with
 * @param parameters      the resolved parameters (defaults filled in) of every extension, by role and id, e.g.
 *                        {@code strategy:sma-crossover -> {fast=10, slow=30}}
 * @param timeframe       bar length of the data
 * @param firstBarMillis  open time of the first bar, UTC epoch milliseconds
 * @param lastBarMillis   open time of the last bar, UTC epoch milliseconds
 * @param barCount        bars processed
 * @param trades          closed round trips, in exit order
 * @param metrics         performance metrics
 * @param equity          the equity curve
 * @param rejections      refused orders with their typed reasons
 * @param faults          plugin callbacks that failed
 * @param signalCount     signals emitted
 * @param orderCount      orders that reached the venue
 * @param fillCount       fills
 * @param riskEvents      the events risk rules reported (trips, resets, ...), in the order reported, tagged with
 *                        the rule's id
 * @param decisions       the decisions of the signal group, one per bar on which an instance signalled; empty
 *                        without aggregation
 * @param executions      what the strategies' execution algorithms reported, in the order they finished
 * @param stoppedBy       why the run ended before its data did ({@link RunStoppedException}), e.g.
 *                        {@code stopped by alice}; null when it ran to the end
 * @param perpetual       a perpetual's funding and liquidations, or null for a run without margin
 */
public record BacktestResult(BacktestConfig config, Map<String, Map<String, String>> parameters,
                             Timeframe timeframe, long firstBarMillis, long lastBarMillis, long barCount,
                             List<RoundTrip> trades, PerformanceMetrics metrics, EquityCurve equity,
                             List<Rejection> rejections, List<PluginFault> faults, long signalCount,
                             long orderCount, long fillCount, List<RiskEventReport> riskEvents,
                             List<SignalDecision> decisions, List<Execution> executions, String stoppedBy,
                             PerpetualReport perpetual) {

    /**
     * Copies the lists.
     *
     * @param config the configuration it ran with
     * @param parameters the resolved parameters (defaults filled in) of every extension, by role and id, e.g.
     *                   {@code strategy:sma-crossover -> {fast=10, slow=30}}
     * @param timeframe bar length of the data
     * @param firstBarMillis open time of the first bar, UTC epoch milliseconds
     * @param lastBarMillis open time of the last bar, UTC epoch milliseconds
     * @param barCount bars processed
     * @param trades closed round trips, in exit order
     * @param metrics performance metrics
     * @param equity the equity curve
     * @param rejections refused orders with their typed reasons
     * @param faults plugin callbacks that failed
     * @param signalCount signals emitted
     * @param orderCount orders that reached the venue
     * @param fillCount fills
     * @param riskEvents the events risk rules reported, in order
     * @param decisions the signal group's decisions, in order
     * @param executions the execution algorithms' reports, in order
     * @param stoppedBy why it ended before its data did, or null
     * @param perpetual a perpetual's funding and liquidations, or null
     */
    public BacktestResult {
        Objects.requireNonNull(config, "config");
        parameters = Map.copyOf(parameters);
        trades = List.copyOf(trades);
        rejections = List.copyOf(rejections);
        faults = List.copyOf(faults);
        riskEvents = List.copyOf(riskEvents);
        decisions = List.copyOf(decisions);
        executions = List.copyOf(executions);
    }
}
