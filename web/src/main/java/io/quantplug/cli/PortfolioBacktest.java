package io.quantplug.cli;

import io.quantplug.app.PortfolioFile;
import io.quantplug.app.PerpetualLegs;
import io.quantplug.app.PortfolioBooks;
import io.quantplug.app.UserInputException;
import io.quantplug.app.InstrumentResolver;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.RunRecorder;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.backtest.PortfolioBacktester;
import io.quantplug.runtime.backtest.PortfolioConfig;
import io.quantplug.runtime.backtest.PortfolioResult;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.runtime.margin.PerpetualTerms;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.store.Store;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code quantplug backtest --config FILE.yaml}: reads a {@link PortfolioFile}, loads every bar file, builds a
 * {@link PortfolioConfig} (one book per file, each traded by the strategies the file assigns to it), runs it with the
 * plugins of the distribution, prints the account's metrics, a per-strategy and a per-instrument table, and writes
 * {@code result.json} ({@link PortfolioDocument}). The run is stored (a {@code BACKTEST} run of kind
 * {@code PORTFOLIO}, see {@link RunRecorder#runPortfolio}) unless {@code --no-store} is given.
 */
final class PortfolioBacktest {

    private PortfolioBacktest() {
    }

    /** A bar file as loaded: where it came from, its instrument and the bars kept. */
    private record Loaded(Path file, Instrument instrument, LoadedBars bars, List<Bar> kept, PerpetualTerms perpetual) {
    }

    /**
     * Runs the backtest a file describes.
     *
     * @param configFile the YAML file
     * @param out        where to write {@code result.json}, or null for {@code quantplug-results/portfolio_NAME}
     * @param noStore    whether to skip storing the run (else it is stored, kind {@code PORTFOLIO})
     * @param common     the plugins directory and logging options
     * @param stdout     where the tables go
     * @param stderr     where progress and notes go
     * @return the exit code
     * @throws UserInputException for bad input, naming the file and what is wrong
     */
    static int run(Path configFile, Path out, boolean noStore, EquityOption equity, CommonOptions common,
                   PrintWriter stdout, PrintWriter stderr) {
        PortfolioFile f = PortfolioFile.read(configFile);
        Path base = configFile.toAbsolutePath().getParent();
        List<Loaded> loaded = new ArrayList<>();
        for (int i = 0; i < f.instruments().size(); i++) {
            loaded.add(load(configFile, base, i, f.instruments().get(i), stdout));
        }
        PortfolioConfig config = config(configFile, f, loaded);

        PortfolioResult result;
        PortfolioDocument document;
        long runId = -1;
        try (PluginHost host = PluginHost.open(common.pluginsDir())) {
            BacktestCommand.requireUsablePlugins(host);
            PortfolioBacktester backtester = new PortfolioBacktester(host.catalog());
            if (noStore) {
                result = backtester.run(config, new ProgressBar(stderr));
                document = PortfolioDocument.of(result);
            } else {
                try (Store store = common.openStore()) {
                    String user = Store.processUser();
                    store.plugins().record(host.plugins(), host::sha256, user);
                    RunRecorder.RecordedPortfolio recorded = new RunRecorder(store, user).runPortfolio(backtester,
                            config, new ProgressBar(stderr), new SessionListener() { }, id -> { });
                    result = recorded.result();
                    document = recorded.document();
                    runId = recorded.runId();
                }
            }
        }
        MetricsTable.print(document.accountView(), stdout);
        PortfolioTables.print(document, stdout);
        String name = configFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path dir = out != null ? out : Path.of("quantplug-results", "portfolio_" + name);
        ResultJson.write(equity.apply(document), dir.resolve("result.json"));
        stdout.println("Wrote " + dir.resolve("result.json"));
        stdout.println(runId < 0 ? "(not stored: --no-store)"
                : "Stored as run " + runId + " (quantplug runs show " + runId + ")");
        for (PluginFault x : result.faults()) {
            stderr.println("quantplug: plugin fault: " + x.extensionId() + " (" + x.instanceId() + ") " + x.callback()
                    + " threw " + x.error() + " at " + Instant.ofEpochMilli(x.timeMillis()) + "; " + x.action());
        }
        return result.faults().isEmpty() ? QuantplugCli.OK : QuantplugCli.PLUGIN_FAULT;
    }

    private static Loaded load(Path configFile, Path base, int index, PortfolioFile.InstrumentEntry e,
                               PrintWriter stdout) {
        Path file = base.resolve(e.data()).normalize();
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(configFile + ": instruments[" + index + "].data: data file " + file
                    + " does not exist or is not a file");
        }
        LoadedBars bars = new BarFileReader().read(file);
        BarSeries series = bars.series();
        String venue = e.venue() != null ? e.venue() : e.perpetual() ? PerpetualLegs.USDM_VENUE : "BINANCE";
        Instrument instrument = InstrumentResolver.resolve(e.symbol(), venue, file, series, e.tickSize(),
                e.lotSize(), e.minNotional());
        if (e.perpetual()) {
            instrument = PerpetualLegs.asPerpetual(instrument);
        }
        List<Bar> all = within(series.toBars(instrument.id()), configFile, index, e);
        int drop = e.dropLastBars() == null ? 0 : e.dropLastBars();
        if (drop >= all.size()) {
            throw new UserInputException(configFile + ": instruments[" + index + "].dropLastBars = " + drop
                    + " leaves no bar of the " + all.size() + " in " + file.getFileName());
        }
        List<Bar> kept = all.subList(0, all.size() - drop);
        stdout.printf(Locale.ROOT, "Data: %s, %,d bars of %s from %s%s%s%n", instrument.id(), kept.size(),
                series.timeframe().label(), file.getFileName(),
                drop > 0 ? " (final " + drop + " row" + (drop > 1 ? "s" : "") + " left out)" : "",
                bars.report().gapFree() ? "" : ", " + bars.report().gaps().size() + " gap(s) of "
                        + bars.report().missingBars() + " missing bars (not filled)");
        PerpetualTerms perpetual = null;
        if (e.perpetual()) {
            try {
                perpetual = PerpetualOptions.terms(instrument, kept, e.leverage() == null ? 1 : e.leverage(),
                        e.marginMode(), e.funding() == null ? null : base.resolve(e.funding()).normalize(),
                        e.fundingUnit(), e.leverageBrackets() == null ? null
                                : base.resolve(e.leverageBrackets()).normalize(), "instruments[" + index + "].");
            } catch (UserInputException x) {
                throw new UserInputException(configFile + ": " + x.getMessage());
            }
            stdout.println("Perpetual: " + instrument.id() + ", " + perpetual.leverage() + "x "
                    + perpetual.mode().name().toLowerCase(Locale.ROOT) + " margin, " + perpetual.funding().size()
                    + " funding rates");
        }
        return new Loaded(file, instrument, bars, kept, perpetual);
    }

    /** The bars in {@code [from, to)} of the entry; all of them without either. */
    private static List<Bar> within(List<Bar> bars, Path configFile, int index, PortfolioFile.InstrumentEntry e) {
        if (e.from() == null && e.to() == null) {
            return bars;
        }
        String at = configFile + ": instruments[" + index + "].";
        long from = e.from() == null ? Long.MIN_VALUE : BacktestCommand.parseTime(at + "from", e.from());
        long to = e.to() == null ? Long.MAX_VALUE : BacktestCommand.parseTime(at + "to", e.to());
        List<Bar> kept = bars.stream().filter(b -> b.openTimeMillis() >= from && b.openTimeMillis() < to).toList();
        if (kept.isEmpty()) {
            throw new UserInputException(at + "from/to: no bar of " + e.data() + " opens in [" + e.from() + ", "
                    + e.to() + ")");
        }
        return kept;
    }

    private static PortfolioConfig config(Path configFile, PortfolioFile f, List<Loaded> loaded) {
        List<PortfolioBooks.Source> sources = loaded.stream().map(l -> new PortfolioBooks.Source(l.instrument(),
                l.bars().series().timeframe(), l.kept(), l.file().getFileName().toString(), l.perpetual())).toList();
        return PortfolioBooks.config(f.capital(), f.feeBps(), f.slippageBps(), sources, f.strategies(),
                f.aggregation(), refs(configFile, "enhancers", f.enhancers()),
                f.sizer() == null ? null : f.sizer().ref(configFile + ": sizer"),
                refs(configFile, "riskRules", f.riskRules()),
                (key, message) -> new UserInputException(configFile + ": " + key + ": " + message));
    }

    private static List<ExtensionRef> refs(Path configFile, String key, List<PortfolioFile.ExtensionEntry> entries) {
        List<ExtensionRef> out = new ArrayList<>();
        if (entries != null) {
            for (int i = 0; i < entries.size(); i++) {
                PortfolioFile.ExtensionEntry e = entries.get(i);
                if (e == null) {
                    throw new UserInputException(configFile + ": " + key + "[" + i + "] is empty");
                }
                out.add(e.ref(configFile + ": " + key + "[" + i + "]"));
            }
        }
        return out;
    }
}
