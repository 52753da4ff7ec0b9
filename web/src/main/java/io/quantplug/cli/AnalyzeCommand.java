package io.quantplug.cli;

import io.quantplug.app.UserInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.report.ResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code quantplug analyze}: feeds a bar file to an analyzer, a signal enhancer of the plugins that reports
 * diagnostics ({@link Enhancement#diagnostics()}), and prints what it sees at the last bar, as indented text or JSON.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Run an analyzer (a signal enhancer with diagnostics, e.g. volatility-regime) over a bar file"
                + " and print what it sees at the last bar.")
final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Bar file (CSV or .csv.gz).")
    Path data;

    @Option(names = "--analyzer", required = true, paramLabel = "ID",
            description = "Analyzer id, e.g. volatility-regime.")
    String analyzer;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "An analyzer parameter; repeat for several.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print JSON instead of text.")
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
        UserInputException.requireDataFile(data);
        LoadedBars loaded = new BarFileReader().read(data);
        List<Bar> bars = loaded.series().toBars(instrumentOptions.resolve(data, loaded.series()).id());
        Map<String, Object> diagnostics;
        try (PluginHost host = PluginHost.open(common.pluginsDir())) {
            EnhancementProvider provider = host.catalog().enhancement(analyzer).orElseThrow(() ->
                    new UserInputException("unknown analyzer '" + analyzer + "'; available: " + available(host)));
            Enhancement enhancement = provider.create(provider.descriptor().parameters().resolve(params));
            if (!(enhancement instanceof SignalEnhancer enhancer)) {
                throw new UserInputException("'" + analyzer + "' is a position sizer; an analyzer is a signal"
                        + " enhancer that sees the bars");
            }
            for (Bar bar : bars) {
                enhancer.onBar(bar);
            }
            diagnostics = enhancer.diagnostics();
        }
        if (diagnostics.isEmpty()) {
            throw new UserInputException("'" + analyzer + "' reports no diagnostics");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("analyzer", analyzer);
        document.put("data", data.getFileName().toString());
        document.put("lastBarOpen", Instant.ofEpochMilli(bars.get(bars.size() - 1).openTimeMillis()).toString());
        document.putAll(diagnostics);
        if (json) {
            try {
                out.println(ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            print(out, document, "");
        }
        return QuantplugCli.OK;
    }

    private static String available(PluginHost host) {
        List<ExtensionInfo> all = host.catalog().ofKind(ExtensionKind.ENHANCEMENT);
        return all.isEmpty() ? "none (no enhancement in the plugins directory)"
                : all.stream().map(ExtensionInfo::id).collect(Collectors.joining(", "));
    }

    /** One line per value, nested maps indented. */
    private static void print(PrintWriter out, Map<?, ?> map, String indent) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> nested) {
                out.println(indent + e.getKey() + ":");
                print(out, nested, indent + "  ");
            } else {
                out.println(indent + e.getKey() + ": " + (e.getValue() == null ? "-" : e.getValue()));
            }
        }
    }
}
