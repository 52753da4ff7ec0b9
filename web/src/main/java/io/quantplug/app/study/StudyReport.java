package io.quantplug.app.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What {@code quantplug optimize} prints: the study as JSON ({@code objective}, {@code trials} with each one's
 * {@code parameters} and {@code metrics} as {@code result.json} writes them, {@code best}, {@code deflatedSharpe},
 * {@code pbo}, {@code pboBlocks}, {@code pboCombinations}), or a table of the ten best trials and the statistics.
 * Shared by {@code quantplug optimize} and the Spark job ({@code io.quantplug.spark.StudyJob}), so that both print
 * and store the same document. Stateless.
 */
public final class StudyReport {

    private StudyReport() {
    }

    /**
     * The study as a JSON object.
     *
     * @param trials     the trials, in grid order
     * @param best       the best trial
     * @param goal       the objective
     * @param statistics the overfitting statistics
     * @return the object, to which walk-forward results may be added
     */
    public static ObjectNode json(List<ParameterSweep.Trial> trials, ParameterSweep.Trial best, Objective goal,
                           StudyStatistics statistics) {
        ObjectMapper mapper = ResultJson.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("objective", goal.label());
        ArrayNode list = root.putArray("trials");
        for (ParameterSweep.Trial t : trials) {
            list.add(trial(mapper, t));
        }
        root.set("best", trial(mapper, best));
        if (statistics.deflatedSharpe() == null) {
            root.putNull("deflatedSharpe");
        } else {
            root.put("deflatedSharpe", statistics.deflatedSharpe());
        }
        if (statistics.overfitting() == null) {
            root.putNull("pbo");
        } else {
            root.put("pbo", statistics.overfitting().probability());
            root.put("pboBlocks", statistics.overfitting().blocks());
            root.put("pboCombinations", statistics.overfitting().logits().length);
        }
        return root;
    }

    /**
     * The study document as compact JSON text, as {@code optimize --json} prints it and the store keeps it.
     *
     * @param study the document of {@link #json}
     * @return its text
     * @throws IllegalStateException when it cannot be serialised (a bug)
     */
    public static String text(ObjectNode study) {
        try {
            return ResultJson.mapper().writeValueAsString(study);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the study", e);
        }
    }

    private static ObjectNode trial(ObjectMapper mapper, ParameterSweep.Trial t) {
        ObjectNode node = mapper.createObjectNode();
        ObjectNode parameters = node.putObject("parameters");
        t.parameters().forEach(parameters::put);
        node.set("metrics", mapper.valueToTree(ResultDocument.Metrics.of(t.metrics())));
        return node;
    }

    /**
     * Prints the ten best trials and the statistics.
     *
     * @param trials     the trials
     * @param best       the best trial
     * @param goal       the objective
     * @param statistics the overfitting statistics
     * @param out        where to print
     */
    public static void print(List<ParameterSweep.Trial> trials, ParameterSweep.Trial best, Objective goal,
                      StudyStatistics statistics, PrintWriter out) {
        List<ParameterSweep.Trial> ranked = new ArrayList<>(trials);
        ranked.sort(Comparator.comparingDouble((ParameterSweep.Trial t) -> {
            double v = goal.of(t.metrics());
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        }).reversed());
        out.printf(java.util.Locale.ROOT, "%-4s %-40s %12s %12s %10s %10s %7s%n", "rank", "parameters",
                goal.label(), "totalReturn", "sharpe", "maxDD", "trades");
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            ParameterSweep.Trial t = ranked.get(i);
            out.printf(java.util.Locale.ROOT, "%-4d %-40s %12.4f %12.4f %10.4f %10.4f %7d%n", i + 1,
                    text(t.parameters()), goal.of(t.metrics()), t.metrics().totalReturn(), t.metrics().sharpe(),
                    t.metrics().maxDrawdown(), t.metrics().tradeCount());
        }
        out.println("Best: " + text(best.parameters()) + ", " + goal.label() + " "
                + String.format(java.util.Locale.ROOT, "%.4f", goal.of(best.metrics())));
        out.println("Deflated Sharpe Ratio of the best: " + (statistics.deflatedSharpe() == null ? "undefined"
                : String.format(java.util.Locale.ROOT, "%.4f", statistics.deflatedSharpe())) + " (" + trials.size()
                + " trials)");
        out.println("Probability of Backtest Overfitting: " + (statistics.overfitting() == null
                ? "undefined (needs 2 trials and 2 bars per block)"
                : String.format(java.util.Locale.ROOT, "%.4f", statistics.overfitting().probability()) + " (CSCV, S = "
                + statistics.overfitting().blocks() + ", " + statistics.overfitting().logits().length
                + " combinations)"));
    }

    /**
     * A parameter set as one line of text.
     *
     * @param parameters the set
     * @return e.g. {@code fast=10 slow=30}
     */
    public static String text(Map<String, String> parameters) {
        StringBuilder b = new StringBuilder();
        parameters.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }

    /**
     * Writes a study document to a file, creating its folder.
     *
     * @param file     the file
     * @param document the document's text
     * @throws UserInputException when it cannot be written
     */
    public static void write(Path file, String document) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, document + System.lineSeparator());
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage());
        }
    }

}
