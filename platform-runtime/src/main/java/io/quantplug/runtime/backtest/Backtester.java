package io.quantplug.runtime.backtest;

import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.internal.venue.ExchangeVenue;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.ExchangeBarSource;
import io.quantplug.runtime.session.LiveOptions;
import io.quantplug.runtime.session.PluginSwap;
import io.quantplug.runtime.internal.engine.SessionHotSwap;
import io.quantplug.runtime.session.SessionListener;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs backtests with the extensions of a catalog. Each {@link #open} assembles a fresh session (a
 * {@link BacktestRun}, run on the thread that calls its {@code run}, which becomes the session's engine thread);
 * {@link #run} opens and runs one at once. Runs are independent and may go on different threads at once.
 *
 * <p>Every strategy of the configuration becomes an instance of the session ({@link BacktestConfig#instanceIds()}),
 * sharing one account; with an aggregation policy other than {@code NONE} they trade as one signal group. The
 * resolved parameters are reported under {@code strategy:ID} for a single strategy and {@code strategy:INSTANCE} for
 * several.
 */
public final class Backtester {

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
     * Opens a session on a source of bars, to run on the thread that calls {@link BacktestRun#run} and to watch
     * from others ({@link io.quantplug.runtime.session.RunningSession}). Every extension is looked up and its
     * parameters checked here, before any bar is asked for.
     *
     * @param config    what to run
     * @param timeframe the bar length of the source's bars
     * @param source    the bars, of the configured instrument, in strictly ascending open time
     * @param listener  observes the session, on its engine thread
     * @return the session, not started
     * @throws BacktestConfigurationException when an extension id is unknown or a parameter is invalid
     */
    public BacktestRun open(BacktestConfig config, Timeframe timeframe, BarSource source, SessionListener listener) {
        return new BacktestRun(catalog, followed, swapTimeout, swapReports, Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(timeframe, "timeframe"), Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Opens a live session: the engine of {@link #open} on an exchange's bars and its real venue
     * ({@link ExchangeVenue}), to run on the thread that calls {@link BacktestRun#run}. Orders go to the adapter
     * from an I/O thread of the session's, each after the options' {@link io.quantplug.runtime.session.SendBarrier}
     * says it is journaled; the adapter's order events reach the strategies between bars (the source wakes the
     * engine thread). At the end, working orders are canceled on the exchange and the open position stays, unless
     * {@link LiveOptions#flattenOnStop()}. Connect the adapter to {@code source} after this returns.
     *
     * @param config    what to run; its instrument as the exchange lists it, its capital what the session may use
     * @param timeframe the bar length
     * @param source    the exchange's bars; its order events are forwarded to the venue from now on
     * @param bars      the bars the session takes: {@code source} itself or a wrapper that draws from it
     * @param adapter   the exchange, with order execution
     * @param options   order id prefix, end of session, journal barrier, notices
     * @param listener  observes the session, on its engine thread
     * @return the session, not started
     * @throws BacktestConfigurationException when an extension id is unknown or a parameter is invalid
     */
    public BacktestRun openLive(BacktestConfig config, Timeframe timeframe, ExchangeBarSource source, BarSource bars,
                                ExchangeAdapter adapter, LiveOptions options, SessionListener listener) {
        Objects.requireNonNull(source, "source");
        ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quantplug-live-io-" + options.orderIdPrefix());
            t.setDaemon(true);
            return t;
        });
        ExchangeVenue venue = new ExchangeVenue(config.instrument(), adapter, io, options, Clock.systemUTC());
        BacktestRun run = open(config, timeframe, bars, listener);
        venue.onArrival(source::wake);
        source.forwardOrderEvents(venue::offer);
        return run.live(new LiveWiring(venue, io, source, options.orderIdPrefix(), options.flattenOnStop()));
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
     * Runs a backtest and reports its signals, orders, events and faults to a listener as they happen:
     * {@link #open} on the bars, then {@link BacktestRun#run}.
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
        return open(config, timeframe, BarSource.of(bars), listener).run(progress);
    }
}
