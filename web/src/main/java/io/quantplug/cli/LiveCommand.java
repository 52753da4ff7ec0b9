package io.quantplug.cli;

import io.quantplug.api.market.Timeframe;
import io.quantplug.app.LiveSession;
import io.quantplug.app.TradeLedger;
import io.quantplug.app.ReconciliationDifference;
import io.quantplug.app.SessionRecording;
import io.quantplug.app.UserInputException;
import io.quantplug.app.alerts.SessionAlerts;
import io.quantplug.runtime.backtest.BacktestRun;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.session.OpenPosition;
import io.quantplug.runtime.store.LiveTradeMarks;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code quantplug live}: a strategy trading on an exchange, on the engine, plugins and risk rules of a backtest
 * and a paper session; only the venue is the exchange. Each order is journaled before it is sent; fills come back
 * over the adapter's user data stream. At the start the account is reconciled (each difference on standard error and
 * in the audit log as {@code live.reconciliation}); at the end working orders are canceled on the exchange and the
 * position stays unless {@code --flatten-on-stop}. API keys come from the environment only (the adapter reads them;
 * nothing here sees or logs them). Stored with mode {@code LIVE}. With an {@code alerts.yaml} in the home, the
 * session's circuit-breaker trips, rejected orders (the exchange's refusals included), plugin faults, long
 * disconnects and each reconciliation difference are sent to its channels ({@link SessionAlerts}).
 */
@Command(name = "live", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trade a strategy on an exchange (live trading): the same engine, plugins and risk rules as"
                + " backtest and paper; orders go to the exchange, each written to the store first. Stops on Ctrl-C /"
                + " SIGTERM or after --stop-after-bars: working orders are canceled, the position is kept unless"
                + " --flatten-on-stop. The run is stored (mode LIVE) and written as result.json and report.html.",
            "Binance: API keys from QUANTPLUG_BINANCE_API_KEY and QUANTPLUG_BINANCE_API_SECRET (or ..._FILE);"
                    + " the network defaults to testnet. On mainnet at least one --risk rule is required."})
final class LiveCommand implements Callable<Integer> {

    @Option(names = "--exchange", required = true, paramLabel = "ID",
            description = "Exchange adapter id, e.g. binance (see 'quantplug plugins').")
    String exchange;

    @Option(names = "--symbol", required = true, paramLabel = "SYMBOL",
            description = "Symbol as the exchange lists it, e.g. BTCUSDT.")
    String symbol;

    @Option(names = "--timeframe", required = true, paramLabel = "TF", description = "Bar length, e.g. 1m.")
    String timeframe;

    @Option(names = "--exchange-param", paramLabel = "KEY=VALUE",
            description = "An adapter parameter, e.g. network=mainnet; repeat for several.")
    Map<String, String> exchangeParams = new LinkedHashMap<>();

    @Option(names = "--stop-after-bars", paramLabel = "N",
            description = "End after N streamed bars (default: run until stopped).")
    Long stopAfterBars;

    @Option(names = "--flatten-on-stop",
            description = "At the end, close the open position with a market order (default: keep it).")
    boolean flattenOnStop;

    @Option(names = "--no-risk-rules-i-understand",
            description = "Trade on mainnet without any risk rule (refused otherwise).")
    boolean noRiskRules;

