package io.quantplug.cli;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.backtest.PortfolioBacktester;
import io.quantplug.runtime.backtest.PortfolioConfig;
import io.quantplug.runtime.backtest.PortfolioResult;
import io.quantplug.runtime.backtest.SignalAggregation;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.session.PluginFault;

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
 * {@code result.json} ({@link PortfolioDocument}). Portfolio runs are not stored in the database yet.
 */
final class PortfolioBacktest {

    private static final BigDecimal DEFAULT_CAPITAL = new BigDecimal("10000");
    private static final BigDecimal DEFAULT_FEE_BPS = BigDecimal.TEN;

    private PortfolioBacktest() {
    }

    /** A bar file as loaded: where it came from, its instrument and the bars kept. */
    private record Loaded(Path file, Instrument instrument, LoadedBars bars, List<Bar> kept) {
    }

    /**
     * Runs the backtest a file describes.
     *
     * @param configFile the YAML file
     * @param out        where to write {@code result.json}, or null for {@code quantplug-results/portfolio_NAME}
     * @param common     the plugins directory and logging options
     * @param stdout     where the tables go
     * @param stderr     where progress and notes go
     * @return the exit code
     * @throws UserInputException for bad input, naming the file and what is wrong
     */
    static int run(Path configFile, Path out, CommonOptions common, PrintWriter stdout, PrintWriter stderr) {
        PortfolioFile f = PortfolioFile.read(configFile);
        Path base = configFile.toAbsolutePath().getParent();
        List<Loaded> loaded = new ArrayList<>();
        for (int i = 0; i < f.instruments().size(); i++) {
            loaded.add(load(configFile, base, i, f.instruments().get(i), stdout));
        }
        checkAccount(loaded);
        PortfolioConfig config = config(configFile, f, loaded);

        PortfolioResult result;
        try (PluginHost host = PluginHost.open(common.pluginsDir())) {
            BacktestCommand.requireUsablePlugins(host);
            result = new PortfolioBacktester(host.catalog()).run(config, new ProgressBar(stderr));
        }
        PortfolioDocument document = PortfolioDocument.of(result);
        MetricsTable.print(document.accountView(), stdout);
        PortfolioTables.print(document, stdout);
        String name = configFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path dir = out != null ? out : Path.of("quantplug-results", "portfolio_" + name);
        ResultJson.write(document, dir.resolve("result.json"));
        stdout.println("Wrote " + dir.resolve("result.json"));
        stdout.println("(not stored: portfolio runs are not stored yet)");
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
        Instrument instrument = InstrumentResolver.resolve(e.symbol(), e.venue() == null ? "BINANCE" : e.venue(),
                file, series, e.tickSize(), e.lotSize(), e.minNotional());
        List<Bar> all = series.toBars(instrument.id());
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
        return new Loaded(file, instrument, bars, kept);
    }

    /** One currency and one bar length, and each instrument once, named by file. */
    private static void checkAccount(List<Loaded> loaded) {
        Loaded first = loaded.get(0);
        Map<String, Path> seen = new HashMap<>();
        for (Loaded l : loaded) {
            Path before = seen.putIfAbsent(l.instrument().id().toString(), l.file());
            if (before != null) {
                throw new UserInputException("instrument " + l.instrument().id() + " comes twice: "
                        + before.getFileName() + " and " + l.file().getFileName());
            }
            if (!l.instrument().quoteAsset().equals(first.instrument().quoteAsset())) {
                throw new UserInputException("mixed quote currencies: " + first.file().getFileName() + " ("
                        + first.instrument().id() + ") is quoted in " + first.instrument().quoteAsset() + ", "
                        + l.file().getFileName() + " (" + l.instrument().id() + ") in " + l.instrument().quoteAsset()
                        + "; one account needs one currency");
            }
            if (!l.bars().series().timeframe().equals(first.bars().series().timeframe())) {
                throw new UserInputException("mixed timeframes: " + first.file().getFileName() + " has "
                        + first.bars().series().timeframe().label() + " bars, " + l.file().getFileName() + " "
                        + l.bars().series().timeframe().label() + "; every instrument needs the same bar length");
            }
        }
    }

