package io.quantplug.cli;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.Gap;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.report.HtmlReport;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.session.PluginFault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code quantplug backtest}: loads bars from a file, runs a strategy from the plugins directory on the simulated
 * venue, prints the metrics and writes {@code result.json} and {@code report.html}.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Backtest a strategy plugin on a bar file (Binance kline CSV or OHLCV CSV, .gz too).")
final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Bar file to backtest on.")
    Path data;

    @Option(names = "--strategy", required = true, paramLabel = "ID", description = "Strategy id, e.g. sma-crossover.")
    String strategy;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A strategy parameter; repeat for several.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "Instrument symbol (default: taken from the file name, e.g. BTCUSDT).")
    String symbol;

    @Option(names = "--venue", paramLabel = "VENUE", defaultValue = "BINANCE",
            description = "Venue code of the instrument (default: ${DEFAULT-VALUE}).")
    String venue;

    @Option(names = "--capital", paramLabel = "AMOUNT", defaultValue = "10000",
            description = "Initial capital in the quote asset (default: ${DEFAULT-VALUE}).")
    BigDecimal capital;

    @Option(names = "--fee-bps", paramLabel = "BPS", defaultValue = "10",
            description = "Fee per fill, bps of notional (default: ${DEFAULT-VALUE}).")
    BigDecimal feeBps;

    @Option(names = "--slippage-bps", paramLabel = "BPS", defaultValue = "0",
            description = "Slippage of market and stop fills, bps of price (default: ${DEFAULT-VALUE}).")
    BigDecimal slippageBps;

    @Option(names = "--risk", paramLabel = "RULE[:K=V,...]", description = "A risk rule; repeat for several.")
    List<String> riskRules = new ArrayList<>();

    @Option(names = "--enhancer", paramLabel = "ID[:K=V,...]", description = "A signal enhancer; repeat for several.")
    List<String> enhancers = new ArrayList<>();

    @Option(names = "--sizer", paramLabel = "ID[:K=V,...]",
            description = "A position sizer (default: invest all available cash).")
    String sizer;

    @Option(names = "--tick-size", paramLabel = "PRICE", description = "Tick size (default: the data's finest price step).")
    BigDecimal tickSize;

    @Option(names = "--lot-size", paramLabel = "QTY",
            description = "Lot size (default: Binance's for known symbols, else 0.00000001).")
    BigDecimal lotSize;

    @Option(names = "--min-notional", paramLabel = "AMOUNT",
            description = "Minimum order value (default: Binance's for known symbols, else 0).")
    BigDecimal minNotional;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write result.json and report.html (default: quantplug-results/STRATEGY_SYMBOL_TIMEFRAME).")
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
        if (!Files.isRegularFile(data)) {
            throw new UserInputException("data file " + data + " does not exist or is not a file");
        }
        LoadedBars loaded = new BarFileReader().read(data);
        Instrument instrument = InstrumentResolver.resolve(symbol, venue, data, loaded.series(), tickSize, lotSize,
                minNotional);
        BacktestConfig config = new BacktestConfig(instrument, capital, feeBps, slippageBps,
                new ExtensionRef(strategy, params), refs("--enhancer", enhancers),
                sizer == null ? null : ref("--sizer", sizer), refs("--risk", riskRules));
        List<Bar> bars = loaded.series().toBars(instrument.id());
        stdout.println("Data: " + loaded.report().bars() + " bars of " + loaded.report().timeframe() + " from "
                + data.getFileName() + (loaded.report().reversed() ? " (newest-first file, reversed)" : "")
                + (loaded.report().exactDuplicatesDropped() > 0
                ? ", " + loaded.report().exactDuplicatesDropped() + " exact duplicate rows dropped" : ""));
        if (!loaded.report().gapFree()) {
            Gap first = loaded.report().gaps().get(0);
            stderr.println("quantplug: note: the data has " + loaded.report().gaps().size() + " gap(s), "
                    + loaded.report().missingBars() + " missing bars; the first after "
                    + Instant.ofEpochMilli(first.lastBarBeforeMillis()) + " (gaps are not filled)");
        }
        stdout.println("Instrument: " + instrument.id() + ", tick " + instrument.tickSize().toPlainString() + ", lot "
                + instrument.lotSize().toPlainString() + ", min notional " + instrument.minNotional().toPlainString()
                + " " + instrument.quoteAsset());

        BacktestResult result;
        try (PluginHost host = PluginHost.open(common.pluginsDir())) {
            List<PluginInfo> problems = host.problems();
            if (!problems.isEmpty()) {
                PluginInfo p = problems.get(0);
                throw new UserInputException("plugin " + p.file() + " " + p.status().name().toLowerCase() + ": "
                        + p.problem() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more;"
                        + " see 'quantplug plugins')" : ""));
            }
            result = new Backtester(host.catalog()).run(config, loaded.series().timeframe(), bars,
                    new ProgressBar(stderr));
        }
        MetricsTable.print(result, stdout);
        Path dir = out != null ? out : Path.of("quantplug-results",
                strategy + "_" + instrument.id().symbol() + "_" + loaded.series().timeframe());
        ResultDocument document = ResultDocument.of(result);
        ResultJson.write(document, dir.resolve("result.json"));
        HtmlReport.write(document, bars, dir.resolve("report.html"));
        stdout.println("Wrote " + dir.resolve("result.json") + " and " + dir.resolve("report.html"));
        for (PluginFault f : result.faults()) {
            stderr.println("quantplug: plugin fault: " + f.extensionId() + " (" + f.instanceId() + ") " + f.callback()
                    + " threw " + f.error() + " at " + Instant.ofEpochMilli(f.timeMillis()) + "; " + f.action());
        }
        return result.faults().isEmpty() ? QuantplugCli.OK : QuantplugCli.PLUGIN_FAULT;
    }

    private static List<ExtensionRef> refs(String option, List<String> texts) {
        List<ExtensionRef> out = new ArrayList<>();
        for (String t : texts) {
            out.add(ref(option, t));
        }
        return out;
    }

    private static ExtensionRef ref(String option, String text) {
        try {
            return ExtensionRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(option + ": " + e.getMessage());
        }
    }
}
