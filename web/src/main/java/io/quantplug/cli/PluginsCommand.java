package io.quantplug.cli;

import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code quantplug plugins}: lists the plugins of the plugins directory with their state and extensions. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins in the plugins directory: id, version, state and extensions."
                + " Exits with 2 when a jar was refused or failed.")
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(common.verbose);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PluginHost host = PluginHost.open(common.pluginsDir())) {
            List<PluginInfo> plugins = host.plugins();
            out.println("Plugins in " + host.directory().toAbsolutePath().normalize() + ":");
            if (plugins.isEmpty()) {
                out.println("  (no plugin jars)");
            }
            int idWidth = Math.max(2, plugins.stream().mapToInt(p -> p.id().length()).max().orElse(2));
            int verWidth = Math.max(7, plugins.stream().mapToInt(p -> p.version().length()).max().orElse(7));
            if (!plugins.isEmpty()) {
                out.printf("  %-" + idWidth + "s  %-" + verWidth + "s  %-8s  %s%n", "ID", "VERSION", "STATE",
                        "EXTENSIONS");
            }
            for (PluginInfo p : plugins) {
                String extensions = p.extensions().stream().map(e -> e.kind().label() + ":" + e.id())
                        .collect(Collectors.joining(", "));
                out.printf("  %-" + idWidth + "s  %-" + verWidth + "s  %-8s  %s%n", p.id(),
                        p.version().isEmpty() ? "-" : p.version(), p.status(), extensions.isEmpty() ? "-" : extensions);
            }
            for (PluginInfo p : host.problems()) {
                err.println("quantplug: error: plugin " + p.file().getFileName() + " "
                        + p.status().name().toLowerCase() + ": " + p.problem());
            }
            int extensionCount = host.catalog().all().size();
            out.println(plugins.size() + " plugin(s), " + extensionCount + " extension(s)"
                    + (host.problems().isEmpty() ? "" : ", " + host.problems().size() + " with problems"));
            for (ExtensionInfo e : host.catalog().all()) {
                if (common.verbose) {
                    out.println("  " + e.kind().label() + " " + e.id() + ": " + e.descriptor().description());
                }
            }
            return host.problems().isEmpty() ? QuantplugCli.OK : QuantplugCli.BAD_INPUT;
        }
    }
}
