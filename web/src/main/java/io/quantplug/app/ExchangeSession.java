package io.quantplug.app;

import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestRun;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.ExchangeBarSource;
import io.quantplug.runtime.session.SessionListener;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A paper session on an exchange: the adapter a user named, the instrument it lists, the warm-up history it serves,
 * its stream of closed bars (an {@link ExchangeBarSource}), and the engine session on the simulated venue that runs
 * on them ({@link #run()}), warmed up on the exchange's closed bars before its first streamed bar. What {@code quantplug paper}
 * runs; the caller runs the session on a thread of its own and closes this afterwards.
 *
 * <p>Not thread-safe to open; once open, {@link #run()}'s handle and {@link #source()}'s read-outs may be read from
 * any thread.
 */
public final class ExchangeSession implements AutoCloseable {

    /** Streamed bars that may wait for the engine before the adapter's thread waits. */
    static final int QUEUE_BARS = 10_000;

    private final ExchangeAdapter adapter;
    private final Instrument instrument;
    private final ExchangeBarSource source;
    private final TakenBars taken;
    private final BacktestRun run;

    private ExchangeSession(ExchangeAdapter adapter, Instrument instrument, ExchangeBarSource source,
                            Function<BarSource, BacktestRun> open) {
        this.adapter = adapter;
        this.instrument = instrument;
        this.source = source;
        this.taken = new TakenBars(source);
        this.run = open.apply(taken);
    }

    /**
     * Opens the adapter, finds the instrument, opens the engine session and connects the adapter's bar stream to it.
     * The warm-up bars are the closed bars before the first streamed one, fetched when it arrives. Nothing runs until
     * the caller runs {@link #run()}.
     *
     * @param catalog        the loaded extensions (the adapter and the run's strategy, enhancers, sizer and rules)
     * @param exchange       the adapter id, e.g. {@code binance}
     * @param exchangeParams the adapter's parameters as the user gave them
     * @param symbol         the symbol as the exchange lists it
     * @param timeframe      the bar length
     * @param config         the run's configuration on the exchange's instrument
     * @param warmUpBars     closed bars of history to warm the strategy up on, &ge; 0, or null for what the strategy
     *                       declares ({@link io.quantplug.api.strategy.StrategyProvider#warmUpBars})
     * @param stopAfterBars  streamed bars after which the session ends, &ge; 1, or {@code Long.MAX_VALUE}
     * @param listener       gives, for the run's configuration, what is told of the session's events (on its engine
     *                       thread); called once, after the exchange is reached and before the session opens
     * @return the session, connected
     * @throws UserInputException as {@link ExchangeAdapters#open} and {@link ExchangeAdapters#instrument}, and for
     *                            more than {@link Integer#MAX_VALUE} warm-up bars
     * @throws io.quantplug.runtime.backtest.BacktestConfigurationException when an extension of the run is unknown or
     *                            a parameter invalid (the adapter is closed again)
     * @throws java.io.UncheckedIOException when the exchange fails (the adapter is closed again)
     */
    public static ExchangeSession open(ExtensionCatalog catalog, String exchange, Map<String, String> exchangeParams,
                                       String symbol, Timeframe timeframe,
                                       Function<Instrument, BacktestConfig> config, Long warmUpBars,
                                       long stopAfterBars, Function<BacktestConfig, SessionListener> listener) {
        return open(catalog, new Backtester(catalog), exchange, exchangeParams, symbol, timeframe, config, warmUpBars,
                stopAfterBars, listener);
    }

    /**
     * As {@link #open(ExtensionCatalog, String, Map, String, Timeframe, Function, Long, long, Function)}, with the
     * backtester that opens the engine session: one that follows a plugin host ({@link Backtester#following}) moves
     * the session to each new build of its plugins, as the console's instances do.
     *
     * @param catalog        the loaded extensions, where the adapter is found
     * @param backtester     opens the engine session (its catalog must hold the run's extensions)
     * @param exchange       the adapter id
     * @param exchangeParams the adapter's parameters
     * @param symbol         the symbol as the exchange lists it
     * @param timeframe      the bar length
     * @param config         the run's configuration on the exchange's instrument
     * @param warmUpBars     closed bars of history to warm up on, &ge; 0, or null for the strategy's declared warm-up
     * @param stopAfterBars  streamed bars after which the session ends, &ge; 1, or {@code Long.MAX_VALUE}
     * @param listener       gives the session's listener for its configuration
     * @return the session, connected
     * @throws UserInputException as the other {@code open}
     */
    public static ExchangeSession open(ExtensionCatalog catalog, Backtester backtester, String exchange,
                                       Map<String, String> exchangeParams, String symbol, Timeframe timeframe,
                                       Function<Instrument, BacktestConfig> config, Long warmUpBars,
                                       long stopAfterBars, Function<BacktestConfig, SessionListener> listener) {
        Objects.requireNonNull(config, "config");
        Set<ExchangeCapability> needed = EnumSet.of(ExchangeCapability.INSTRUMENTS, ExchangeCapability.LIVE_BARS);
        if (warmUpBars == null || warmUpBars > 0) {
            needed.add(ExchangeCapability.HISTORICAL_BARS);
        }
        ExchangeAdapter adapter = ExchangeAdapters.open(catalog, exchange, exchangeParams, needed);
        try {
            Instrument instrument = ExchangeAdapters.instrument(adapter, exchange, symbol);
            BacktestConfig c = config.apply(instrument);
            long warmUp = warmUpBars != null ? warmUpBars : declaredWarmUp(catalog, c);
            if (warmUp < 0 || warmUp > Integer.MAX_VALUE) {
                throw new UserInputException("--warmup-bars must be in 0.." + Integer.MAX_VALUE + ", got " + warmUp);
            }
            ExchangeBarSource source = new ExchangeBarSource(instrument.id(), timeframe, (int) warmUp,
                    (open, count) -> adapter.historicalBars(instrument.id(), timeframe,
                            open - count * timeframe.millis(), open), QUEUE_BARS, stopAfterBars);
            ExchangeSession session = new ExchangeSession(adapter, instrument, source,
                    bars -> backtester.open(c, timeframe, bars, listener.apply(c)).warmUp(warmUp));
            adapter.connect(List.of(instrument.id()), timeframe, source);
            return session;
        } catch (RuntimeException e) {
            adapter.close();
            throw e;
        }
    }

    /**
     * The longest warm-up the run's strategies declare for their parameters ({@code StrategyProvider.warmUpBars}).
     *
     * @param catalog where the strategies are found
     * @param config  the run
     * @return bars, &ge; 0 (0 for a strategy that is not found: the session names it when it opens)
     */
    static long declaredWarmUp(ExtensionCatalog catalog, BacktestConfig config) {
        long most = 0;
        for (var ref : config.strategies()) {
            var provider = catalog.strategy(ref.id());
            if (provider.isPresent()) {
                try {
                    most = Math.max(most, provider.get().warmUpBars(ref.resolve(provider.get().descriptor()
                            .parameters())));
                } catch (IllegalArgumentException e) {
                    // an invalid parameter: the session refuses it with its name when it opens
                }
            }
        }
        return most;
    }

    /**
     * The engine session; run it with {@link BacktestRun#run} on the thread that is to be its engine thread.
     *
     * @return the running-session handle
     */
    public BacktestRun run() {
        return run;
    }

    /**
     * The stream of bars: connection state and streamed-bar count.
     *
     * @return the source
     */
    public ExchangeBarSource source() {
        return source;
    }

    /**
     * The instrument traded, as the exchange lists it.
     *
     * @return the instrument
     */
    public Instrument instrument() {
        return instrument;
    }

    /**
     * The bars the session took, warm-up and streamed, oldest first; read once the run has ended.
     *
     * @return the bars
     */
    public List<Bar> barsTaken() {
        return taken.bars();
    }

    /** Disconnects the adapter; idempotent. */
    @Override
    public void close() {
        adapter.close();
    }
}
