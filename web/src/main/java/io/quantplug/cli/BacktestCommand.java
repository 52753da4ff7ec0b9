package io.quantplug.cli;

import io.quantplug.api.ApiVersion;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.app.BarSpec;
import io.quantplug.app.RecordingTicks;
import io.quantplug.app.TickFileCache;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BookFills;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.margin.PerpetualTerms;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.report.HtmlReport;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.store.Journal;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import io.quantplug.web.session.TimeArgument;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code quantplug backtest}: loads bars from a file, runs a strategy from the plugins directory on the simulated
 * venue, prints the metrics and writes {@code result.json} and {@code report.html}.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Backtest a strategy plugin on a bar file (Binance kline CSV or OHLCV CSV, .gz too), or on"
                + " bars in the store (--symbol and --timeframe without --data). The run is stored unless"
                + " --no-store is given. With --config FILE.yaml: several instruments and strategies on one account"
                + " (see below).",
        footer = {"", "Portfolio backtest (several instruments and strategies, one account):",
            "  quantplug backtest --config FILE.yaml [--out DIR]",
            "(--data, --strategy, --param, --capital, --sizer, --risk, ... go in the file), e.g.:",
            "  capital: 10000        # the quote asset of every instrument",
            "  feeBps: 10",
            "  slippageBps: 2",
            "  instruments:          # paths relative to the YAML file's folder",
            "    - data: data/BTCUSDT_1h.csv",
            "      dropLastBars: 1   # optional: leave out an unfinished final row",
            "    - data: data/ETHUSDT_1h.csv",
            "      symbol: ETHUSDT   # optional; also venue, tickSize, lotSize, minNotional",
            "  strategies:",
            "    - id: sma-crossover",
            "      params: {fast: 10, slow: 30}",
            "      instruments: [BTCUSDT]   # optional; default: every instrument",
            "    - id: rsi-reversion",
            "  aggregation: {policy: majority}   # none|unanimous|majority|weighted",
            "  enhancers: [{id: multi-timeframe}]",
            "  sizer: {id: fixed-fractional, params: {riskPercent: 1, stopPercent: 2}}",
            "  riskRules: [{id: circuit-breaker, params: {cooldownMinutes: 120}}]",
            "The run is stored (quantplug runs list) unless --no-store is given. See docs/portfolio-backtests.md."})
