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
import io.quantplug.runtime.session.ExchangeBarSource;
import io.quantplug.runtime.session.LiveOptions;
import io.quantplug.runtime.session.SendBarrier;
import io.quantplug.runtime.session.SessionListener;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A live session on an exchange: the engine of a paper session ({@link ExchangeSession}) on the exchange's real venue
 * ({@code Backtester.openLive}). Orders go to the exchange, each journaled first; fills come back over the adapter's
 * user data stream. What {@code quantplug live} runs; the caller runs {@link #run()} on a thread of its own and closes
 * this afterwards.
 *
 * <p>Opening it checks the account first ({@link LiveReconciliation}: open orders, missed fills, base and quote
 * balances) and
 * refuses to trade on Binance's {@code mainnet} without a risk rule unless asked. Every client order id starts with
 * the session's {@linkplain #runTag run tag}. Not thread-safe to open; once open, {@link #run()}'s handle and
 * {@link #source()}'s read-outs may be read from any thread.
 */
public final class LiveSession implements AutoCloseable {

    /** How long an order waits for its journal entry, and the end of the session for cancels and the last fill. */
    static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * How the session runs.
     *
     * @param warmUpBars        closed bars of history to warm the strategy up on, &ge; 0, or null for what the
     *                          strategy declares ({@link io.quantplug.api.strategy.StrategyProvider#warmUpBars})
     * @param stopAfterBars     streamed bars after which the session ends, &ge; 1, or {@code Long.MAX_VALUE}
     * @param flattenOnStop     whether the open position is closed with a market order at the end
     * @param allowNoRiskRules  whether to trade on mainnet without a risk rule
     */
    public record Settings(Long warmUpBars, long stopAfterBars, boolean flattenOnStop, boolean allowNoRiskRules) {
    }

    private final ExchangeAdapter adapter;
    private final Instrument instrument;
    private final ExchangeBarSource source;
    private final String runTag;
    private final TakenBars taken;
    private final List<ReconciliationDifference> differences = new ArrayList<>();
    private BacktestRun run;

    private LiveSession(ExchangeAdapter adapter, Instrument instrument, ExchangeBarSource source, String runTag) {
        this.adapter = adapter;
        this.instrument = instrument;
        this.source = source;
        this.runTag = runTag;
        this.taken = new TakenBars(source);
    }

    /**
     * Opens the adapter with order execution, finds the instrument, opens the live engine session, connects the
     * adapter's streams (bars and the user data stream) and reconciles the account. Nothing trades until the caller
     * runs {@link #run()}.
     *
     * @param catalog        the loaded extensions
     * @param exchange       the adapter id, e.g. {@code binance}
     * @param exchangeParams the adapter's parameters as the user gave them
     * @param symbol         the symbol as the exchange lists it
     * @param timeframe      the bar length
     * @param config         the run's configuration on the exchange's instrument
     * @param settings       warm-up, stop, flatten and the mainnet risk-rule waiver
     * @param listener       gives the session's listener for the configuration (called once, before the session
     *                       opens; the run is recorded from here)
     * @param barrier        gives the journal barrier (called once, after {@code listener})
     * @param notices        told of what a person should know (fees not booked, failed cancels), on any thread
     * @param ledger         gives what the store knows of earlier live runs' trades on the instrument (called once,
     *                       after {@code listener})
     * @return the session, connected and reconciled
     * @throws UserInputException as {@link ExchangeAdapters#open}, when the adapter cannot trade (no API keys), and
     *                            on mainnet without a risk rule unless waived
     * @throws java.io.UncheckedIOException when the exchange fails (the adapter is closed again)
     */
    public static LiveSession open(ExtensionCatalog catalog, String exchange, Map<String, String> exchangeParams,
                                   String symbol, Timeframe timeframe, Function<Instrument, BacktestConfig> config,
                                   Settings settings, Function<BacktestConfig, SessionListener> listener,
                                   Supplier<SendBarrier> barrier, Consumer<String> notices,
                                   Function<Instrument, TradeLedger> ledger) {
        return open(catalog, new Backtester(catalog), exchange, exchangeParams, symbol, timeframe, config, settings,
                listener, barrier, notices, ledger);
    }

    /**
     * As {@link #open(ExtensionCatalog, String, Map, String, Timeframe, Function, Settings, Function, Supplier,
     * Consumer, Function)}, on a given engine: how the console opens a live instance on an engine that follows the
     * plugin host ({@link Backtester#following}), so that the instance takes new builds of its plugins.
     *
     * @param catalog        the loaded extensions
     * @param backtester     the engine to open the session on
     * @param exchange       the adapter id
     * @param exchangeParams the adapter's parameters
     * @param symbol         the symbol as the exchange lists it
     * @param timeframe      the bar length
     * @param config         the run's configuration on the exchange's instrument
     * @param settings       warm-up, stop, flatten and the mainnet risk-rule waiver
     * @param listener       gives the session's listener for the configuration
     * @param barrier        gives the journal barrier
     * @param notices        told of what a person should know, on any thread
     * @param ledger         gives what the store knows of earlier live runs' trades on the instrument
     * @return the session, connected and reconciled
     * @throws UserInputException as the other overload
     * @throws java.io.UncheckedIOException when the exchange fails (the adapter is closed again)
     */
    public static LiveSession open(ExtensionCatalog catalog, Backtester backtester, String exchange,
                                   Map<String, String> exchangeParams, String symbol, Timeframe timeframe,
                                   Function<Instrument, BacktestConfig> config, Settings settings,
                                   Function<BacktestConfig, SessionListener> listener, Supplier<SendBarrier> barrier,
                                   Consumer<String> notices, Function<Instrument, TradeLedger> ledger) {
        Objects.requireNonNull(config, "config");
        Set<ExchangeCapability> needed = EnumSet.of(ExchangeCapability.INSTRUMENTS, ExchangeCapability.LIVE_BARS,
                ExchangeCapability.ORDER_EXECUTION, ExchangeCapability.BALANCES);
        if (settings.warmUpBars() == null || settings.warmUpBars() > 0) {
            needed.add(ExchangeCapability.HISTORICAL_BARS);
        }
        ExchangeAdapter adapter = ExchangeAdapters.open(catalog, exchange, exchangeParams, needed);
        try {
            Instrument instrument = ExchangeAdapters.instrument(adapter, exchange, symbol);
            BacktestConfig c = config.apply(instrument);
            if ("mainnet".equals(exchangeParams.get("network")) && c.riskRules().isEmpty()
                    && !settings.allowNoRiskRules()) {
                throw new UserInputException("live trading on mainnet needs at least one risk rule (--risk RULE);"
                        + " to trade real money without any, give --no-risk-rules-i-understand");
            }
            long warmUp = settings.warmUpBars() != null ? settings.warmUpBars()
                    : ExchangeSession.declaredWarmUp(catalog, c);
            if (warmUp < 0 || warmUp > Integer.MAX_VALUE) {
                throw new UserInputException("--warmup-bars must be in 0.." + Integer.MAX_VALUE + ", got " + warmUp);
            }
            ExchangeBarSource source = new ExchangeBarSource(instrument.id(), timeframe, (int) warmUp,
                    (open, count) -> adapter.historicalBars(instrument.id(), timeframe,
                            open - count * timeframe.millis(), open), ExchangeSession.QUEUE_BARS,
                    settings.stopAfterBars());
            LiveSession session = new LiveSession(adapter, instrument, source, runTag(new SecureRandom()));
            SessionListener l = listener.apply(c);
            LiveOptions options = new LiveOptions(session.runTag, settings.flattenOnStop(), barrier.get(), WAIT,
                    notices);
            session.run = backtester.openLive(c, timeframe, source, session.taken, adapter,
                    options, l).warmUp(warmUp);
            adapter.connect(List.of(instrument.id()), timeframe, source);
            session.differences.addAll(LiveReconciliation.check(adapter, instrument, c.initialCapital(),
                    ledger.apply(instrument)));
            return session;
        } catch (RuntimeException e) {
            adapter.close();
            throw e;
        }
    }

    /**
     * A new run tag: {@code q}, five random base-36 characters and {@code -} (7 characters), put before every client
     * order id of the session so that no two sessions on an account share an id (Binance refuses a repeated one)
     * and a restarted session knows an earlier session's orders ({@link LiveReconciliation}).
     *
     * @param random the source of the five characters
     * @return the tag
     */
    static String runTag(java.util.Random random) {
        StringBuilder tag = new StringBuilder("q");
        for (int i = 0; i < 5; i++) {
            tag.append(Character.forDigit(random.nextInt(36), 36));
        }
        return tag.append('-').toString();
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
     * The session's run tag, the start of each of its client order ids.
     *
     * @return e.g. {@code qk3x9a-}
     */
    public String runTag() {
        return runTag;
    }

    /**
     * What the start-up reconciliation found.
     *
     * @return the differences, possibly none
     */
    public List<ReconciliationDifference> differences() {
        return List.copyOf(differences);
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