    @Mixin
    RunOptions runOptions;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write result.json and report.html"
                    + " (default: quantplug-results/live_STRATEGY_SYMBOL_TIMEFRAME).")
    Path out;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(common.verbose);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Timeframe tf = DataCommand.parseTimeframe(timeframe);
        if (runOptions.strategy == null) {
            throw new UserInputException("give --strategy ID");
        }
        if (stopAfterBars != null && stopAfterBars < 1) {
            throw new UserInputException("--stop-after-bars must be >= 1, got " + stopAfterBars);
        }
        String user = Store.processUser();
        String label = "live " + runOptions.strategy + " " + symbol + " " + tf.label();
        try (SessionAlerts alerts = SessionAlerts.open(common.home(), System.getenv(), Clock.systemUTC());
             PluginHost host = PluginHost.open(common.pluginsDir());
             Store store = common.openStore()) {
            BacktestCommand.requireUsablePlugins(host);
            PaperCommand.PnlListener pnl = new PaperCommand.PnlListener();
            SessionRecording recording = new SessionRecording(store, user);
            LiveSession session;
            try {
                session = LiveSession.open(host.catalog(), exchange, exchangeParams, symbol, tf, runOptions::config,
                        new LiveSession.Settings(runOptions.warmUpBars,
                                stopAfterBars == null ? Long.MAX_VALUE : stopAfterBars, flattenOnStop, noRiskRules),
                        config -> alerts.listener(label, config.instrument().id().toString(),
                                recording.start(RunStore.Mode.LIVE, config, tf, pnl)), recording::barrier,
                        notice -> notice(stderr, notice), instrument -> TradeLedger.of(
                                new LiveTradeMarks(store.database()), instrument.id().toString(), recording::runId));
            } catch (UncheckedIOException e) {
                recording.fail(e);
                stderr.println("quantplug: error: exchange '" + exchange + "' failed: " + e.getMessage());
                return QuantplugCli.EXCHANGE_UNAVAILABLE;
            } catch (RuntimeException e) {
                recording.fail(e);
                throw e;
            }
            try (session) {
                String instrument = session.instrument().id().toString();
                for (ReconciliationDifference difference : session.differences()) {
                    stderr.println("quantplug: live.reconciliation: " + difference.line());
                    store.audit().append(user, "live.reconciliation", "run " + recording.runId(), difference.line());
                    alerts.reconciliation(label, instrument, difference.kind(), difference.detail());
                }
                stderr.flush();
                return run(session, recording, pnl, stdout, stderr, tf, alerts.disconnectWatch(
                        session.source()::connected, session.source()::connectionDetail, label, instrument));
            }
        }
    }

    private static void notice(PrintWriter stderr, String notice) {
        synchronized (stderr) {
            stderr.println("\nquantplug: live: " + notice);
            stderr.flush();
        }
    }

    private int run(LiveSession session, SessionRecording recording, PaperCommand.PnlListener pnl, PrintWriter stdout,
                    PrintWriter stderr, Timeframe tf, Runnable disconnectWatch) {
        BacktestRun run = session.run();
        stdout.println("Live: " + runOptions.strategy + " on " + session.instrument().id() + " " + tf.label()
                + " at " + exchange + ", order ids " + session.runTag() + "*, warm-up " + session.run().warmUpBars()
                + " bars" + (stopAfterBars == null ? ", until stopped (Ctrl-C)" : ", " + stopAfterBars
                + " streamed bars") + (flattenOnStop ? ", position closed at the end" : ", position kept at the end"));
        stdout.flush();
        Path dir = out != null ? out : Path.of("quantplug-results", "live_" + runOptions.strategy + "_"
                + session.instrument().id().symbol() + "_" + tf.label());
        return SessionDriver.drive("live", run, session::barsTaken, recording, dir, stdout, stderr,
                () -> status(session, pnl, stderr), disconnectWatch);
    }

    /** The status line: bars, position, P&amp;L (before fees), working orders and the connection. */
    private static void status(LiveSession session, PaperCommand.PnlListener pnl, PrintWriter err) {
        BacktestRun run = session.run();
        List<OpenPosition> open = run.positions();
        double price = run.lastPrice();
        synchronized (err) {
            err.printf(Locale.ROOT, "\rbars %,d (streamed %,d)  last %s  position %s %s  P&L %s %s  orders %d  %s   ",
                    run.barCount(), session.source().liveBars(), Double.isNaN(price) ? "-" : Double.toString(price),
                    open.isEmpty() ? "0" : open.get(0).quantity().toPlainString(), session.instrument().baseAsset(),
                    pnl.pnl(open, price).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                    session.instrument().quoteAsset(), run.workingOrders().size(),
                    session.source().connected() ? "connected" : "DISCONNECTED (" + session.source().connectionDetail()
                            + ")");
            err.flush();
        }
    }
}
