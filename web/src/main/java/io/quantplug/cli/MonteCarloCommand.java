package io.quantplug.cli;

import io.quantplug.app.UserInputException;
import io.quantplug.runtime.analytics.MonteCarloMethod;
import io.quantplug.runtime.analytics.MonteCarloResult;
import io.quantplug.runtime.analytics.MonteCarloSimulation;
import io.quantplug.runtime.report.MonteCarloReport;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code quantplug montecarlo --run ID}: resamples a stored run's trades or bar returns into many paths and prints
 * the percentiles of total return, maximum drawdown and Sharpe ratio, the probability of a given loss and a
 * histogram (see {@link MonteCarloSimulation} for the definitions).
 */
@Command(name = "montecarlo", mixinStandardHelpOptions = true,
        description = "Monte Carlo of a stored run: resample its trades (bootstrap) or its bar returns (stationary"
                + " block bootstrap) into many paths; percentiles of return, drawdown and Sharpe, and the"
                + " probability of a loss.")
final class MonteCarloCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "ID", description = "Stored run id ('quantplug runs list').")
    long runId;

    @Option(names = "--paths", defaultValue = "10000", paramLabel = "N",
            description = "Paths to simulate, 1 to 1000000 (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--method", defaultValue = "trades", paramLabel = "trades|blocks",
            description = "trades: bootstrap of the round trips; blocks: stationary block bootstrap of the bar"
                    + " returns (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--block-bars", paramLabel = "N",
            description = "Mean block length in bars for --method blocks, >= 1 (default: the cube root of the number"
                    + " of bars, rounded).")
    Double blockBars;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Random seed; the same seed gives the same output (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--loss", defaultValue = "10", paramLabel = "PCT",
            description = "The loss whose probability is reported, in percent of the starting equity, in (0, 100]"
                    + " (default: ${DEFAULT-VALUE}).")
    double lossPercent;

    @Option(names = "--json", description = "Print the study as JSON (the shape of montecarlo.json).")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write montecarlo.json and montecarlo.html (percentiles and a histogram) into DIR.")
    Path out;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(common.verbose);
        PrintWriter printer = spec.commandLine().getOut();
        MonteCarloMethod m = method();
        if (paths < 1 || paths > MonteCarloSimulation.MAX_PATHS) {
            throw new UserInputException("--paths must be in [1, " + MonteCarloSimulation.MAX_PATHS + "], got "
                    + paths);
        }
        if (blockBars != null && m != MonteCarloMethod.BLOCKS) {
            throw new UserInputException("--block-bars applies to --method blocks only");
        }
        if (blockBars != null && !(blockBars >= 1)) {
            throw new UserInputException("--block-bars must be >= 1, got " + blockBars);
        }
        if (!(lossPercent > 0 && lossPercent <= 100)) {
            throw new UserInputException("--loss must be in (0, 100] percent, got " + lossPercent);
        }
        ResultDocument document;
        List<ResultDocument.EquityPoint> equity;
        try (Store store = common.openStore()) {
            RunStore.RunSummary summary = store.runs().summary(runId).orElseThrow(() ->
                    new UserInputException("no run " + runId + " in the store (see 'quantplug runs list')"));
            if (summary.kind() == RunStore.Kind.STUDY) {
                throw new UserInputException("run " + runId + " is a study (quantplug optimize), which has no single"
                        + " result to resample: backtest its best parameters and resample that run");
            }
            document = store.runs().portfolioDocument(runId).map(PortfolioDocument::accountView)
                    .orElseGet(() -> store.runs().document(runId).orElseThrow(() -> new UserInputException(
                            "run " + runId + " has no result to resample (status " + summary.status() + ")")));
            equity = m == MonteCarloMethod.BLOCKS ? store.runs().equity(runId) : List.of();
        }
        MonteCarloResult result;
        try {
            result = MonteCarloReport.simulate(document, equity, m, paths, blockBars, seed, lossPercent / 100);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("run " + runId + ": " + e.getMessage());
        }
        Map<String, Object> doc = MonteCarloReport.document(runId, document.run(), result);
        Path html = out == null ? null : MonteCarloReport.write(out, doc, result);
        if (json) {
            printer.println(MonteCarloReport.toJson(doc));
        } else {
            print(printer, document.run(), result);
            if (html != null) {
                printer.println("Report: " + html.toAbsolutePath());
            }
        }
        return QuantplugCli.OK;
    }

    private MonteCarloMethod method() {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "trades" -> MonteCarloMethod.TRADES;
            case "blocks" -> MonteCarloMethod.BLOCKS;
            default -> throw new UserInputException("--method must be trades or blocks, got '" + method + "'");
        };
    }

    private void print(PrintWriter p, ResultDocument.Run run, MonteCarloResult r) {
        p.printf(Locale.ROOT, "Monte Carlo of run %d (%s on %s %s): %d paths, %s, seed %d%n", runId, run.strategy(),
                run.instrument(), run.timeframe(), r.paths(), r.method() == MonteCarloMethod.TRADES
                        ? "bootstrap of " + r.steps() + " trades"
                        : String.format(Locale.ROOT, "stationary block bootstrap of %d bar returns, mean block %.0f"
                        + " bars", r.steps(), r.meanBlockLength()), r.seed());
        p.printf(Locale.ROOT, "%-16s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n", "", "run", "mean", "1%", "5%", "25%",
                "50%", "75%", "95%", "99%");
        line(p, "total return %", r.observed().totalReturn(), r.totalReturn(), 100);
        line(p, "max drawdown %", r.observed().maxDrawdown(), r.maxDrawdown(), 100);
        line(p, "Sharpe", r.observed().sharpe(), r.sharpe(), 1);
        if (r.undefinedSharpe() > 0) {
            p.printf(Locale.ROOT, "(%d paths without spread in their returns have no Sharpe ratio)%n",
                    r.undefinedSharpe());
        }
        p.printf(Locale.ROOT, "P(loss >= %.1f%%) = %.2f%%   P(loss) = %.2f%%%n", 100 * r.lossThreshold(),
                100 * r.probabilityOfLoss(), 100 * r.probabilityNegative());
        p.println("Total return of the paths:");
        List<Integer> counts = r.histogram().counts();
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
        for (int i = 0; i < counts.size(); i++) {
            p.printf(Locale.ROOT, "  %8.2f%% .. %8.2f%% %7d %s%n", 100 * r.histogram().edges().get(i),
                    100 * r.histogram().edges().get(i + 1), counts.get(i),
                    "#".repeat((int) Math.round(40.0 * counts.get(i) / Math.max(1, max))));
        }
    }

    private static void line(PrintWriter p, String name, double observed, MonteCarloResult.Distribution d,
                             double scale) {
        p.printf(Locale.ROOT, "%-16s", name);
        for (double v : new double[] {observed, d.mean(), d.p1(), d.p5(), d.p25(), d.p50(), d.p75(), d.p95(),
                d.p99()}) {
            p.print(Double.isFinite(v) ? String.format(Locale.ROOT, " %9.2f", v * scale) : String.format(" %9s", "-"));
        }
        p.println();
    }
}
