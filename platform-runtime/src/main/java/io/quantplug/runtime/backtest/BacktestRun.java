package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Order;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.analytics.MetricsCalculator;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.internal.engine.TradingSession;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.internal.venue.BpsFeeModel;
import io.quantplug.runtime.internal.venue.BpsSlippageModel;
import io.quantplug.runtime.margin.PerpetualReport;
import io.quantplug.runtime.margin.PerpetualTerms;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.ExtensionBuild;
import io.quantplug.runtime.session.OpenPosition;
import io.quantplug.runtime.session.PluginSwap;
import io.quantplug.runtime.session.RunningSession;
import io.quantplug.runtime.internal.engine.SessionHotSwap;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.TickSink;
import io.quantplug.runtime.session.TickSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One session on the simulated venue, opened by {@link Backtester#open}: its extensions looked up and checked when
 * opened, then {@link #run} on the calling thread, which becomes the session's engine thread, pulling bars from its
 * {@link BarSource} until the source ends or the session is {@linkplain #stop stopped}. Other threads watch it
 * through {@link RunningSession}: state, positions, working orders, the plugin build of every extension and the
 * hot swaps made.
 *
 * <p>A run is used once. When its backtester follows a plugin host, every extension whose plugin is replaced while
 * it runs moves to the new build between two bars ({@link SessionHotSwap}).
 */
public final class BacktestRun implements RunningSession {

    private static final int PROGRESS_EVERY = 1 << 14;
    /** How often a backtest publishes its bar count and last bar, in bars; divides {@link #PROGRESS_EVERY}. */
    private static final int PUBLISH_EVERY = 64;
    private static final int HISTORY_BARS = 1_000;

    private final BacktestConfig config;
    private final Timeframe timeframe;
    private final BarSource source;
    private final ExtensionCatalog catalog;
    private final PluginHost followed;
    private final Duration swapTimeout;
    private final Consumer<PluginSwap> swapReports;
    private final Map<String, Map<String, String>> resolved = new LinkedHashMap<>();
    private final SessionAssembly assembly;
    private final SessionTracker tracker;
    private final ResultCollector collector;
    private final List<PluginSwap> swaps = new CopyOnWriteArrayList<>();
    private final AtomicLong barsTaken = new AtomicLong();
    private final AtomicReference<Bar> lastBar = new AtomicReference<>();
    private volatile State state = State.CREATED;
    private volatile double equityNow = Double.NaN;
    private volatile double drawdown;
    private double peakEquity = Double.NEGATIVE_INFINITY;
    private long warmUpBars;
    /** Set for a live session (an exchange venue), null for the simulated venue. */
    private LiveWiring live;
    private volatile String stoppedBy;
    private volatile List<ExtensionBuild> builds;
    // set by the engine thread when the run ends (published by the volatile write of state after them)
    private TradingSession session;
    /** How a tick run fills orders on the book, or null for fills on bars. */
    private BookFills bookFills;
    /** The perpetual terms a run on margin trades on, or null for cash (spot) accounting. */
    private PerpetualTerms perpetual;
    /** The session as the tick source's sink, or null on a bar source. */
    private TickSink tickSink;
    private Bar firstBar;
    private String stopMessage;
    private BacktestResult result;

    BacktestRun(ExtensionCatalog catalog, PluginHost followed, Duration swapTimeout, Consumer<PluginSwap> swapReports,
                BacktestConfig config, Timeframe timeframe, BarSource source, SessionListener listener) {
        this.catalog = catalog;
        this.followed = followed;
        this.swapTimeout = swapTimeout;
        this.swapReports = swapReports;
        this.config = config;
        this.timeframe = timeframe;
        this.source = source;
        this.assembly = new SessionAssembly(catalog, config, resolved);
        this.tracker = new SessionTracker(listener);
        this.collector = new ResultCollector(tracker);
        this.builds = ExtensionBuilds.of(catalog, followed, config);
    }

    /** Makes this run a live session on an exchange venue; called once, by {@link Backtester#openLive}. */
    BacktestRun live(LiveWiring wiring) {
        this.live = wiring;
        return this;
    }

    /**
     * Makes the first bars a warm-up: the strategies see them, but nothing they ask for trades (signals are recorded
     * as {@code "not traded: warm-up bar"}, their own orders refused with {@code WARM_UP}). A paper or live session
     * warms up on history this way before the market's bars; a backtest with the same warm-up trades the same after
     * it. Call before {@link #run}.
     *
     * @param bars how many first bars, &ge; 0
     * @return this run
     * @throws IllegalArgumentException when {@code bars} is negative
     * @throws IllegalStateException    when the run has started
     */
    public synchronized BacktestRun warmUp(long bars) {
        if (bars < 0) {
            throw new IllegalArgumentException("warmupBars must be >= 0, got " + bars);
        }
        if (state != State.CREATED) {
            throw new IllegalStateException("the warm-up is set before the run starts");
        }
        warmUpBars = bars;
        return this;
    }

    /**
     * The warm-up asked for.
     *
     * @return bars, &ge; 0
     */
    public synchronized long warmUpBars() {
        return warmUpBars;
    }

    /**
     * Makes the run trade its instrument as a linear perpetual on margin: long and short, fills checked against the
     * initial margin at the leverage, liquidation at the liquidation price, and funding from the recorded rates
     * (see {@link io.quantplug.runtime.margin}). Its funding payments and liquidations are in the result
     * ({@link BacktestResult#perpetual()}). Only on bars at the simulated venue. Call before running.
     *
     * @param terms leverage, margin mode, brackets and funding rates, or null for cash accounting (the default)
     * @return this run
     * @throws IllegalArgumentException when the instrument is not a {@link InstrumentKind#PERPETUAL}, or the run
     *                                  fills on a book or at an exchange
     * @throws IllegalStateException    when the run has started
     */
    public synchronized BacktestRun tradePerpetual(PerpetualTerms terms) {
        if (state != State.CREATED) {
            throw new IllegalStateException("set the perpetual terms before the run starts");
        }
        if (terms != null && config.instrument().kind() != InstrumentKind.PERPETUAL) {
            throw new IllegalArgumentException(config.instrument().id() + " is a " + config.instrument().kind()
                    + " instrument: margin, funding and liquidation apply to a PERPETUAL");
        }
        if (terms != null && (live != null || bookFills != null)) {
            throw new IllegalArgumentException("a perpetual trades on margin only on bars at the simulated venue");
        }
        this.perpetual = terms;
        return this;
    }

    /**
     * Makes a run on a {@link TickSource} fill its orders on the replayed book ({@link BookFills}) rather than on its
     * bars. Call before running.
     *
     * @param fills the fill settings, or null for fills on bars (the default)
     * @return this run
     * @throws IllegalArgumentException when fills are asked for on a source of bars only
     * @throws IllegalStateException    when the run has started
     */
    public synchronized BacktestRun fillOnBook(BookFills fills) {
        if (state != State.CREATED) {
            throw new IllegalStateException("set how orders fill before the run starts");
        }
        if (fills != null && !(source instanceof TickSource)) {
            throw new IllegalArgumentException("orders fill on the book only in a replay of ticks");
        }
        this.bookFills = fills;
        return this;
    }

    /**
     * Runs the session on the calling thread until its source ends or it is stopped, then finishes it, and returns
     * its result: {@link #execute} then {@link #result}.
     *
     * @param progress as {@link #execute} takes it
     * @return the result, as {@link #result} gives it
     * @throws IllegalStateException          when the run was started before
     * @throws IllegalArgumentException       when the source gives no bar at all, or a bar of another instrument
     * @throws RunStoppedException            when stopped before its first bar (nothing to report)
     * @throws BacktestConfigurationException when a strategy cannot be created
     */
    public BacktestResult run(BacktestProgress progress) {
        return execute(progress).result();
    }

    /**
     * Runs the session on the calling thread until its source ends or it is stopped, then finishes it: working
     * orders canceled and open positions closed at the last price, through the venue. The metrics are not computed
     * here ({@link #result} does, once); {@link #equity} and {@link #trades} are ready when this returns.
     *
     * @param progress told of progress every 16,384 bars and at the end, with the total the source expects (-1
     *                 when it does not know); it may throw {@link RunStoppedException} to stop the run there
     * @return this run, finished or stopped
     * @throws IllegalStateException          when the run was started before
     * @throws IllegalArgumentException       when the source gives no bar at all, or a bar of another instrument
     * @throws RunStoppedException            when stopped before its first bar (nothing to report)
     * @throws BacktestConfigurationException when a strategy cannot be created
     */
    public BacktestRun execute(BacktestProgress progress) {
        synchronized (this) {
            if (state != State.CREATED) {
                throw new IllegalStateException("a run is used once; this one is " + state);
            }
            state = State.RUNNING;
        }
        try {
            runOnce(progress);
            state = stopMessage == null ? State.FINISHED : State.STOPPED;
            return this;
        } catch (RuntimeException | Error e) {
            state = e instanceof RunStoppedException ? State.STOPPED : State.FAILED;
            throw e;
        }
    }

    /**
     * The result of the finished run, with its metrics (computed on the first call).
     *
     * @return the result; for a stopped run (by {@link #stop}, or a {@link RunStoppedException} from the source or
     *         the progress) the result up to the last bar taken, with {@link BacktestResult#stoppedBy()} set
     * @throws IllegalStateException when the run has not finished
     */
    public synchronized BacktestResult result() {
        if (result == null) {
            TradingSession s = finished();
            BigDecimal endEquity = s.account().equity();
            PerformanceMetrics metrics = MetricsCalculator.compute(s.equity(), s.trades(), timeframe.barsPerYear(),
                    s.barsInMarket(), config.initialCapital(), endEquity, s.account().totalFees());
            result = new BacktestResult(config, resolved, timeframe, firstBar.openTimeMillis(),
                    lastBar.get().openTimeMillis(), s.barCount(), s.trades(), metrics, s.equity(),
                    collector.rejections, collector.faults, collector.signals, collector.orders, collector.fills,
                    collector.riskEvents, collector.decisions, collector.executions, stopMessage,
                    perpetual == null ? null
                            : PerpetualReport.of(perpetual, collector.funding, collector.liquidations,
                                    collector.marginCalls));
        }
        return result;
    }

    /**
     * The equity curve of the finished run: one point per bar, at its close.
     *
     * @return the curve
     * @throws IllegalStateException when the run has not finished
     */
    public EquityCurve equity() {
        return finished().equity();
    }

    /**
     * The round trips of the finished run, oldest first.
     *
     * @return the trades
     * @throws IllegalStateException when the run has not finished
     */
    public List<RoundTrip> trades() {
        return finished().trades();
    }

    private TradingSession finished() {
        State s = state;
        if (s != State.FINISHED && s != State.STOPPED || session == null) {
            throw new IllegalStateException("the run has not finished; it is " + s);
        }
        return session;
    }

    private void runOnce(BacktestProgress progress) {
        try {
            if (source instanceof TickSource) {
                long start = ((TickSource) source).startMillis();
                if (start < 0) {
                    noBars();
                }
                runSession(start, null, progress, source.expectedBars());
                return;
            }
            Bar first = nextBar();
            if (first == null) {
                noBars();
            }
            runSession(first.openTimeMillis(), first, progress, source.expectedBars());
        } finally {
            if (live != null) {
                live.close();
            }
        }
    }

    private void noBars() {
        if (stoppedBy != null) {
            throw new RunStoppedException("stopped by " + stoppedBy);
        }
        throw new IllegalArgumentException("no bars to backtest");
    }

    /**
     * Runs the session from its start time.
     *
     * @param first the first bar, already read; null for a tick source, whose first bar is read with the session
     *              taking the ticks before it
     */
    private void runSession(long startMillis, Bar first, BacktestProgress progress, int expected) {
        Portfolio account = new Portfolio(config.instrument().quoteAsset(), config.initialCapital());
        TradingSession s = live != null
                ? assembly.session(config.instrument(), account, startMillis, live.venue(),
                        live.orderIdPrefix(), collector, HISTORY_BARS)
                : bookFills != null
                ? assembly.session(config.instrument(), account, startMillis,
                        bookFills.venue(Map.of(config.instrument().id(), config.instrument()), account), "",
                        collector, HISTORY_BARS)
                : assembly.session(config.instrument(), account, startMillis,
                        BpsFeeModel.flat(config.feeBps()), new BpsSlippageModel(config.slippageBps()), collector,
                        HISTORY_BARS, expected < 0 ? 1 << 12 : expected, perpetual);
        s.warmUp(warmUpBars);
        s.start();
        if (live != null) {
            live.source().pump(() -> {
                s.pollVenue();
                tracker.publish(); // fills between bars show at once
            });
        }
        SessionHotSwap swapper = followed == null ? null
                : SessionHotSwap.attach(s, catalog, followed, swapTimeout, this::swapped);
        String stop = null;
        if (source instanceof TickSource) {
            tickSink = new SessionTicks(s);
        }
        try {
            try {
                if (first == null) {
                    first = nextBar();
                    if (first == null) {
                        s.finish(); // ticks without a trade make no bar: nothing to report
                        noBars();
                    }
                }
                feed(s, first, progress, expected);
            } catch (RunStoppedException e) {
                if (s.barCount() == 0) {
                    throw e; // stopped before its first bar: nothing to report
                }
                stop = e.getMessage();
            }
            if (stop == null && stoppedBy != null) {
                stop = "stopped by " + stoppedBy;
            }
            s.finish(live == null || live.flattenOnStop());
            tracker.publish();
        } finally {
            if (swapper != null) {
                swapper.close();
            }
        }
        long processed = s.barCount();
        progress.onProgress((int) processed, expected < 0 ? (int) processed : expected);
        firstBar = first;
        stopMessage = stop;
        session = s;
    }

    /**
     * The bar loop, in a method of its own: small enough for the JIT to compile on its own and inline the session's
     * per-bar path. The bar count and the last bar are published for other threads with release stores (plain
     * stores on x86): after every bar from a source with no known end (a stream, where each bar may be the last for
     * a while), else every {@value #PUBLISH_EVERY} bars and when the loop ends, so a backtest pays nothing per bar
     * for being watched.
     */
    private void feed(TradingSession session, Bar first, BacktestProgress progress, int expected) {
        boolean stream = source.paced();
        long n = 0;
        Bar last = null;
        try {
            for (Bar bar = first; bar != null; bar = nextBar()) {
                session.onBar(bar);
                last = bar;
                n++;
                if (stream || (n & (PUBLISH_EVERY - 1)) == 0) {
                    lastBar.lazySet(bar);
                    barsTaken.lazySet(n);
                    publishEquity(session.lastEquity());
                    tracker.publish();
                    if ((n & (PROGRESS_EVERY - 1)) == 0) {
                        progress.onProgress((int) n, expected);
                    }
                }
            }
        } finally {
            if (last != null) {
                lastBar.lazySet(last);
                barsTaken.lazySet(n);
                publishEquity(session.lastEquity());
            }
            tracker.publish();
        }
    }

    /** At a publishing point: the equity, its running peak and the largest fall from it so far. */
    private void publishEquity(double now) {
        if (!(now > peakEquity)) {
            double fall = peakEquity > 0 ? (peakEquity - now) / peakEquity : 0;
            if (fall > drawdown) {
                drawdown = fall;
            }
        } else {
            peakEquity = now;
        }
        equityNow = now;
    }

    /** The source's next bar, or null once the run is stopped: also when the stop came while the source waited. */
    private Bar nextBar() {
        if (stoppedBy != null) {
            return null;
        }
        Bar b = tickSink == null ? source.next() : ((TickSource) source).next(tickSink);
        return stoppedBy == null ? b : null;
    }

    private void swapped(PluginSwap swap) {
        swaps.add(swap);
        if (swap.moved()) {
            builds = ExtensionBuilds.after(builds, swap);
        }
        swapReports.accept(swap);
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public void stop(String by) {
        if (stoppedBy == null) {
            stoppedBy = by == null ? "unknown" : by;
        }
        source.stop();
    }

    @Override
    public String stoppedBy() {
        return stoppedBy;
    }

    @Override
    public long barCount() {
        return barsTaken.get();
    }

    @Override
    public double lastPrice() {
        Bar b = lastBar.get();
        return b == null ? Double.NaN : b.close();
    }

    @Override
    public double currentEquity() {
        return equityNow;
    }

    @Override
    public double maxDrawdown() {
        return drawdown;
    }

    @Override
    public List<OpenPosition> positions() {
        return tracker.positions();
    }

    @Override
    public List<Order> workingOrders() {
        return tracker.workingOrders();
    }

    @Override
    public List<ExtensionBuild> extensions() {
        return builds;
    }

    @Override
    public List<PluginSwap> swaps() {
        return List.copyOf(swaps);
    }

    /** A tick source's sink: the session's tick methods. */
    private record SessionTicks(TradingSession session) implements TickSink {
        @Override
        public void onTrade(TradeTick trade) {
            session.onTrade(trade);
        }

        @Override
        public void onOrderBook(OrderBookView book) {
            session.onOrderBook(book);
        }
    }
}
