package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.MetricsCalculator;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.internal.engine.TradingSession;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.internal.venue.BpsFeeModel;
import io.quantplug.runtime.internal.venue.BpsSlippageModel;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.margin.FundingPayment;
import io.quantplug.runtime.margin.PerpetualReport;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.session.SessionListener;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a backtest of several instruments on one account ({@link PortfolioConfig}): every instrument book is a
 * trading session of its own (its strategies, its simulated venue, its enhancers, sizer and risk rules), and all of
 * them book their fills into one shared portfolio, so cash is spent once and every sizer and rule sees the whole
 * account's cash and equity. Each {@link #run} runs on the calling thread, which becomes the engine thread of every
 * session; runs are independent.
 *
 * <p>The bars of all books are merged by open time, ties in book order: at each distinct open time, every book with
 * a bar at that time processes it (as {@link TradingSession#onBar} describes), then the account's equity is recorded
 * once, at that bar time's close, as cash plus every position at its last close. At the end every session is
 * finished in book order, which closes its open position at its last close ({@code END_OF_DATA}), and the last
 * equity point becomes the account's equity after those closes.
 *
 * <p>Shared capital, as the engine does it: without a sizer a long entry takes the signal's strength times the cash
 * not reserved by working buys <em>of its own book</em>. While one instrument's position holds the cash, another
 * instrument's entry finds none and is not ordered; two entries decided at the same bar time are both sized on the
 * same cash, and the one whose book comes later is cut to the cash left, or refused with
 * {@code INSUFFICIENT_FUNDS}, when it fills.
 *
 * <p>Extensions: the enhancers, the sizer and the risk rules are created once <em>per book</em>, each instance
 * seeing only its own instrument's bars and orders. An account-level rule such as the circuit breaker therefore
 * reads the whole account's equity, but runs one instance per instrument: a trip of the instance of one book does
 * not stop the entries of another.
 */
public final class PortfolioBacktester {

    private static final int PROGRESS_EVERY = 1 << 14;
    private static final int HISTORY_BARS = 1_000;

    private final ExtensionCatalog catalog;

    /**
     * Creates a portfolio backtester.
     *
     * @param catalog where extension ids are looked up
     */
    public PortfolioBacktester(ExtensionCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Runs a portfolio backtest.
     *
     * @param config   what to run
     * @param progress receives progress, in bars over all books
     * @return the result
     * @throws BacktestConfigurationException when an extension id is unknown, a parameter is invalid, or an extension
     *                                        cannot be created
     */
    public PortfolioResult run(PortfolioConfig config, BacktestProgress progress) {
        return run(config, progress, new SessionListener() { });
    }

    /**
     * Runs a portfolio backtest and reports every book's signals, orders, events and faults to one listener as they
     * happen.
     *
     * @param config   what to run
     * @param progress receives progress, in bars over all books
     * @param listener observes every session (on this thread)
     * @return the result
     * @throws BacktestConfigurationException when an extension id is unknown, a parameter is invalid, or an extension
     *                                        cannot be created
     */
    public PortfolioResult run(PortfolioConfig config, BacktestProgress progress, SessionListener listener) {
        List<PortfolioConfig.Book> books = config.books();
        int n = books.size();
        Map<String, Map<String, String>> resolved = new LinkedHashMap<>();
        List<SessionAssembly> assemblies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Map<String, String>> own = new LinkedHashMap<>();
            assemblies.add(new SessionAssembly(catalog, config.bookConfig(i), own, config.linkedOn(i).size()));
            String prefix = books.get(i).instrument().id() + "/";
            own.forEach((k, v) -> resolved.put(prefix + k, v));
        }
        Portfolio portfolio = new Portfolio(config.currency(), config.initialCapital());
        ResultCollector collector = new ResultCollector(listener);
        BpsFeeModel fees = BpsFeeModel.flat(config.feeBps());
        BpsSlippageModel slippage = new BpsSlippageModel(config.slippageBps());
        TradingSession[] sessions = new TradingSession[n];
        long totalBars = 0;
        for (int i = 0; i < n; i++) {
            PortfolioConfig.Book b = books.get(i);
            SessionAssembly a = assemblies.get(i);
            sessions[i] = a.session(b.instrument(), portfolio, b.bars().get(0).openTimeMillis(), fees, slippage,
                    collector, HISTORY_BARS, b.bars().size(), b.perpetual());
            totalBars += b.bars().size();
        }
        installLinked(config, assemblies, sessions);
        for (TradingSession s : sessions) {
            s.shareAccount(Arrays.asList(sessions));
        }
        for (TradingSession s : sessions) {
            s.start();
        }
        Merged merged = feed(books, sessions, portfolio, totalBars, progress);
        for (TradingSession s : sessions) {
            s.finish();
        }
        progress.onProgress(totalBars, totalBars);
        merged.values[merged.size - 1] = portfolio.equityEstimate();

        List<RoundTrip> trades = new ArrayList<>();
        for (TradingSession s : sessions) {
            trades.addAll(s.trades());
        }
        trades.sort(Comparator.comparingLong(RoundTrip::exitTimeMillis)); // stable: ties stay in book order
        EquityCurve equity = EquityCurve.adopt(merged.times, merged.values, merged.size);
        BigDecimal endEquity = portfolio.equity();
        PerformanceMetrics metrics = MetricsCalculator.compute(equity, trades, config.timeframe().barsPerYear(),
                merged.inMarket, config.initialCapital(), endEquity, portfolio.totalFees());
        return new PortfolioResult(config, resolved, merged.first, merged.last, totalBars, trades, metrics, equity,
                strategySummaries(config, sessions), instrumentSummaries(books, trades, collector.funding),
                collector.rejections,
                collector.faults, collector.signals, collector.orders, collector.fills, collector.riskEvents,
                collector.decisions, perpetualReport(config, collector));
    }

    /** The account's equity curve as it is recorded, and what the merge saw. */
    /** The perpetual legs' report, with the first perpetual book's terms; null without perpetual books. */
    private static PerpetualReport perpetualReport(PortfolioConfig config, ResultCollector collector) {
        for (PortfolioConfig.Book b : config.books()) {
            if (b.perpetual() != null) {
                return PerpetualReport.of(b.perpetual(), collector.funding, collector.liquidations,
                        collector.marginCalls);
            }
        }
        return null;
    }

    /** Installs each multi-instrument strategy in its first instrument's session, linked to the others'. */
    private static void installLinked(PortfolioConfig config, List<SessionAssembly> assemblies,
                                      TradingSession[] sessions) {
        List<InstrumentId> ids = config.books().stream().map(b -> b.instrument().id()).toList();
        for (PortfolioConfig.Linked l : config.linked()) {
            int first = ids.indexOf(l.instruments().get(0));
            List<TradingSession> others = new ArrayList<>();
            for (InstrumentId id : l.instruments().subList(1, l.instruments().size())) {
                others.add(sessions[ids.indexOf(id)]);
            }
            assemblies.get(first).installLinked(sessions[first], config.linkedOn(first).indexOf(l), others);
        }
    }

    private static final class Merged {
        long[] times;
        double[] values;
        int size;
        long inMarket;
        long first;
        long last;

        Merged(int capacity) {
            times = new long[capacity];
            values = new double[capacity];
        }

        void record(long time, double equity) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = time;
            values[size] = equity;
            size++;
        }
    }

    /** The merge: at each distinct open time, every book's bar of that time in book order, then one equity point. */
    private static Merged feed(List<PortfolioConfig.Book> books, TradingSession[] sessions, Portfolio portfolio,
                               long totalBars, BacktestProgress progress) {
        int n = books.size();
        List<List<Bar>> bars = new ArrayList<>(n);
        int longest = 0;
        for (PortfolioConfig.Book b : books) {
            bars.add(b.bars());
            longest = Math.max(longest, b.bars().size());
        }
        int[] next = new int[n];
        Merged m = new Merged(longest + 16);
        m.first = Long.MAX_VALUE;
        for (List<Bar> list : bars) {
            m.first = Math.min(m.first, list.get(0).openTimeMillis());
        }
        m.record(m.first, portfolio.equityEstimate());
        long done = 0;
        while (true) {
            long time = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (next[i] < bars.get(i).size()) {
                    time = Math.min(time, bars.get(i).get(next[i]).openTimeMillis());
                }
            }
            if (time == Long.MAX_VALUE) {
                break;
            }
            long close = time;
            for (int i = 0; i < n; i++) {
                List<Bar> list = bars.get(i);
                if (next[i] < list.size() && list.get(next[i]).openTimeMillis() == time) {
                    Bar bar = list.get(next[i]++);
                    sessions[i].onBar(bar);
                    close = Math.max(close, bar.closeTimeMillis());
                    if ((++done & (PROGRESS_EVERY - 1)) == 0) {
                        progress.onProgress(done, totalBars);
                    }
                }
            }
            m.last = time;
            if (portfolio.hasOpenPosition()) {
                m.inMarket++;
            }
            m.record(close, portfolio.equityEstimate());
        }
        return m;
    }

    /** One summary per strategy entry (its reference as configured), trips matched by book and instance id. */
    private static List<StrategySummary> strategySummaries(PortfolioConfig config, TradingSession[] sessions) {
        Map<String, List<InstrumentId>> instruments = new LinkedHashMap<>();
        Map<String, List<RoundTrip>> trips = new LinkedHashMap<>();
        for (int i = 0; i < sessions.length; i++) {
            BacktestConfig book = config.bookConfig(i);
            InstrumentId id = book.instrument().id();
            Map<String, String> labelOf = new LinkedHashMap<>();
            if (book.aggregation().policy() != AggregationPolicy.NONE) {
                labelOf.put("group", book.aggregation().policy().name() + " of " + String.join("+",
                        book.strategies().stream().map(ExtensionRef::toString).toList()));
            } else {
                List<String> instances = book.instanceIds();
                for (int k = 0; k < instances.size(); k++) {
                    labelOf.put(instances.get(k), book.strategies().get(k).toString());
                }
            }
            for (String label : labelOf.values()) {
                List<InstrumentId> on = instruments.computeIfAbsent(label, x -> new ArrayList<>());
                if (!on.contains(id)) {
                    on.add(id);
                }
                trips.computeIfAbsent(label, x -> new ArrayList<>());
            }
            for (RoundTrip t : sessions[i].trades()) {
                String label = labelOf.getOrDefault(t.strategy(), t.strategy());
                instruments.computeIfAbsent(label, x -> new ArrayList<>(List.of(id)));
                trips.computeIfAbsent(label, x -> new ArrayList<>()).add(t);
            }
        }
        List<StrategySummary> out = new ArrayList<>();
        trips.forEach((label, list) -> out.add(StrategySummary.of(label, instruments.get(label), list)));
        return out;
    }

    private static List<InstrumentSummary> instrumentSummaries(List<PortfolioConfig.Book> books,
                                                               List<RoundTrip> trades,
                                                               List<FundingPayment> payments) {
        List<InstrumentSummary> out = new ArrayList<>();
        for (PortfolioConfig.Book b : books) {
            InstrumentId id = b.instrument().id();
            BigDecimal net = BigDecimal.ZERO;
            BigDecimal fees = BigDecimal.ZERO;
            int count = 0;
            for (RoundTrip t : trades) {
                if (t.instrument().equals(id)) {
                    net = net.add(t.pnl());
                    fees = fees.add(t.fees());
                    count++;
                }
            }
            BigDecimal funding = null;
            if (b.perpetual() != null) {
                funding = BigDecimal.ZERO;
                for (FundingPayment p : payments) {
                    if (p.instrument().equals(id)) {
                        funding = funding.add(p.amount());
                    }
                }
            }
            out.add(new InstrumentSummary(id, b.bars().size(), count, net, fees, funding));
        }
        return out;
    }
}
