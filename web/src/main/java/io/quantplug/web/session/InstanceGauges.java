package io.quantplug.web.session;

import io.quantplug.runtime.session.ExchangeBarSource;
import io.quantplug.runtime.backtest.BacktestRun;
import io.quantplug.runtime.session.OpenPosition;
import io.quantplug.web.ServerMetrics;

import java.util.List;
import java.util.function.Supplier;

/**
 * What an instance's trading gauges read when {@code /metrics} is scraped: its current run's handle, event counts
 * and exchange connection, each read once per gauge (the run may change between two scrapes). NaN where nothing
 * applies yet.
 */
final class InstanceGauges implements ServerMetrics.InstanceReadings {

    private final Supplier<BacktestRun> session;
    private final Supplier<LiveListener> listener;
    private final Supplier<ExchangeBarSource> exchange;

    InstanceGauges(Supplier<BacktestRun> session, Supplier<LiveListener> listener,
                   Supplier<ExchangeBarSource> exchange) {
        this.session = session;
        this.listener = listener;
        this.exchange = exchange;
    }

    @Override
    public double equity() {
        BacktestRun s = session.get();
        return s == null ? Double.NaN : s.currentEquity();
    }

    @Override
    public double position() {
        BacktestRun s = session.get();
        List<OpenPosition> open = s == null ? List.of() : s.positions();
        return open.isEmpty() ? 0 : open.get(0).quantity().doubleValue();
    }

    @Override
    public double pnl() {
        LiveListener l = listener.get();
        BacktestRun s = session.get();
        return l == null || s == null ? Double.NaN : l.pnl(s.lastPrice()).doubleValue();
    }

    @Override
    public double drawdown() {
        BacktestRun s = session.get();
        return s == null ? Double.NaN : s.maxDrawdown();
    }

    @Override
    public double orders() {
        LiveListener l = listener.get();
        return l == null ? 0 : l.orders();
    }

    @Override
    public double fills() {
        LiveListener l = listener.get();
        return l == null ? 0 : l.fills();
    }

    @Override
    public double connected() {
        ExchangeBarSource x = exchange.get();
        return x == null ? Double.NaN : x.connected() ? 1 : 0;
    }

    @Override
    public double eventLagSeconds() {
        ExchangeBarSource x = exchange.get();
        long lag = x == null ? -1 : x.eventLagMillis();
        return lag == -1 ? Double.NaN : lag / 1000.0;
    }
}
