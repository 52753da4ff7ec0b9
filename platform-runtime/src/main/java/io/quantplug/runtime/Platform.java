package io.quantplug.runtime;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestConfigurationException;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.BacktestRun;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.store.DatabaseSettings;
import io.quantplug.runtime.store.Store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

/**
 * Quantplug embedded in another Java application: backtests of strategies found on the application's class path
 * and, optionally, in a directory of plugin jars, without the command line.
 *
 * <pre>{@code
 * try (Platform platform = Platform.builder().classPathExtensions().build()) {
 *     BacktestConfig config = new BacktestConfig(instrument, new BigDecimal("10000"), new BigDecimal("10"),
 *             BigDecimal.ZERO, new ExtensionRef("my-strategy", Map.of("period", "20")), List.of(), null, List.of());
 *     BacktestResult result = platform.backtest(config, Path.of("BTCUSDT_1m.csv"));
 *     System.out.println(result.trades().size() + " trades, total return " + result.metrics().totalReturn());
 * }
 * }</pre>
 *
 * <p>Extensions come from up to two sources, fixed at {@link Builder#build()}:
 * <ul>
 *   <li>the class path: the providers a class loader lists in {@code META-INF/services} (plain
 *       {@link java.util.ServiceLoader}, see {@link ExtensionCatalog#fromClassPath});</li>
 *   <li>a plugins directory: PF4J jars loaded by a {@link PluginHost}; without one PF4J is not used at all. A jar
 *       that cannot be used is refused and the others load (see {@link #plugins()}); an unknown id later names the
 *       refused jars.</li>
 * </ul>
 * There is no precedence between them: an id of one kind offered by both (or twice on the class path) fails
 * {@link Builder#build()} with a {@link DuplicateExtensionException} naming both sources, because a silent choice
 * would make a backtest's result depend on which jar won.
 *
 * <p>Storage: none unless {@link Builder#store(DatabaseSettings)} is given, so an embedding application never gets a
 * database it did not ask for. With a store, each backtest is recorded as {@code quantplug backtest} records it (a
 * run with its signals, orders, fills, equity and result; see {@code quantplug runs list}).
 *
 * <p>Thread-safety: a platform is safe to share. Each {@code backtest} call runs on the calling thread, which is
 * that session's engine thread; calls on different threads run at once and independently. {@link #close()} waits
 * for running backtests to return, then releases the plugins and the store; afterwards every method but
 * {@code close} throws {@link IllegalStateException}.
 *
 * <p>Errors are unchecked {@link QuantplugException}s with one-line messages (file and line, extension id,
 * parameter name); see each method.
 */
public final class Platform implements AutoCloseable {

    private final ExtensionCatalog catalog;
    private final Backtester backtester;
    private final PluginHost host;
    private final Store store;
    private final RunRecorder recorder;
    private final String sources;
    /** Backtests hold the read lock while they run; {@link #close()} takes the write lock. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private Platform(ExtensionCatalog catalog, PluginHost host, Store store, String sources) {
        this.catalog = catalog;
        this.backtester = new Backtester(catalog);
        this.host = host;
        this.store = store;
        this.recorder = store == null ? null : new RunRecorder(store, Store.processUser());
        this.sources = sources;
    }

    /**
     * Starts configuring a platform.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every extension available, from the class path and the started plugins; {@link ExtensionInfo#pluginId()} is
     * null for a class-path extension.
     *
     * @return the catalog, immutable
     * @throws IllegalStateException when the platform is closed
     */
    public ExtensionCatalog catalog() {
        ensureOpen();
        return catalog;
    }

    /**
     * The jars of the plugins directory with their status: started, or refused or failed with the reason.
     *
     * @return the plugins in file-name order; empty without a plugins directory
     * @throws IllegalStateException when the platform is closed
     */
    public List<PluginInfo> plugins() {
        ensureOpen();
        return host == null ? List.of() : host.plugins();
    }

    /**
     * The store backtests are recorded in, to read runs back ({@code store().get().runs().list()}). Owned by the
     * platform: do not close it.
     *
     * @return the store, or empty when none was configured
     * @throws IllegalStateException when the platform is closed
     */
    public Optional<Store> store() {
        ensureOpen();
        return Optional.ofNullable(store);
    }