    private static PortfolioConfig config(Path configFile, PortfolioFile f, List<Loaded> loaded) {
        List<PortfolioFile.StrategyEntry> entries = f.strategies();
        List<List<Integer>> tradedBy = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            tradedBy.add(new ArrayList<>());
        }
        for (int s = 0; s < entries.size(); s++) {
            List<String> names = entries.get(s).instruments();
            if (names == null) {
                for (List<Integer> list : tradedBy) {
                    list.add(s);
                }
                continue;
            }
            for (String name : names) {
                int book = instrumentIndex(loaded, name);
                if (book < 0) {
                    throw new UserInputException(configFile + ": strategies[" + s + "].instruments: '" + name
                            + "' is none of the instruments (" + String.join(", ", loaded.stream()
                            .map(l -> l.instrument().id().symbol()).toList()) + ")");
                }
                if (!tradedBy.get(book).contains(s)) {
                    tradedBy.get(book).add(s);
                }
            }
        }
        List<PortfolioConfig.Book> books = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            Loaded l = loaded.get(i);
            List<Integer> strategies = tradedBy.get(i);
            strategies.sort(Integer::compare);
            if (strategies.isEmpty()) {
                throw new UserInputException(configFile + ": no strategy trades " + l.instrument().id().symbol()
                        + " (" + l.file().getFileName() + "); list it in a strategy's instruments or remove it");
            }
            List<ExtensionRef> refs = new ArrayList<>();
            for (int s : strategies) {
                PortfolioFile.StrategyEntry e = entries.get(s);
                refs.add(new ExtensionRef(e.id().strip(), e.params() == null ? Map.of() : e.params()));
            }
            books.add(new PortfolioConfig.Book(l.instrument(), l.bars().series().timeframe(), l.kept(), refs,
                    aggregation(configFile, f, strategies)));
        }
        return new PortfolioConfig(f.capital() == null ? DEFAULT_CAPITAL : f.capital(),
                f.feeBps() == null ? DEFAULT_FEE_BPS : f.feeBps(),
                f.slippageBps() == null ? BigDecimal.ZERO : f.slippageBps(), books,
                refs(configFile, "enhancers", f.enhancers()),
                f.sizer() == null ? null : f.sizer().ref(configFile + ": sizer"),
                refs(configFile, "riskRules", f.riskRules()));
    }

    private static int instrumentIndex(List<Loaded> loaded, String name) {
        for (int i = 0; i < loaded.size(); i++) {
            Instrument in = loaded.get(i).instrument();
            if (in.id().symbol().equalsIgnoreCase(name.strip()) || in.id().toString().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    /** The file's aggregation for one book: WEIGHTED keeps the weights of the entries that trade it. */
    private static SignalAggregation aggregation(Path configFile, PortfolioFile f, List<Integer> strategies) {
        PortfolioFile.AggregationEntry a = f.aggregation();
        if (a == null || a.policy() == null) {
            return SignalAggregation.none();
        }
        AggregationPolicy policy;
        try {
            policy = AggregationPolicy.valueOf(a.policy().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(configFile + ": aggregation.policy: '" + a.policy()
                    + "' is not one of none, unanimous, majority, weighted");
        }
        if (policy != AggregationPolicy.WEIGHTED) {
            if (a.weights() != null || a.threshold() != null) {
                throw new UserInputException(configFile + ": aggregation: weights and threshold go with policy"
                        + " weighted only");
            }
            return policy == AggregationPolicy.NONE ? SignalAggregation.none()
                    : new SignalAggregation(policy, List.of(), 1);
        }
        if (a.weights() == null || a.weights().size() != f.strategies().size() || a.threshold() == null) {
            throw new UserInputException(configFile + ": aggregation weighted needs a threshold and one weight per"
                    + " strategy entry (" + f.strategies().size() + ")");
        }
        List<Double> weights = strategies.stream().map(s -> a.weights().get(s)).toList();
        return SignalAggregation.weighted(weights, a.threshold());
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
