package io.quantplug.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.app.UserInputException;
import io.quantplug.app.study.Objective;
import io.quantplug.app.study.ParameterGrid;
import io.quantplug.app.study.ParameterSweep;
import io.quantplug.app.study.StudyReport;
import io.quantplug.app.study.StudyStatistics;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.store.DatabaseSettings;
import io.quantplug.runtime.store.Store;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The study of {@code quantplug optimize} as a Spark job:
 * {@code spark-submit --class io.quantplug.spark.StudyJob quantplug-spark.jar study.yaml}.
 *
 * <p>The driver reads the study ({@link StudySpec}), opens the plugins to learn the strategy's parameter schema and
 * draws the parameter sets exactly as {@code optimize} does ({@link ParameterGrid#studySets}). It ships the bar file
 * and the plugin jars to the executors ({@code SparkContext.addFile}) and cuts the sets into contiguous slices, one
 * per task. Each executor opens the plugins through the platform's plugin host and reads the bars once
 * ({@link StudyContext}), and runs its slices' trials with the sweep {@code optimize} uses
 * ({@link ParameterSweep#trial}). The driver collects the trials in grid order, ranks them, computes the Deflated
 * Sharpe Ratio and the PBO from their return summaries ({@link StudyStatistics}), prints the summary
 * {@code optimize} prints, writes the trials to Parquet ({@link TrialTable}) and, when the study names a store,
 * records the study there as {@code optimize} does. Its document equals {@code optimize --json}'s for the same study.
 *
 * <p>Exit codes are {@code optimize}'s: 0, 2 for bad input (one line on standard error), 3 when a trial had plugin
 * faults. Walk-forward and {@code --add-strategy} are not supported by the job.
 */
public final class StudyJob {

    private final SparkSession spark;
    private final PrintWriter out;

    /**
     * A job on a session.
     *
     * @param spark the session (its master decides where the trials run)
     * @param out   where the summary goes
     */
    public StudyJob(SparkSession spark, PrintWriter out) {
        this.spark = spark;
        this.out = out;
    }

    /**
     * What a study gave.
     *
     * @param trials   the trials, in grid order
     * @param document the study's JSON document, as {@code optimize --json} prints it
     * @param runId    the stored run's id, or null when the study names no store
     */
    public record Outcome(List<ParameterSweep.Trial> trials, String document, Long runId) {
    }

    /**
     * Entry point of {@code spark-submit}.
     *
     * @param args the study file
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        if (args.length != 1) {
            System.err.println("usage: spark-submit --class io.quantplug.spark.StudyJob quantplug-spark.jar study.yaml");
            System.exit(2);
        }
        int code;
        SparkSession spark = SparkSession.builder().appName("quantplug study " + args[0]).getOrCreate();
        try {
            Outcome outcome = new StudyJob(spark, out).run(StudySpec.read(Path.of(args[0])));
            code = outcome.trials().stream().anyMatch(t -> t.faults() > 0) ? 3 : 0;
        } catch (UserInputException e) {
            System.err.println("quantplug-spark: error: " + e.getMessage());
            code = 2;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /**
     * Runs a study.
     *
     * @param spec the study, checked
     * @return its trials, document and stored run
     * @throws UserInputException with one line when the study's input is refused (a grid outside the bounds, an
     *                            empty grid after the constraints, a parameter set the strategy refuses, ...)
     */
    public Outcome run(StudySpec spec) {
        Path data = Path.of(spec.data());
        Path plugins = Path.of(spec.plugins());
        StudyContext driver = StudyContext.of(spec, data, plugins);
        Objective goal = spec.goal();
        ParameterSchema schema = driver.host().catalog().strategy(spec.strategy()).orElseThrow(() ->
                new UserInputException("unknown strategy '" + spec.strategy() + "'; available: "
                        + String.join(", ", driver.host().catalog().ids(ExtensionKind.STRATEGY))))
                .descriptor().parameters();
        List<Map<String, String>> sets;
        try {
            sets = ParameterGrid.studySets(schema, spec.grid(), spec.params(), spec.constraints(), spec.random(),
                    spec.seed());
        } catch (UserInputException e) { // named by the study file's keys rather than optimize's options
            throw new UserInputException(e.getMessage().replaceFirst("^--grid ", "'grid' ")
                    .replaceFirst("^--constraint ", "'constraints' "));
        }
        BarSeries series = driver.loaded().series();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.min(sets.size(), spec.slices() != null ? spec.slices() : context.defaultParallelism());
        out.println("Data: " + series.size() + " bars of " + series.timeframe().label() + " from "
                + data.getFileName());
        out.println("Study: " + sets.size() + " trials of " + spec.strategy() + " on " + driver.instrument().id()
                + " " + series.timeframe().label() + ", objective " + goal.label() + ", " + slices
                + " Spark task(s)");

        List<String> jars = ship(context, data, plugins);
        TrialSlice task = new TrialSlice(spec, data.getFileName().toString(), jars);
        List<TrialSlice.IndexedSet> indexed = IntStream.range(0, sets.size())
                .mapToObj(i -> new TrialSlice.IndexedSet(i, new LinkedHashMap<>(sets.get(i)))).toList();
        List<ParameterSweep.Trial> trials = new ArrayList<>(collect(context.parallelize(indexed, slices)
                .mapPartitions(task)));
        trials.sort(Comparator.comparingInt(ParameterSweep.Trial::index));

        ParameterSweep.Trial top = goal.best(trials);
        StudyStatistics statistics = StudyStatistics.of(trials, top.index(), spec.pboBlocks());
        ObjectNode study = StudyReport.json(trials, top, goal, statistics);
        StudyReport.print(trials, top, goal, statistics, out);
        String document = StudyReport.text(study);
        TrialTable.of(spark, trials).write().mode(SaveMode.Overwrite).parquet(spec.output());
        out.println("Wrote " + trials.size() + " trials to " + spec.output());
        Long runId = null;
        if (spec.store() != null) {
            runId = store(spec, driver.instrument().id().toString(), series, document, trials.size());
            out.println("Stored as run " + runId + " (quantplug runs show " + runId + ")");
        }
        long faulty = trials.stream().filter(t -> t.faults() > 0).count();
        if (faulty > 0) {
            out.println("quantplug-spark: " + faulty + " trial(s) had plugin faults (run one with 'quantplug"
                    + " backtest' to see them)");
        }
        return new Outcome(List.copyOf(trials), document, runId);
    }

    /** Adds the bar file and the plugin jars to the job's files; returns the jars' names. */
    private static List<String> ship(JavaSparkContext context, Path data, Path plugins) {
        context.addFile(data.toAbsolutePath().toString());
        try (Stream<Path> files = Files.list(plugins)) {
            List<String> jars = new ArrayList<>();
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                context.addFile(jar.toAbsolutePath().toString());
                jars.add(jar.getFileName().toString());
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins folder " + plugins, e);
        }
    }

    /** Runs the tasks; a refused input in a task is rethrown as the one-line error it is. */
    private static <T> List<T> collect(JavaRDD<T> rdd) {
        try {
            return rdd.collect();
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof UserInputException u) {
                    throw new UserInputException(u.getMessage());
                }
            }
            throw e;
        }
    }

    private static long store(StudySpec spec, String instrument, BarSeries s, String document, int trials) {
        DatabaseSettings settings;
        try {
            settings = DatabaseSettings.resolve(spec.store(), Path.of(System.getProperty("user.home"),
                    ".quantplug"), System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("'store': " + e.getMessage());
        }
        try (Store store = Store.open(settings, Clock.systemUTC())) {
            return store.runs().recordStudy(spec.strategy(), instrument, s.timeframe().label(),
                    Instant.ofEpochMilli(s.openTimeMillis(0)), Instant.ofEpochMilli(s.openTimeMillis(s.size() - 1)),
                    document, trials, Store.processUser());
        }
    }
}
