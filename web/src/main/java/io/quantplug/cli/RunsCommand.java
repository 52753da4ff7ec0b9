package io.quantplug.cli;

import io.quantplug.app.UserInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.runtime.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code quantplug runs}: the runs in the store. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Runs in the store: list, show.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class})
final class RunsCommand {

    /** {@code quantplug runs list [--json]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the stored runs, newest first: id, mode, strategy, status, created, trade count.")
    static final class ListRuns implements Callable<Integer> {

        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            Logging.configure(common.verbose);
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = common.openStore()) {
                List<RunStore.RunSummary> runs = store.runs().list();
                if (json) {
                    out.println(ResultJson.mapper().writeValueAsString(runs));
                    return QuantplugCli.OK;
                }
                if (runs.isEmpty()) {
                    out.println("No runs stored yet.");
                    return QuantplugCli.OK;
                }
                out.printf(Locale.ROOT, "%6s  %-8s  %-20s  %-18s  %-11s  %-24s  %7s%n", "ID", "MODE", "STRATEGY",
                        "INSTRUMENT", "STATUS", "CREATED", "TRADES");
                for (RunStore.RunSummary r : runs) {
                    out.printf(Locale.ROOT, "%6d  %-8s  %-20s  %-18s  %-11s  %-24s  %7s%n", r.id(),
                            r.kind() == RunStore.Kind.STUDY ? "STUDY" : r.mode().name(),
                            r.strategy(), instrument(r) + " " + r.timeframe(), r.status(), r.created(),
                            r.tradeCount() == null ? "-" : r.tradeCount().toString());
                }
            }
            return QuantplugCli.OK;
        }
    }

    /** A run's instrument column: a portfolio's instrument count, its ids are in {@code --json}. */
    private static String instrument(RunStore.RunSummary r) {
        if (r.kind() != RunStore.Kind.PORTFOLIO || r.instrument().endsWith(" instruments")) {
            return r.instrument();
        }
        return r.instrument().split(",").length + " instruments";
    }

    /** {@code quantplug runs show ID [--json]}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one stored run; with --json, the same document as the run's result.json (a portfolio"
                    + " run's: quantplug-portfolio-result/1).")
    static final class Show implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "ID", description = "Run id (see 'quantplug runs list').")
        long id;

        @Option(names = "--json", description = "Print the result document (the shape of result.json).")
        boolean json;

        @Mixin
        EquityOption equityOption;

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Logging.configure(common.verbose);
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = common.openStore()) {
                RunStore.RunSummary summary = store.runs().summary(id).orElseThrow(() ->
                        new UserInputException("no run " + id + " in the store (see 'quantplug runs list')"));
                if (summary.kind() == RunStore.Kind.STUDY) {
                    showStudy(out, summary, store.runs().study(id).orElse("{}"));
                    return QuantplugCli.OK;
                }
                Optional<PortfolioDocument> portfolio = store.runs().portfolioDocument(id);
                ResultDocument document = portfolio.map(PortfolioDocument::accountView)
                        .orElseGet(() -> store.runs().document(id).orElseThrow());
                if (json) {
                    out.println(portfolio.isPresent() ? ResultJson.toJson(equityOption.apply(portfolio.get()))
                            : ResultJson.toJson(equityOption.apply(document)));
                    return QuantplugCli.OK;
                }
                out.printf(Locale.ROOT, "Run %d: %s %s%s, %s, created %s%s%n", summary.id(), summary.mode(),
                        portfolio.isPresent() ? "portfolio " : "", summary.status(), summary.strategy(),
                        summary.created(), summary.error() == null ? "" : " (" + summary.error() + ")");
                MetricsTable.print(document, out);
                if (portfolio.isPresent()) {
                    PortfolioTables.print(portfolio.get(), out);
                }
            }
            return QuantplugCli.OK;
        }

        /** A study: its document with --json, else what it ran and its best trial and statistics. */
        private void showStudy(PrintWriter out, RunStore.RunSummary summary, String study) {
            if (json) {
                out.println(study);
                return;
            }
            JsonNode doc;
            try {
                doc = ResultJson.mapper().readTree(study);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            out.printf(Locale.ROOT, "Run %d: study %s, %s on %s %s, created %s%n", summary.id(), summary.status(),
                    summary.strategy(), summary.instrument(), summary.timeframe(), summary.created());
            out.printf(Locale.ROOT, "Trials: %d, objective %s; best: %s%n", doc.path("trials").size(),
                    doc.path("objective").asText(), doc.at("/best/parameters"));
            out.printf(Locale.ROOT, "Deflated Sharpe Ratio: %s; PBO: %s%n", doc.path("deflatedSharpe").asText("-"),
                    doc.path("pbo").asText("-"));
            if (doc.has("walkForward")) {
                out.printf(Locale.ROOT, "Walk-forward: %d windows, out-of-sample return %s%n",
                        doc.path("windows").size(), doc.at("/walkForward/outOfSampleReturn").asText());
            }
        }
    }
}