    /**
     * Backtests on bars the application holds.
     *
     * @param config what to run: instrument, capital, fees, the strategy (or strategies, with how they share the
     *               account) and parameters, enhancers, sizer and risk rules (ids from {@link #catalog()})
     * @param bars   bars of {@code config}'s instrument and of one timeframe, in strictly ascending open time; at
     *               least one. The list is read, not kept.
     * @return the result: round trips, metrics, equity curve, refusals, plugin faults, the events risk rules
     *         reported and the signal group's decisions
     * @throws BacktestConfigurationException when an extension id is unknown (the message lists the available ids
     *                                        and their sources), a parameter is invalid or an extension cannot be
     *                                        created
     * @throws IllegalArgumentException       when {@code bars} is empty, mixes timeframes or holds a bar of another
     *                                        instrument
     * @throws QuantplugException             with a store, when the run cannot be recorded
     * @throws IllegalStateException          when the platform is closed
     */
    public BacktestResult backtest(BacktestConfig config, List<Bar> bars) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bars, "bars");
        return run(config, timeframeOf(bars), bars);
    }

    /**
     * Opens a session on a source of bars, to run on a thread of the application's choosing and to watch from
     * others while it runs ({@link io.quantplug.runtime.session.RunningSession}: state, positions, working orders,
     * the plugin build of each extension; {@code stop}), on the extensions the platform loaded. It is not recorded
     * in the store.
     *
     * @param config    what to run, as in {@link #backtest(BacktestConfig, List)}
     * @param timeframe the bar length of the source's bars
     * @param source    the bars (e.g. {@link io.quantplug.runtime.session.BarSource#of}, or a stream of the
     *                  application's)
     * @param listener  told of the session's signals, orders, fills and faults, on its engine thread
     * @return the session; call {@link BacktestRun#run} on the thread that is to run it
     * @throws BacktestConfigurationException as {@link #backtest(BacktestConfig, List)}
     * @throws IllegalStateException          when the platform is closed
     */
    public BacktestRun open(BacktestConfig config, Timeframe timeframe, BarSource source, SessionListener listener) {
        ensureOpen();
        checkIds(config);
        return backtester.open(config, timeframe, source, listener);
    }

    /**
     * Backtests on a bar file, read with {@link BarFileReader} (Binance kline CSV, OHLCV CSV with a header, Kraken
     * OHLCVT; {@code .gz} too; timeframe detected from the most common step). Every bar is taken as one of
     * {@code config}'s instrument. Gaps are not filled.
     *
     * @param config  what to run, as in {@link #backtest(BacktestConfig, List)}
     * @param barFile the file
     * @return the result
     * @throws io.quantplug.runtime.data.DataImportException when the file cannot be read or has a malformed row (the
     *                                                       message starts with {@code FILE:LINE:})
     * @throws BacktestConfigurationException               as {@link #backtest(BacktestConfig, List)}, checked
     *                                                       before the file is read
     * @throws QuantplugException                           with a store, when the run cannot be recorded
     * @throws IllegalStateException                        when the platform is closed
     */
    public BacktestResult backtest(BacktestConfig config, Path barFile) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(barFile, "barFile");
        ensureOpen();
        checkIds(config);
        BarSeries series = new BarFileReader().read(barFile).series();
        return run(config, series.timeframe(), series.toBars(config.instrument().id()));
    }

    private BacktestResult run(BacktestConfig config, Timeframe timeframe, List<Bar> bars) {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            ensureOpen();
            checkIds(config);
            return recorder == null ? backtester.run(config, timeframe, bars, BacktestProgress.NONE)
                    : recorder.run(backtester, config, timeframe, bars);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for running backtests to return, then stops and unloads the plugins (closing their jars) and closes the
     * store. Idempotent.
     */
    @Override
    public void close() {
        Lock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        try {
            if (host != null) {
                host.close();
            }
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the platform is closed");
        }
    }

    private static Timeframe timeframeOf(List<Bar> bars) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no bars to backtest");
        }
        Timeframe timeframe = bars.get(0).timeframe();
        for (int i = 1, n = bars.size(); i < n; i++) {
            Bar b = bars.get(i);
            if (!b.timeframe().equals(timeframe)) {
                throw new IllegalArgumentException("bar " + i + " (" + Instant.ofEpochMilli(b.openTimeMillis())
                        + ") is a " + b.timeframe().label() + " bar but the first is " + timeframe.label()
                        + "; a backtest takes bars of one timeframe");
            }
        }
        return timeframe;
    }

    /** Fails before any work when an id is unknown, with this platform's sources in the message. */
    private void checkIds(BacktestConfig config) {
        for (ExtensionRef ref : config.strategies()) {
            requireKnown(ExtensionKind.STRATEGY, "strategy", ref);
        }
        for (ExtensionRef ref : config.enhancers()) {
            requireKnown(ExtensionKind.ENHANCEMENT, "enhancer", ref);
        }
        if (config.sizer() != null) {
            requireKnown(ExtensionKind.ENHANCEMENT, "sizer", config.sizer());
        }
        for (ExtensionRef ref : config.riskRules()) {
            requireKnown(ExtensionKind.RISK_RULE, "risk rule", ref);
        }
    }

    private void requireKnown(ExtensionKind kind, String role, ExtensionRef ref) {
        if (catalog.find(kind, ref.id()).isPresent()) {
            return;
        }
        List<ExtensionInfo> available = catalog.ofKind(kind);
        String message = "unknown " + role + " '" + ref.id() + "'" + (available.isEmpty()
                ? ": no " + kind.label() + " is available from " + sources + " (providers are listed in"
                + " META-INF/services/" + kind.providerType().getName() + ")"
                : "; available: " + available.stream().map(e -> e.id() + " (" + ExtensionSources.source(e) + ")")
                .collect(Collectors.joining(", ")));
        List<PluginInfo> problems = host == null ? List.of() : host.problems();
        if (!problems.isEmpty()) {
            PluginInfo p = problems.get(0);
            message += "; plugin " + p.file().getFileName() + " was " + p.status().name().toLowerCase(Locale.ROOT)
                    + ": " + p.problem() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        }
        throw new BacktestConfigurationException(message);
    }

    /**
     * Configures a {@link Platform}. At least one extension source is required. Not thread-safe; {@link #build()}
     * may be called more than once, each time making an independent platform.
     */
    public static final class Builder {

        private ClassLoader classLoader;
        private Path pluginsDirectory;
        private DatabaseSettings storeSettings;

        private Builder() {
        }

        /**
         * Uses the extension providers a class loader lists in {@code META-INF/services} (a module's
         * {@code provides ... with ...} too). A second call replaces the first.
         *
         * @param loader where to look, e.g. the application's class loader
         * @return this builder
         */
        public Builder classPathExtensions(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Uses the extension providers of the calling thread's context class loader (this class's loader when it
         * has none), taken at this call.
         *
         * @return this builder
         */
        public Builder classPathExtensions() {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return classPathExtensions(context != null ? context : Platform.class.getClassLoader());
        }

        /**
         * Also loads the plugin jars of a directory with PF4J (its {@code *.jar} files, not subdirectories). Without
         * this call no plugin is loaded and PF4J is not used.
         *
         * @param directory an existing directory
         * @return this builder
         */
        public Builder pluginsDirectory(Path directory) {
            this.pluginsDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Records every backtest in a store: connected and migrated at {@link #build()}, closed with the platform.
         * Without this call nothing is stored and no database is touched.
         *
         * @param settings where the database is, e.g. {@link DatabaseSettings#embedded(Path)} for an H2 file
         * @return this builder
         */
        public Builder store(DatabaseSettings settings) {
            this.storeSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Finds the class-path extensions, loads the plugins, checks that no id is offered twice and opens the store.
         * Whatever was opened is closed again when this fails.
         *
         * @return the platform
         * @throws IllegalStateException           when neither the class path nor a plugins directory was chosen
         * @throws io.quantplug.runtime.plugin.PluginLoadException when the plugins directory does not exist or cannot
         *                                         be listed
         * @throws DuplicateExtensionException     when an id of one kind is offered twice (class path and plugin, or
         *                                         two class-path providers)
         * @throws QuantplugException              when a class-path provider cannot be loaded or describe itself
         * @throws io.quantplug.runtime.store.StoreUnavailableException when the store cannot be reached or migrated
         */
        public Platform build() {
            if (classLoader == null && pluginsDirectory == null) {
                throw new IllegalStateException("no extension source: call classPathExtensions() and/or"
                        + " pluginsDirectory(dir) before build()");
            }
            List<ExtensionInfo> extensions = new ArrayList<>(
                    classLoader == null ? List.of() : ExtensionSources.classPath(classLoader));
            PluginHost host = pluginsDirectory == null ? null : PluginHost.open(pluginsDirectory);
            Store store = null;
            try {
                if (host != null) {
                    extensions.addAll(host.catalog().all());
                }
                ExtensionSources.requireUnique(extensions, host == null ? List.of() : host.plugins());
                if (storeSettings != null) {
                    store = Store.open(storeSettings);
                    if (host != null) {
                        store.plugins().record(host.plugins(), host::sha256, Store.processUser());
                    }
                }
                return new Platform(ExtensionCatalog.of(extensions), host, store,
                        ExtensionSources.label(classLoader != null, pluginsDirectory));
            } catch (RuntimeException e) {
                try {
                    if (store != null) {
                        store.close();
                    }
                } finally {
                    if (host != null) {
                        host.close();
                    }
                }
                throw e;
            }
        }
    }
}
