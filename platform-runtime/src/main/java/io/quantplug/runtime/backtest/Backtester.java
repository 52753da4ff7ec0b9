package io.quantplug.runtime.backtest;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.MetricsCalculator;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.internal.engine.TradingSession;
import io.quantplug.runtime.internal.portfolio.Portfolio;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.session.PluginSwap;
import io.quantplug.runtime.session.SessionHotSwap;
import java.time.Duration;
import java.util.function.Consumer;
import io.quantplug.runtime.internal.venue.BpsFeeModel;
import io.quantplug.runtime.internal.venue.BpsSlippageModel;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.session.SessionListener;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs backtests with the extensions of a catalog. Each {@link #run} builds a fresh session on the calling thread,
 * which becomes the session's engine thread; runs are independent and may go on different threads at once.
 *
 * <p>Every strategy of the configuration becomes an instance of the session ({@link BacktestConfig#instanceIds()}),
 * sharing one account; with an aggregation policy other than {@code NONE} they trade as one signal group. The
 * resolved parameters are reported under {@code strategy:ID} for a single strategy and {@code strategy:INSTANCE} for
 * several.
 */
public final class Backtester {

    private static final int PROGRESS_EVERY = 1 << 14;
    private static final int HISTORY_BARS = 1_000;

    private final ExtensionCatalog catalog;
    /** The host whose plugin changes a run follows (hot swap), or null for none. */
    private final PluginHost followed;
    private final Duration swapTimeout;
    private final Consumer<PluginSwap> swapReports;

    /**
     * Creates a backtester.
     *
     * @param catalog where extension ids are looked up
     */
    public Backtester(ExtensionCatalog catalog) {
        this(catalog, null, Duration.ZERO, swap -> { });
    }

    private Backtester(ExtensionCatalog catalog, PluginHost followed, Duration swapTimeout,
                       Consumer<PluginSwap> swapReports) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.followed = followed;
        this.swapTimeout = swapTimeout;
        this.swapReports = swapReports;
    }

    /**
     * The same backtester, whose runs follow a plugin host: while a run goes on, every extension instance whose plugin
     * is replaced moves to the new build between two bars (restored from the old instance's snapshot), and one whose
     * plugin is unloaded falls under the fault policy ({@link SessionHotSwap}). This is how a paced replay (a console
     * instance) keeps running across plugin upgrades. The catalog must be the host's, taken when the run is planned.
     *
     * @param host    the host to follow
     * @param timeout how long a plugin change waits for the run's engine thread to make the swap (a run waiting for
     *                its next bar makes it then)
     * @param reports told of every swap once made, on the thread that changed the host
     * @return the following backtester
     */
    public Backtester following(PluginHost host, Duration timeout, Consumer<PluginSwap> reports) {
        return new Backtester(catalog, Objects.requireNonNull(host, "host"), Objects.requireNonNull(timeout,
                "timeout"), Objects.requireNonNull(reports, "reports"));
    }

    /**
     * Runs a backtest.
     *
     * @param config    what to run
     * @param timeframe the bar length of {@code bars}
     * @param bars      the bars, of the configured instrument, in strictly ascending open time; at least one
     * @param progress  receives progress
     * @return the result
     * @throws BacktestConfigurationException when an extension id is unknown, a parameter is invalid, or an extension
     *                                        cannot be created
     * @throws IllegalArgumentException       when there are no bars or a bar is of another instrument
     */
    public BacktestResult run(BacktestConfig config, Timeframe timeframe, List<Bar> bars, BacktestProgress progress) {
        return run(config, timeframe, bars, progress, new SessionListener() { });
    }

    /**
     * Runs a backtest and reports its signals, orders, events and faults to a listener as they happen.
     *
     * @param config    what to run
     * @param timeframe the bar length of {@code bars}
     * @param bars      the bars, of the configured instrument, in strictly ascending open time; at least one
     * @param progress  receives progress
     * @param listener  observes the session (on this thread)
     * @return the result; when the bar list or {@code progress} throws {@link RunStoppedException} after the first
     *         bar, the result up to the last bar processed, with {@link BacktestResult#stoppedBy()} set
     * @throws BacktestConfigurationException when an extension id is unknown, a parameter is invalid, or an extension
     *                                        cannot be created
     * @throws IllegalArgumentException       when there are no bars or a bar is of another instrument
     */
    public BacktestResult run(BacktestConfig config, Timeframe timeframe, List<Bar> bars, BacktestProgress progress,
                              SessionListener listener) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no bars to backtest");
        }
        Map<String, Map<String, String>> resolved = new LinkedHashMap<>();
        SessionAssembly assembly = new SessionAssembly(catalog, config, resolved);
        ResultCollector collector = new ResultCollector(listener);
        TradingSession session = assembly.session(config.instrument(),
                new Portfolio(config.instrument().quoteAsset(), config.initialCapital()), bars.get(0).openTimeMillis(),
                BpsFeeModel.flat(config.feeBps()), new BpsSlippageModel(config.slippageBps()), collector,
                HISTORY_BARS, bars.size());
        session.start();
        SessionHotSwap swapper = followed == null ? null
                : SessionHotSwap.attach(session, catalog, followed, swapTimeout, swapReports);
        String stoppedBy = null;
        try {
            try {
                feed(session, bars, progress);
            } catch (RunStoppedException e) {
                if (session.barCount() == 0) {
                    throw e; // stopped before its first bar: nothing to report
                }
                stoppedBy = e.getMessage();
            }
            session.finish();
        } finally {
            if (swapper != null) {
                swapper.close();
            }
        }
        int processed = (int) session.barCount();
        progress.onProgress(processed, bars.size());

        BigDecimal endEquity = session.account().equity();
        EquityCurve equity = session.equity();
        PerformanceMetrics metrics = MetricsCalculator.compute(equity, session.trades(),
                timeframe.barsPerYear(), session.barsInMarket(), config.initialCapital(), endEquity,
                session.account().totalFees());
        return new BacktestResult(config, resolved, timeframe, bars.get(0).openTimeMillis(),
                bars.get(processed - 1).openTimeMillis(), session.barCount(), session.trades(), metrics,
                equity, collector.rejections, collector.faults, collector.signals, collector.orders,
                collector.fills, collector.riskEvents, collector.decisions, stoppedBy);
    }

    /**
     * The bar loop, in a method of its own: small enough for the JIT to compile on its own and inline the session's
     * per-bar path, instead of compiling it on-stack inside the large {@code run} method.
     */
    private static void feed(TradingSession session, List<Bar> bars, BacktestProgress progress) {
        int total = bars.size();
        for (int i = 0; i < total; i++) {
            session.onBar(bars.get(i));
            if ((i & (PROGRESS_EVERY - 1)) == PROGRESS_EVERY - 1) {
                progress.onProgress(i + 1, total);
            }
        }
    }
}