final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE",
            description = "Bar file to backtest on (default: bars from the store, see --timeframe); or ticks to"
                    + " replay: a recorded Binance stream, a Tardis trades CSV or a Tardis book_snapshot_N CSV (see"
                    + " --bar).")
    Path data;

    @Option(names = "--timeframe", paramLabel = "TF",
            description = "Without --data: the stored series of --symbol to use, e.g. 1m.")
    String timeframe;

    @Option(names = "--from", paramLabel = "TIME",
            description = "Without --data: first bar open time, e.g. 2023-03-01 or 2023-03-01T12:00:00Z (UTC).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Without --data: bars opening before this time.")
    String to;

    @Option(names = "--config", paramLabel = "FILE.yaml",
            description = "A portfolio backtest described in YAML: several instruments and strategies sharing one"
                    + " account (see below). Goes with --out, --no-store, --home, --db, --plugins-dir and --verbose"
                    + " only.")
    Path config;

    @Mixin
    RunOptions runOptions;

    @Mixin
    EquityOption equityOption;

    @Option(names = "--no-store", description = "Do not store the run in the database.")
    boolean noStore;

    @Option(names = "--bar", paramLabel = "BAR",
            description = "With a recorded Binance stream or a Tardis trades CSV as --data (recognised without this"
                    + " option too): the bars built from its trades. Time bars of a length, e.g. 1s, 1m (default"
                    + " 1m); volume:QTY, a bar closing when its traded base quantity reaches QTY (e.g. volume:50);"
                    + " dollar:NOTIONAL, when its traded quote notional (price x quantity) reaches NOTIONAL (e.g."
                    + " dollar:2000000). QTY and NOTIONAL: > 0 and <= 1e15. The trade reaching the threshold"
                    + " closes the bar whole (López de Prado 2018, 2.3.1); see docs/tick-data.md.")
    String bar;

    @Option(names = "--no-cache", description = "Parse --data again even when its bars are cached (the cache in the"
            + " Quantplug home keeps each file's parsed bars, and each recording's compact copy, until the file's"
            + " size, time or content changes).")
    boolean noCache;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write result.json and report.html"
                    + " (default: quantplug-results/STRATEGY_SYMBOL_TIMEFRAME).")
    Path out;

    @Mixin
    InstrumentOptions instrumentOptions;

    @Mixin
    BookFillOptions bookFillOptions;

    @Mixin
    PerpetualOptions perpetualOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** The options a portfolio file replaces. */
    private static final List<String> NOT_WITH_CONFIG = List.of("--data", "--strategy", "--param", "--timeframe",
            "--from", "--to", "--capital", "--fee-bps", "--slippage-bps", "--risk", "--enhancer", "--sizer",
            "--warmup-bars", "--symbol", "--venue", "--tick-size", "--lot-size", "--min-notional");

    @Override
    public Integer call() {
        Logging.configure(common.verbose);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        equityOption.full(); // refuse a bad value before any work
        if (config != null) {
            List<String> clash = new ArrayList<>();
            for (String option : NOT_WITH_CONFIG) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    clash.add(option);
                }
            }
            if (!clash.isEmpty()) {
                throw new UserInputException("--config FILE.yaml describes the whole run; it does not go with "
                        + String.join(", ", clash) + " (put them in the YAML file)");
            }
            return PortfolioBacktest.run(config, out, noStore, equityOption, common, stdout, stderr);
        }
        if (runOptions.strategy == null) {
            throw new UserInputException("give --strategy ID (or --config FILE.yaml for a portfolio backtest)");
        }
        BarInput.requireOneSource(data, instrumentOptions, timeframe, from, to);
        if (data != null) {
            UserInputException.requireDataFile(data);
        }
        // the store opens (connect, migrate) on another core while this one reads the data and loads plugins
        CompletableFuture<Store> opening = noStore && data != null ? null
                : CompletableFuture.supplyAsync(common::openStore);
        try {
            return run(opening, stdout, stderr);
        } finally {
            if (opening != null) {
                try {
                    opening.join().close();
                } catch (CompletionException ignored) {
                    // reported by run(), or superseded by its own error
                }
            }
        }
    }

    static Store await(CompletableFuture<Store> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private int run(CompletableFuture<Store> opening, PrintWriter stdout, PrintWriter stderr) {
        Store store = null;
        BarSeries series;
        Instrument instrument;
        BarSpec tickBars = null; // a recording replays as ticks with bars made so
        RecordingTicks.Scan recorded = null;
        BookFills fills = null; // and, when it has a book, fills on it
        if (data != null && (bar != null || TickFileCache.isTicks(data))) {
            UserInputException.requireDataFile(data);
            BarSpec spec = bar == null ? BarSpec.time(Timeframe.M1) : BarSpec.parse(bar);
            recorded = RecordingTicks.scan(data, ticksCache(), spec);
            series = recorded.series();
            instrument = spec.activity() ? instrumentOptions.resolve(data, recorded.activityBars(), recorded.symbol())
                    : instrumentOptions.resolve(data, series, recorded.symbol());
            String trades = recorded.trades() + " "
                    + (recorded.tradeKind() == MarketMessageKind.TRADE ? "trades" : "aggTrades");
            if (recorded.trades() == 0) { // a file of book snapshots
                stdout.println("Data: " + recorded.barCount() + " bars of " + spec.describe() + " of the mid price"
                        + " after each of the " + recorded.bookUpdates() + " book updates in " + data.getFileName()
                        + " (no trades: volume 0; intervals without a book update have no bar), replayed as ticks: the"
                        + " order book and the bars");
            } else {
                stdout.println("Data: " + recorded.barCount() + " bars of " + spec.describe() + " from the " + trades
                        + " recorded in " + data.getFileName() + (spec.activity()
                        ? " (a bar closes with the trade reaching its threshold; mean " + recorded.timeframe().label()
                        + " a bar; the trades after the last bar make none)"
                        : " (intervals without a trade have no bar)")
                        + ", replayed as ticks: trades, the order book and the bars");
            }
            if (recorded.bookUpdates() > 0) {
                fills = bookFillOptions.fills(runOptions.feeBps, recorded.medianFeedLatencyMillis());
                stdout.println("Fills: on the replayed book (market orders walk it, limit orders queue "
                        + (fills.queue() == BookFills.Queue.RISK_AVERSE ? "risk-averse"
                        : "probabilistic, power " + fills.queuePower()) + "), maker "
                        + fills.makerFeeBps().toPlainString() + " bps, taker " + fills.takerFeeBps().toPlainString()
                        + " bps, latency feed " + fills.feedLatencyMillis() + " ms + entry "
                        + fills.entryLatencyMillis() + " ms, response " + fills.responseLatencyMillis() + " ms"
                        + (recorded.trades() == 0 ? " (no trades: resting limit orders cannot fill)"
                        : " (the recording's median feed latency: " + recorded.medianFeedLatencyMillis() + " ms)"));
            } else {
                stdout.println("Fills: on the bars (the recording has no book snapshot to rebuild the book from)");
            }
            tickBars = spec;
        } else {
            if (data == null) {
                store = await(opening);
            }
            BarInput input = data != null ? BarInput.fromFile(data, noCache, common, instrumentOptions, stdout, stderr)
                    : BarInput.fromStore(store, instrumentOptions, timeframe, from, to, stdout);
            series = input.series();
            instrument = perpetualOptions.instrument(input.instrument());
        }
        if (recorded != null && perpetualOptions.perpetual()) {
            throw new UserInputException("--market usdm backtests bars; a replay of ticks trades spot only");
        }
        BacktestConfig config = runOptions.config(instrument);
        // made as read: the bars stream through the run (volume and dollar bars are held: far fewer than trades)
        List<Bar> bars = recorded != null ? recorded.bars(instrument.id()) : series.asBars(instrument.id());
        Timeframe timeframe = recorded != null ? recorded.timeframe() : series.timeframe();
        PerpetualTerms perpetual = recorded != null ? null : perpetualOptions.terms(instrument, bars);
        String barLabel = tickBars != null ? tickBars.label() : timeframe.label();
        stdout.println("Instrument: " + instrument.id() + ", tick " + instrument.tickSize().toPlainString() + ", lot "
                + instrument.lotSize().toPlainString() + ", min notional " + instrument.minNotional().toPlainString()
                + " " + instrument.quoteAsset());

        boolean storeRun = !noStore;
        String user = Store.processUser();
        BacktestResult result;
        long runId = -1;
        Journal journal = null;
        try (PluginHost host = common.openPlugins(config.extensionKeys())) { // only the plugins it uses
            requireUsablePlugins(host);
            SessionListener listener = new SessionListener() { };
            if (storeRun) {
                store = await(opening);
                store.plugins().record(host.plugins(), host::sha256, user);
                runId = store.runs().start(RunStore.Mode.BACKTEST, startBlock(config, barLabel, bars), user);
                journal = store.journal();
                listener = store.runs().listener(runId, journal, listener);
            }
            RecordingTicks ticks = tickBars == null ? null
                    : RecordingTicks.open(data, ticksCache(), instrument.id(), tickBars, timeframe);
            try {
                result = new Backtester(host.catalog()).open(config, timeframe,
                                ticks != null ? ticks : BarSource.of(bars), listener)
                        .warmUp(runOptions.warmUpBars(0)).fillOnBook(fills).tradePerpetual(perpetual)
                        .run(new ProgressBar(stderr));
            } catch (RuntimeException e) {
                if (journal != null) {
                    store.runs().fail(runId, e.getMessage(), user, journal);
                    journal.close();
                }
                throw e;
            } finally {
                if (ticks != null) {
                    ticks.close();
                }
            }
            if (ticks != null) {
                RecordingTicks.Summary replayed = ticks.summary();
                stdout.println("Replayed: " + replayed.trades() + " trades, " + replayed.bookUpdates()
                        + " book updates from " + replayed.depthUpdates() + " depth diffs (" + replayed.resyncs()
                        + " resyncs), " + replayed.bars() + " bars; " + replayed.reordered()
                        + " events stamped before the one replayed before them were replayed at its time");
            }
        }
        // a stored run keeps its whole curve; otherwise the document is built at the written resolution at once
        ResultDocument document = journal != null || equityOption.full() ? ResultDocument.of(result)
                : ResultDocument.of(result, ResultDocument.DEFAULT_EQUITY_POINTS);
        if (tickBars != null && tickBars.activity()) {
            document = document.withTimeframe(barLabel); // the result carries only the bars' nominal length
        }
        if (journal != null) {
            store.runs().complete(runId, document, user, journal); // written while the files are
        }
        MetricsTable.print(document, stdout);
        if (result.perpetual() != null) {
            stdout.println("Perpetual: " + result.perpetual().leverage() + "x "
                    + result.perpetual().mode().name().toLowerCase() + " margin; funding "
                    + result.perpetual().funding().size() + " payments, total "
                    + result.perpetual().totalFunding().toPlainString() + " " + instrument.quoteAsset() + "; "
                    + result.perpetual().liquidations().size() + " liquidations (mark price: the bar close for"
                    + " funding, its high and low for liquidation)");
        }
        Path dir = out != null ? out : Path.of("quantplug-results",
                runOptions.strategy + "_" + instrument.id().symbol() + "_" + barLabel.replace(':', '-'));
        ResultJson.write(equityOption.apply(document), dir.resolve("result.json"));
        HtmlReport.write(document, bars, dir.resolve("report.html"));
        stdout.println("Wrote " + dir.resolve("result.json") + " and " + dir.resolve("report.html"));
        for (PluginFault f : result.faults()) {
            stderr.println("quantplug: plugin fault: " + f.extensionId() + " (" + f.instanceId() + ") " + f.callback()
                    + " threw " + f.error() + " at " + Instant.ofEpochMilli(f.timeMillis()) + "; " + f.action());
        }
        if (journal != null) {
            Journal.Stats stats = journal.close(Duration.ofSeconds(30));
            if (stats.unwritten() > 0 || stats.failure() != null) {
                stderr.println("quantplug: error: run " + runId + " was not stored completely (" + stats.unwritten()
                        + " records unwritten): " + stats.failure());
                return QuantplugCli.STORE_UNAVAILABLE;
            }
            stdout.println("Stored as run " + runId + " (quantplug runs show " + runId + ")");
        }
        return result.faults().isEmpty() ? QuantplugCli.OK : QuantplugCli.PLUGIN_FAULT;
    }

    /** Where recordings' compact copies are kept, or null with {@code --no-cache}. */
    private Path ticksCache() {
        return noCache ? null : common.home().resolve("cache").resolve("ticks");
    }

    /**
     * Refuses to run when a plugin jar could not be used, naming the first one and why.
     *
     * @param host the plugins
     * @throws UserInputException when a plugin is refused or failed
     */
    static void requireUsablePlugins(PluginHost host) {
        List<PluginInfo> problems = host.problems();
        if (!problems.isEmpty()) {
            PluginInfo p = problems.get(0);
            throw new UserInputException("plugin " + p.file() + " " + p.status().name().toLowerCase() + ": "
                    + p.problem() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more;"
                    + " see 'quantplug plugins')" : ""));
        }
    }

    /** The run block recorded when the run starts; the final one (resolved parameters) replaces it at the end. */
    private static ResultDocument.Run startBlock(BacktestConfig c, String barLabel, List<Bar> bars) {
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        parameters.put("strategy:" + c.strategy().id(), c.strategy().parameters());
        return new ResultDocument.Run(ApiVersion.CURRENT, c.instrument().id().toString(), barLabel,
                bars.get(0).openTime(), bars.get(bars.size() - 1).openTime(), bars.size(), c.instrument().quoteAsset(), c.initialCapital(), c.feeBps(), c.slippageBps(),
                c.instrument().tickSize(), c.instrument().lotSize(), c.strategy().id(),
                c.enhancers().stream().map(ExtensionRef::toString).toList(),
                c.sizer() == null ? null : c.sizer().toString(),
                c.riskRules().stream().map(ExtensionRef::toString).toList(), parameters);
    }

    /** {@link TimeArgument#parse}, refused as bad input naming the option. */
    static long parseTime(String option, String text) {
        try {
            return TimeArgument.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(option + ": " + e.getMessage());
        }
    }
}
