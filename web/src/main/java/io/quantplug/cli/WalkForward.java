package io.quantplug.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quantplug.app.UserInputException;
import io.quantplug.app.study.Objective;
import io.quantplug.app.study.ParameterSweep;
import io.quantplug.app.study.StudyReport;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.report.ResultDocument;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A walk-forward study: in each window of a {@link WalkForwardSpec}, the grid is optimised on the in-sample bars
 * and the best parameter set is then backtested alone on the out-of-sample bars, from a cold start (no bar before
 * the window is seen, so the window's out-of-sample trial equals {@code quantplug backtest} on those bars).
 *
 * <p>The out-of-sample equity is stitched by compounding the windows' per-bar returns from the initial capital.
 * Walk-forward efficiency follows R. Pardo, <i>The Evaluation and Optimization of Trading Strategies</i>, 2nd ed.,
 * Wiley, 2008, ch. 11: the annualised out-of-sample return over the annualised in-sample return. Here a span's
 * return is annualised simply, {@code totalReturn * 365 d / span}; a window's efficiency is its out-of-sample over
 * its in-sample figure, and the study's is the mean out-of-sample over the mean in-sample figure, undefined (null)
 * when the in-sample one is not positive. Stability: for each gridded parameter, the value chosen most often and
 * the share of windows choosing it.
 */
final class WalkForward {

    /**
     * One window's outcome.
     *
     * @param window      the window
     * @param chosen      the parameter set chosen in sample, as typed
     * @param inSample    the in-sample best trial
     * @param outOfSample the out-of-sample trial of {@code chosen}
     */
    record WindowResult(WalkForwardSpec.Window window, Map<String, String> chosen, ParameterSweep.Trial inSample,
                        ParameterSweep.Trial outOfSample) {
    }

    private final WalkForwardSpec spec;
    private final Objective goal;
    private final BiFunction<BarSeries, Integer, ParameterSweep> sweeps;
    private final int workers;

    /**
     * A walk-forward study.
     *
     * @param spec    the windows
     * @param goal    what the in-sample optimisation maximises
     * @param sweeps  a sweep over some bars with some workers
     * @param workers worker threads of each in-sample optimisation
     */
    WalkForward(WalkForwardSpec spec, Objective goal, BiFunction<BarSeries, Integer, ParameterSweep> sweeps,
                int workers) {
        this.spec = spec;
        this.goal = goal;
        this.sweeps = sweeps;
        this.workers = workers;
    }

    /**
     * Runs every window.
     *
     * @param series the whole data
     * @param sets   the parameter sets of the grid
     * @param info   where each window's line goes
     * @return the windows' outcomes, in time order
     * @throws io.quantplug.app.UserInputException when no window fits in the data
     */
    List<WindowResult> run(BarSeries series, List<Map<String, String>> sets, PrintWriter info) {
        long end = series.openTimeMillis(series.size() - 1) + series.timeframe().duration().toMillis();
        List<WindowResult> results = new ArrayList<>();
        for (WalkForwardSpec.Window w : spec.windows(series.openTimeMillis(0), end)) {
            BarSeries inSample = series.slice(w.inFromMillis(), w.outFromMillis());
            BarSeries outOfSample = series.slice(w.outFromMillis(), w.outToMillis());
            if (inSample.size() < 2 || outOfSample.size() < 2) {
                throw new UserInputException("--walk-forward: window " + (results.size() + 1) + " ("
                        + Instant.ofEpochMilli(w.inFromMillis()) + " .. " + Instant.ofEpochMilli(w.outToMillis())
                        + ") has fewer than 2 bars in or out of sample (a gap in the data)");
            }
            List<ParameterSweep.Trial> trials = sweeps.apply(inSample, workers).run(sets, t -> { });
            ParameterSweep.Trial best = goal.best(trials);
            Map<String, String> chosen = sets.get(best.index());
            ParameterSweep.Trial out = sweeps.apply(outOfSample, 1).keepingReturns()
                    .run(List.of(chosen), t -> { }).get(0);
            results.add(new WindowResult(w, chosen, best, out));
            info.println("Window " + results.size() + ": in " + Instant.ofEpochMilli(w.inFromMillis()) + " .. "
                    + Instant.ofEpochMilli(w.outFromMillis()) + " best " + StudyReport.text(chosen) + " ("
                    + goal.label() + " " + format(goal.of(best.metrics())) + "); out .. "
                    + Instant.ofEpochMilli(w.outToMillis()) + " return " + format(out.metrics().totalReturn()));
        }
        return results;
    }

    /**
     * The windows, the stitched out-of-sample result, the efficiency and the stability as JSON.
     *
     * @param results the windows' outcomes
     * @param grid    the names of the gridded parameters
     * @param mapper  the mapper
     * @param into    the study's JSON object; {@code windows} and {@code walkForward} are added
     */
    void write(List<WindowResult> results, List<String> grid, ObjectMapper mapper, ObjectNode into) {
        ArrayNode windows = into.putArray("windows");
        double equity = 1;
        double inSum = 0;
        double outSum = 0;
        for (WindowResult r : results) {
            ObjectNode node = windows.addObject();
            node.put("inSampleFrom", Instant.ofEpochMilli(r.window().inFromMillis()).toString());
            node.put("outOfSampleFrom", Instant.ofEpochMilli(r.window().outFromMillis()).toString());
            node.put("outOfSampleTo", Instant.ofEpochMilli(r.window().outToMillis()).toString());
            ObjectNode parameters = node.putObject("parameters");
            r.chosen().forEach(parameters::put);
            node.set("inSampleMetrics", mapper.valueToTree(ResultDocument.Metrics.of(r.inSample().metrics())));
            node.set("outOfSampleMetrics", mapper.valueToTree(ResultDocument.Metrics.of(r.outOfSample().metrics())));
            double in = annualised(r.inSample().metrics().totalReturn(), r.window().outFromMillis()
                    - r.window().inFromMillis());
            double out = annualised(r.outOfSample().metrics().totalReturn(), r.window().outToMillis()
                    - r.window().outFromMillis());
            put(node, "efficiency", in > 0 ? out / in : Double.NaN);
            inSum += in;
            outSum += out;
            for (double x : r.outOfSample().returns()) {
                equity *= 1 + x;
            }
        }
        ObjectNode summary = into.putObject("walkForward");
        summary.put("in", WalkForwardSpec.label(spec.in()));
        summary.put("out", WalkForwardSpec.label(spec.out()));
        summary.put("anchored", spec.anchored());
        summary.put("outOfSampleReturn", equity - 1);
        put(summary, "efficiency", inSum > 0 ? outSum / inSum : Double.NaN);
        ObjectNode stability = summary.putObject("stability");
        for (String name : grid) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            results.forEach(r -> counts.merge(r.chosen().get(name), 1, Integer::sum));
            Map.Entry<String, Integer> mode = counts.entrySet().stream().max(Map.Entry.comparingByValue()).get();
            ObjectNode p = stability.putObject(name);
            p.put("mode", mode.getKey());
            p.put("share", (double) mode.getValue() / results.size());
        }
    }

    private static double annualised(double totalReturn, long spanMillis) {
        return totalReturn * Duration.ofDays(365).toMillis() / spanMillis;
    }

    private static void put(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
