package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.app.TickFileCache;
import io.quantplug.app.UserInputException;
import io.quantplug.app.study.Objective;
import io.quantplug.app.study.ParameterGrid;
import io.quantplug.app.study.ParameterSweep;
import io.quantplug.app.study.StudyReport;
import io.quantplug.app.study.StudyStatistics;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * {@code quantplug optimize}: runs one backtest per parameter set of a grid (or a seeded random sample of it) on
 * worker threads over bars loaded once, ranks the trials by an objective, and reports the Deflated Sharpe Ratio of
 * the best and the Probability of Backtest Overfitting of the study ({@link StudyStatistics}).
 */
@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Backtest a strategy over a grid of its parameters on worker threads, rank the trials by an"
                + " objective and report the Deflated Sharpe Ratio of the best and the Probability of Backtest"
                + " Overfitting (CSCV). Every backtest option applies (fees, risk rules, sizer, enhancers, fixed"
                + " --param values). See docs/optimize.md.",
        footer = {"", "Example:",
            "  quantplug optimize --data BTCUSDT_1m.csv --strategy sma-crossover --grid fast=5..20:5 \\",
            "      --grid slow=20..60:10 --constraint 'fast<slow' --objective sharpe --workers 2"})
final class OptimizeCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE", description = "Bar file (default: bars from the store).")
    Path data;

    @Option(names = "--timeframe", paramLabel = "TF", description = "Without --data: the stored series of --symbol.")
    String timeframe;

    @Option(names = "--from", paramLabel = "TIME", description = "Without --data: first bar open time (UTC).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Without --data: bars opening before this time.")
    String to;

    @Option(names = "--grid", paramLabel = "NAME=FROM..TO:STEP",
            description = "Values of a strategy parameter to try, a range (integer or decimal) or a list"
                    + " NAME=V1,V2,...; repeat for several (their product is tried).")
    List<String> grids = new ArrayList<>();

    @Option(names = "--random", paramLabel = "N",
            description = "Try N parameter sets drawn at random, without replacement, from the grid.")
    Integer random;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of --random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--objective", paramLabel = "NAME", defaultValue = "sharpe",
            description = "What to maximise: sharpe, sortino, calmar, totalReturn or profitFactor"
                    + " (default: ${DEFAULT-VALUE}).")
    String objective;

    @Option(names = "--constraint", paramLabel = "A<B",
            description = "Leave out the sets failing a comparison of parameters or numbers, e.g. 'fast<slow'"
                    + " (< <= > >= == !=); repeat for several.")
    List<String> constraints = new ArrayList<>();

    @Option(names = "--walk-forward", paramLabel = "in=SPAN,out=SPAN[,anchored]",
            description = "Also walk forward: optimise on each in-sample span (e.g. in=90d), trade the best set on"
                    + " the out-of-sample span after it (out=30d), move on by that span; rolling windows, or anchored"
                    + " at the first bar. Reports each window's choice, the stitched out-of-sample return and the"
                    + " walk-forward efficiency.")
    String walkForward;

    @Option(names = "--workers", paramLabel = "N",
            description = "Worker threads (default: the available processors).")
    Integer workers;

    @Option(names = "--pbo-blocks", paramLabel = "S", defaultValue = "16",
            description = "Blocks S of the cross-validation estimating the PBO, even, 2..30"
                    + " (default: ${DEFAULT-VALUE}).")
    int pboBlocks;

    @Option(names = "--json", description = "Print the study as JSON on standard output (the other lines go to"
            + " standard error).")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the study's JSON to DIR/study.json.")
    Path out;

    @Option(names = "--no-cache", description = "Parse --data again even when its bars are cached.")
    boolean noCache;

    @Option(names = "--no-store", description = "Do not store the study in the database (by default it is stored as a"
            + " run of kind STUDY when it completes: 'quantplug runs show ID').")
    boolean noStore;

    @Mixin
    RunOptions runOptions;

    @Mixin
    InstrumentOptions instrumentOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(common.verbose);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        PrintWriter info = json ? stderr : stdout;
        Objective goal = Objective.parse(objective);
        int threads = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (threads < 1) {
            throw new UserInputException("--workers must be >= 1, got " + threads);
        }
        if (random != null && random < 1) {
            throw new UserInputException("--random must be >= 1, got " + random);
        }
        if (pboBlocks < 2 || pboBlocks > 30 || pboBlocks % 2 != 0) {
            throw new UserInputException("--pbo-blocks must be even, from 2 to 30, got " + pboBlocks);
        }
        if (runOptions.strategy == null) {
            throw new UserInputException("give --strategy ID");
        }
        BarInput.requireOneSource(data, instrumentOptions, timeframe, from, to);
        WalkForwardSpec forward = walkForward == null ? null : WalkForwardSpec.parse(walkForward);
        BarInput input;
        if (data != null) {
            UserInputException.requireDataFile(data);
            if (TickFileCache.isTicks(data)) {
                throw new UserInputException(data.getFileName() + " is a recording; optimize takes bar files");
            }
            input = BarInput.fromFile(data, noCache, common, instrumentOptions, info, stderr);
        } else {
            try (Store store = common.openStore()) {
                input = BarInput.fromStore(store, instrumentOptions, timeframe, from, to, info);
            }
        }
        BacktestConfig base = runOptions.config(input.instrument());
        try (PluginHost host = common.openPlugins(base.extensionKeys())) {
            BacktestCommand.requireUsablePlugins(host);
            ParameterSchema schema = host.catalog().strategy(runOptions.strategy).orElseThrow(() ->
                    new UserInputException("unknown strategy '" + runOptions.strategy + "'; available: "
                            + String.join(", ", host.catalog().ids(ExtensionKind.STRATEGY))))
                    .descriptor().parameters();
            List<Map<String, String>> sets = sets(schema);
            info.println("Study: " + sets.size() + " trials of " + runOptions.strategy + " on "
                    + input.instrument().id() + " " + input.series().timeframe().label() + ", objective "
                    + goal.label() + ", " + threads + " worker(s)");
            StudyProgress progress = new StudyProgress(stderr);
            Best best = new Best(goal);
            int[] done = {0};
            Backtester backtester = new Backtester(host.catalog());
            BiFunction<BarSeries, Integer, ParameterSweep> sweeps = (bars, n) -> new ParameterSweep(backtester,
                    set -> runOptions.config(input.instrument(), set), bars.timeframe(),
                    List.copyOf(bars.asBars(input.instrument().id())), runOptions.warmUpBars(0), n, // made once
                    pboBlocks);
            if (forward != null) { // refuse a window longer than the data before any trial
                forward.windows(input.series().openTimeMillis(0), input.series().openTimeMillis(
                        input.series().size() - 1) + input.series().timeframe().duration().toMillis());
            }
            ParameterSweep sweep = sweeps.apply(input.series(), threads);
            List<ParameterSweep.Trial> trials;
            try {
                trials = sweep.run(sets, t -> {
                    best.offer(t);
                    progress.onTrial(++done[0], sets.size(), goal.label(), best.value, best.text());
                });
            } catch (RuntimeException e) {
                progress.interrupted();
                throw e;
            }
            ParameterSweep.Trial top = goal.best(trials);
            StudyStatistics statistics = StudyStatistics.of(trials, top.index(), pboBlocks);
            ObjectNode study = StudyReport.json(trials, top, goal, statistics);
            if (!json) {
                StudyReport.print(trials, top, goal, statistics, stdout);
            }
            if (forward != null) {
                WalkForward walk = new WalkForward(forward, goal, sweeps, threads);
                List<WalkForward.WindowResult> windows = walk.run(input.series(), sets, info);
                walk.write(windows, grids.stream().map(g -> g.substring(0, g.indexOf('=')).strip()).toList(),
                        ResultJson.mapper(), study);
                if (!json) {
                    JsonNode summary = study.get("walkForward");
                    stdout.printf(java.util.Locale.ROOT, "Walk-forward: %d windows, out-of-sample return %.4f,"
                            + " efficiency %s%n", windows.size(), summary.get("outOfSampleReturn").asDouble(),
                            summary.get("efficiency").isNull() ? "undefined (the in-sample return is not positive)"
                            : String.format(java.util.Locale.ROOT, "%.4f", summary.get("efficiency").asDouble()));
                }
            }
            String document = StudyReport.text(study);
            if (!noStore) {
                BarSeries s = input.series();
                try (Store store = common.openStore()) {
                    long runId = store.runs().recordStudy(runOptions.strategy, input.instrument().id().toString(),
                            s.timeframe().label(), java.time.Instant.ofEpochMilli(s.openTimeMillis(0)),
                            java.time.Instant.ofEpochMilli(s.openTimeMillis(s.size() - 1)), document, trials.size(),
                            Store.processUser());
                    info.println("Stored as run " + runId + " (quantplug runs show " + runId + ")");
                }
            }
            if (json) {
                stdout.println(document);
            }
            if (out != null) {
                StudyReport.write(out.resolve("study.json"), document);
                info.println("Wrote " + out.resolve("study.json"));
            }
            long faulty = trials.stream().filter(t -> t.faults() > 0).count();
            if (faulty > 0) {
                stderr.println("quantplug: " + faulty + " trial(s) had plugin faults (run one with 'quantplug"
                        + " backtest' to see them)");
                return QuantplugCli.PLUGIN_FAULT;
            }
            return QuantplugCli.OK;
        }
    }

    /** The grid's sets passing every constraint, or a seeded sample of them. */
    private List<Map<String, String>> sets(ParameterSchema schema) {
        return ParameterGrid.studySets(schema, grids, runOptions.params, constraints, random, seed);
    }

    /** The best trial so far by the objective, for the progress line. */
    private static final class Best {
        private final Objective goal;
        private ParameterSweep.Trial trial;
        private double value = Double.NaN;

        Best(Objective goal) {
            this.goal = goal;
        }

        void offer(ParameterSweep.Trial t) {
            double v = goal.of(t.metrics());
            if (trial == null || goal.better(v, value)) {
                trial = t;
                value = v;
            }
        }

        String text() {
            return trial == null ? "" : StudyReport.text(trial.parameters());
        }
    }
}
