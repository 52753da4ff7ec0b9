package io.quantplug.testkit;

import io.quantplug.api.market.Bar;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Side;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.analytics.PositionSide;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.RiskEventReport;

import java.util.List;

/**
 * What a {@link PluginBacktest} produced: the trades with the bars they happened on, headline figures, the bars,
 * the signals and the fills, and the events its risk rules reported.
 *
 * <pre>{@code
 * ClosedTrade first = run.closedTrades().get(0);
 * int entryBar = first.entryBar();                      // the bar at whose open the entry filled
 * assertThat(first.entryPrice()).isEqualByComparingTo(String.valueOf(run.bars().get(entryBar).open()));
 * assertThat(run.summary().totalReturn()).isPositive();
 * }</pre>
 *
 * <p>{@link #closedTrades()}, {@link #summary()}, {@link #bars()}, {@link #signals()} and {@link #fills()} are test
 * kit and API types: a plugin's tests written with them depend on nothing of the runtime. {@link #result()},
 * {@link #trades()}, {@link #metrics()}, {@link #faults()} and {@link #riskEvents()} hand out the runtime's own
 * types, which carry no compatibility promise to plugins.
 *
 * <p>Immutable.
 */
public final class BacktestRun {

    private final BacktestResult result;
    private final List<Bar> bars;
    private final List<RecordedSignal> signals;
    private final List<Fill> fills;
    private final List<ClosedTrade> closedTrades;

    BacktestRun(BacktestResult result, List<Bar> bars, List<RecordedSignal> signals, List<Fill> fills) {
        this.result = result;
        this.bars = List.copyOf(bars);
        this.signals = List.copyOf(signals);
        this.fills = List.copyOf(fills);
        this.closedTrades = result.trades().stream().map(this::closedTrade).toList();
    }

    /**
     * The closed round trips, in exit order, each with the bars it entered and exited on; one still open at the end
     * of the data is closed at the last close with {@link TradeExit#END_OF_DATA}.
     *
     * @return the trades, immutable
     */
    public List<ClosedTrade> closedTrades() {
        return closedTrades;
    }

    /**
     * The headline figures: trade count, win rate, total return, equity, fees, maximum drawdown, Sharpe ratio.
     *
     * @return the summary
     */
    public RunSummary summary() {
        PerformanceMetrics m = result.metrics();
        return new RunSummary(m.tradeCount(), m.winRate(), m.totalReturn(), m.startEquity(), m.endEquity(),
                m.totalFees(), m.maxDrawdown(), m.sharpe());
    }

    /**
     * The runtime's result: configuration, resolved parameters, trades, metrics, equity curve, rejections, faults.
     *
     * @return the result
     */
    public BacktestResult result() {
        return result;
    }

    /**
     * The closed round trips as the runtime's type, in exit order; {@link #closedTrades()} gives the same trades as
     * a test kit type, with their bars.
     *
     * @return the trades
     */
    public List<RoundTrip> trades() {
        return result.trades();
    }

    /**
     * Every performance metric, as the runtime's type (return, Sharpe, drawdown, win rate, ...), see
     * {@link PerformanceMetrics}; {@link #summary()} gives the headline figures as a test kit type.
     *
     * @return the metrics
     */
    public PerformanceMetrics metrics() {
        return result.metrics();
    }

    /**
     * The bars the backtest ran on, oldest first.
     *
     * @return the bars
     */
    public List<Bar> bars() {
        return bars;
    }

    /**
     * The signals the strategy emitted, in order.
     *
     * @return the signals with their outcome
     */
    public List<RecordedSignal> signals() {
        return signals;
    }

    /**
     * Every fill, in order.
     *
     * @return the fills
     */
    public List<Fill> fills() {
        return fills;
    }

    /**
     * The plugin callbacks that threw (empty unless {@link PluginBacktest#allowFaults()} let the run finish).
     *
     * @return the faults
     */
    public List<PluginFault> faults() {
        return result.faults();
    }

    /**
     * The events the risk rules reported (a circuit breaker's trips, half-openings and resets, ...), in the order
     * reported, each with the id of the rule that reported it.
     *
     * @return the events
     */
    public List<RiskEventReport> riskEvents() {
        return result.riskEvents();
    }

    /**
     * The bar a time falls in: the last bar whose open time is at or before it. A market order's fill (at a bar's
     * open) maps to that bar; the end-of-data exit (at the last bar's close) to the last bar.
     *
     * @param timeMillis UTC epoch milliseconds, e.g. {@link RoundTrip#entryTimeMillis()}
     * @return the bar's index in {@link #bars()}
     * @throws IllegalArgumentException when the time is before the first bar
     */
    public int barAt(long timeMillis) {
        int lo = 0;
        int hi = bars.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).openTimeMillis() <= timeMillis) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("time " + timeMillis + " is before the first bar ("
                    + bars.get(0).openTime() + ")");
        }
        return found;
    }

    private ClosedTrade closedTrade(RoundTrip t) {
        return new ClosedTrade(t.side() == PositionSide.LONG ? Side.BUY : Side.SELL, barAt(t.entryTimeMillis()),
                barAt(t.exitTimeMillis()), t.entryTimeMillis(), t.exitTimeMillis(), t.entryPrice(), t.exitPrice(),
                t.quantity(), t.grossPnl(), t.fees(), t.pnl(), TradeExit.valueOf(t.exitReason().name()));
    }
}
