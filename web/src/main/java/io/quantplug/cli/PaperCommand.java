package io.quantplug.cli;

import io.quantplug.api.market.Timeframe;
import io.quantplug.app.ExchangeSession;
import io.quantplug.app.SessionRecording;
import io.quantplug.app.UserInputException;
import io.quantplug.app.alerts.SessionAlerts;
import io.quantplug.runtime.backtest.BacktestRun;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.session.OpenPosition;
import io.quantplug.runtime.session.PositionChange;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code quantplug paper}: a strategy on an exchange's live bars with simulated fills, on the same engine, plugins and
 * risk rules as a backtest. The session warms up on the exchange's history, then takes each closed bar the adapter
 * streams; it stops cleanly on SIGTERM or Ctrl-C (a shutdown hook stops it before its next bar and waits for the
 * run to be written) or after {@code --stop-after-bars}. The run is stored with mode {@code PAPER} and written as
 * {@code result.json} and {@code report.html}, in the shape {@code backtest} writes.
 */
@Command(name = "paper", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a strategy on an exchange's live bars with simulated fills (paper trading): the same"
                + " engine, plugins and risk rules as a backtest. Stops on Ctrl-C / SIGTERM or after"
                + " --stop-after-bars; the run is stored (mode PAPER) and written as result.json and report.html.",
            "A status line on standard error shows bars, position, P&L and the connection.",
            "Binance: the adapter's network defaults to testnet; --exchange-param network=mainnet for real market"
                    + " data (paper trading needs no API key)."})
final class PaperCommand implements Callable<Integer> {

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

    @Mixin
    RunOptions runOptions;

    @Option(names = "--no-store", description = "Do not store the run in the database.")
    boolean noStore;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write result.json and report.html"
                    + " (default: quantplug-results/paper_STRATEGY_SYMBOL_TIMEFRAME).")
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
        String label = "paper " + runOptions.strategy + " " + symbol + " " + tf.label();
        try (SessionAlerts alerts = SessionAlerts.open(common.home(), System.getenv(), Clock.systemUTC());
             PluginHost host = PluginHost.open(common.pluginsDir());
             Store store = noStore ? null : common.openStore()) {
            BacktestCommand.requireUsablePlugins(host);
            PnlListener pnl = new PnlListener();
            SessionRecording recording = store == null ? null : new SessionRecording(store, user);
            ExchangeSession session;
            try {
                session = ExchangeSession.open(host.catalog(), exchange, exchangeParams, symbol, tf,
                        runOptions::config, runOptions.warmUpBars,
                        stopAfterBars == null ? Long.MAX_VALUE : stopAfterBars,
                        config -> alerts.listener(label, config.instrument().id().toString(),
                                recording == null ? pnl : recording.start(RunStore.Mode.PAPER, config, tf, pnl)));
            } catch (UncheckedIOException e) {
                if (recording != null) {
                    recording.fail(e);
                }
                stderr.println("quantplug: error: exchange '" + exchange + "' failed: " + e.getMessage());
                return QuantplugCli.EXCHANGE_UNAVAILABLE;
            } catch (RuntimeException e) {
                if (recording != null) {
                    recording.fail(e);
                }
                throw e;
            }
            try (session) {
                return run(session, recording, pnl, stdout, stderr, tf, alerts.disconnectWatch(
                        session.source()::connected, session.source()::connectionDetail, label,
                        session.instrument().id().toString()));
            }
        }
    }

    private int run(ExchangeSession session, SessionRecording recording, PnlListener pnl, PrintWriter stdout,
                    PrintWriter stderr, Timeframe tf, Runnable disconnectWatch) {
        BacktestRun run = session.run();
        stdout.println("Paper: " + runOptions.strategy + " on " + session.instrument().id() + " " + tf.label()
                + " from " + exchange + ", warm-up " + session.run().warmUpBars() + " bars"
                + (stopAfterBars == null ? ", until stopped (Ctrl-C)" : ", " + stopAfterBars + " streamed bars"));
        stdout.flush();
        Path dir = out != null ? out : Path.of("quantplug-results", "paper_" + runOptions.strategy + "_"
                + session.instrument().id().symbol() + "_" + tf.label());
        return SessionDriver.drive("paper", run, session::barsTaken, recording, dir, stdout, stderr,
                new StatusLine(session, pnl, stderr), disconnectWatch);
    }

    /** Realised P&amp;L per the last position change, for the status line (engine thread writes, status reads). */
    static final class PnlListener implements SessionListener {
        private volatile PositionChange last;

        @Override
        public void onPositionChanged(PositionChange change) {
            last = change;
        }

        BigDecimal pnl(List<OpenPosition> open, double price) {
            PositionChange p = last;
            BigDecimal realized = p == null ? BigDecimal.ZERO : p.realizedPnl();
            if (open.isEmpty() || Double.isNaN(price)) {
                return realized;
            }
            OpenPosition o = open.get(0);
            return realized.add(o.quantity().multiply(BigDecimal.valueOf(price)).subtract(o.costBasis()));
        }
    }

    /** The status line: bars, position, P&amp;L (before fees) and the connection, rewritten in place each second. */
    private static final class StatusLine implements Runnable {
        private final ExchangeSession session;
        private final PnlListener pnl;
        private final PrintWriter err;

        StatusLine(ExchangeSession session, PnlListener pnl, PrintWriter err) {
            this.session = session;
            this.pnl = pnl;
            this.err = err;
        }

        @Override
        public void run() {
            BacktestRun run = session.run();
            List<OpenPosition> open = run.positions();
            double price = run.lastPrice();
            err.printf(Locale.ROOT, "\rbars %,d (streamed %,d)  last %s  position %s %s  P&L %s %s  %s   ",
                    run.barCount(), session.source().liveBars(), Double.isNaN(price) ? "-" : Double.toString(price),
                    open.isEmpty() ? "0" : open.get(0).quantity().toPlainString(),
                    session.instrument().baseAsset(),
                    pnl.pnl(open, price).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                    session.instrument().quoteAsset(),
                    session.source().connected() ? "connected" : "DISCONNECTED (" + session.source().connectionDetail()
                            + ")");
            err.flush();
        }
    }
}
