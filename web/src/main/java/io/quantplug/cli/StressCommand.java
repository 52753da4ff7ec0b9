package io.quantplug.cli;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.analytics.PerformanceMetrics;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.session.BarSource;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code quantplug stress --run ID --data FILE}: replays a stored run's strategy, with its parameters, enhancers,
 * sizer, risk rules, capital and fees, through named real crash windows of a bar file, with wider slippage, and
 * prints how it fared in each against holding the asset. Nothing is stored.
 */
@Command(name = "stress", mixinStandardHelpOptions = true,
        description = "Replay a stored run's strategy through named crash windows of a bar file (e.g. March 2020,"
                + " May 2021) with wider slippage; return and drawdown per window against buy and hold.")
final class StressCommand implements Callable<Integer> {

    /**
     * A named crash window: the calendar month around a market-wide fall of the crypto market (dates of the falls
     * as reported at the time; the windows are whole months so that a file of any bar length covers them).
     *
     * @param name  the scenario's name on the command line
     * @param from  first bar open time, inclusive
     * @param to    bars opening before this
     * @param event what happened
     */
    record Scenario(String name, Instant from, Instant to, String event) {
    }

    /** The built-in scenarios, oldest first. */
    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("covid-2020", Instant.parse("2020-03-01T00:00:00Z"), Instant.parse("2020-04-01T00:00:00Z"),
                    "COVID-19 crash: BTC about -50 % on 12-13 March 2020"),
            new Scenario("china-2021", Instant.parse("2021-05-01T00:00:00Z"), Instant.parse("2021-06-01T00:00:00Z"),
                    "China's mining and trading ban: BTC about -30 % intraday on 19 May 2021"),
            new Scenario("luna-2022", Instant.parse("2022-05-01T00:00:00Z"), Instant.parse("2022-06-01T00:00:00Z"),
                    "Terra/LUNA collapse, 7-13 May 2022"),
            new Scenario("ftx-2022", Instant.parse("2022-11-01T00:00:00Z"), Instant.parse("2022-12-01T00:00:00Z"),
                    "FTX collapse, 6-11 November 2022"));

    @Option(names = "--run", required = true, paramLabel = "ID", description = "Stored run id ('quantplug runs list').")
    long runId;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Bar file (CSV or .csv.gz) covering the windows, e.g. the 1-hour or 1-day Binance bars.")
    Path data;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "A scenario to replay; repeat for several (default: every one the file covers):"
                    + " covid-2020, china-2021, luna-2022, ftx-2022.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--slippage-bps", defaultValue = "50", paramLabel = "BPS",
            description = "Slippage per fill in bps of price for the replays, 0..1000 (default: ${DEFAULT-VALUE});"
                    + " the run's own is used when it is wider.")
    BigDecimal slippageBps;

    @Option(names = "--warmup-bars", defaultValue = "100", paramLabel = "N",
            description = "Bars before each window that the strategy sees but does not trade on, 0..100000"
                    + " (default: ${DEFAULT-VALUE}).")
    int warmUpBars;

    @Option(names = "--json", description = "Print the replays as JSON.")
    boolean json;

    @Mixin
    InstrumentOptions instrumentOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(common.verbose);
        PrintWriter out = spec.commandLine().getOut();
        if (slippageBps.signum() < 0 || slippageBps.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new UserInputException("--slippage-bps must be in [0, 1000], got " + slippageBps.toPlainString());
        }
        if (warmUpBars < 0 || warmUpBars > 100_000) {
            throw new UserInputException("--warmup-bars must be in [0, 100000], got " + warmUpBars);
        }
        List<Scenario> chosen = chosen();
        UserInputException.requireDataFile(data);
        ResultDocument.Run run;
        try (Store store = common.openStore()) {
            RunStore.RunSummary summary = store.runs().summary(runId).orElseThrow(() ->
                    new UserInputException("no run " + runId + " in the store (see 'quantplug runs list')"));
            if (summary.kind() == RunStore.Kind.STUDY) {
                throw new UserInputException("run " + runId + " is a study (quantplug optimize); stress replays a"
                        + " backtest's run: backtest its best parameters and stress that run");
            }
            if (store.runs().portfolioDocument(runId).isPresent()) {
                throw new UserInputException("run " + runId + " is a portfolio backtest; stress replays a run of one"
                        + " strategy");
            }
            run = store.runs().document(runId).orElseThrow(() -> new UserInputException(
                    "run " + runId + " has no result (it did not complete)")).run();
        }
        BarInput input = BarInput.fromFile(data, false, common, instrumentOptions,
                json ? spec.commandLine().getErr() : out, spec.commandLine().getErr()); // the parsed-bar cache
        BarSeries series = input.series();
        Instrument instrument = input.instrument();
        BacktestConfig config = config(run, instrument);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PluginHost host = common.openPlugins(config.extensionKeys())) {
            BacktestCommand.requireUsablePlugins(host);
            Backtester backtester = new Backtester(host.catalog());
            for (Scenario s : chosen) {
                rows.add(replay(backtester, config, series, instrument, s));
            }
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("runId", runId);
            doc.put("strategy", run.strategy());
            doc.put("data", data.getFileName().toString());
            doc.put("timeframe", series.timeframe().label());
            doc.put("slippageBps", config.slippageBps());
            doc.put("scenarios", rows);
            try {
                out.println(ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            return QuantplugCli.OK;
        }
        out.printf(Locale.ROOT, "Stress of run %d (%s) on %s %s bars of %s, slippage %s bps, fees %s bps%n", runId,
                run.strategy(), instrument.id(), series.timeframe().label(), data.getFileName(),
                config.slippageBps().toPlainString(), config.feeBps().toPlainString());
        out.printf(Locale.ROOT, "%-12s %-25s %6s %7s %10s %10s %12s%n", "SCENARIO", "WINDOW", "BARS", "TRADES",
                "RETURN %", "MAX DD %", "BUY&HOLD %");
        for (Map<String, Object> r : rows) {
            if (r.get("bars").equals(0)) {
                out.printf(Locale.ROOT, "%-12s %-25s %s%n", r.get("scenario"), r.get("window"),
                        "not in the data");
                continue;
            }
            out.printf(Locale.ROOT, "%-12s %-25s %6d %7d %10.2f %10.2f %12.2f%n", r.get("scenario"),
                    r.get("window"), (Integer) r.get("bars"), (Integer) r.get("trades"),
                    100 * (Double) r.get("totalReturn"), 100 * (Double) r.get("maxDrawdown"),
                    100 * (Double) r.get("buyAndHold"));
        }
        return QuantplugCli.OK;
    }

    private List<Scenario> chosen() {
        if (scenarios.isEmpty()) {
            return SCENARIOS;
        }
        List<Scenario> out = new ArrayList<>();
        for (String name : scenarios) {
            out.add(SCENARIOS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                    new UserInputException("--scenario: unknown '" + name + "'; known: " + String.join(", ",
                            SCENARIOS.stream().map(Scenario::name).toList()))));
        }
        return out;
    }

    /** The run's configuration on this instrument, with the wider of the two slippages. */
    private BacktestConfig config(ResultDocument.Run run, Instrument instrument) {
        Map<String, String> params = run.parameters() == null ? Map.of()
                : run.parameters().getOrDefault("strategy:" + run.strategy(), Map.of());
        List<ExtensionRef> enhancers = run.enhancers() == null ? List.of()
                : run.enhancers().stream().map(ExtensionRef::parse).toList();
        List<ExtensionRef> risk = run.riskRules() == null ? List.of()
                : run.riskRules().stream().map(ExtensionRef::parse).toList();
        BigDecimal slippage = run.slippageBps() != null && run.slippageBps().compareTo(slippageBps) > 0
                ? run.slippageBps() : slippageBps;
        return new BacktestConfig(instrument, run.capital(), run.feeBps(), slippage,
                new ExtensionRef(run.strategy(), params), enhancers,
                run.sizer() == null ? null : ExtensionRef.parse(run.sizer()), risk);
    }

    /** One window: warm-up bars before it, then its bars; figures over the whole replay (flat while warming up). */
    private Map<String, Object> replay(Backtester backtester, BacktestConfig config, BarSeries series,
                                       Instrument instrument, Scenario s) {
        long from = s.from().toEpochMilli();
        long to = s.to().toEpochMilli();
        int first = -1;
        int end = 0;
        for (int i = 0; i < series.size(); i++) {
            long t = series.openTimeMillis(i);
            if (t >= from && t < to) {
                first = first < 0 ? i : first;
                end = i + 1;
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", s.name());
        row.put("window", s.from().toString().substring(0, 10) + " .. " + s.to().toString().substring(0, 10));
        row.put("event", s.event());
        if (first < 0 || end - first < 2) {
            row.put("bars", 0);
            return row;
        }
        int start = Math.max(0, first - warmUpBars);
        List<Bar> all = series.asBars(instrument.id());
        List<Bar> bars = all.subList(start, end);
        BacktestResult result = backtester.open(config, series.timeframe(), BarSource.of(bars),
                new SessionListener() { }).warmUp(first - start).run(BacktestProgress.NONE);
        PerformanceMetrics m = result.metrics();
        row.put("bars", end - first);
        row.put("warmUpBars", first - start);
        row.put("trades", result.trades().size());
        row.put("totalReturn", m.totalReturn());
        row.put("maxDrawdown", m.maxDrawdown());
        row.put("buyAndHold", series.close(end - 1) / series.open(first) - 1);
        row.put("fees", m.totalFees());
        return row;
    }
}
