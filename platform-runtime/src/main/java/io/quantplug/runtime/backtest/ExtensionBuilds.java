package io.quantplug.runtime.backtest;

import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.plugin.PluginStatus;
import io.quantplug.runtime.session.ExtensionBuild;
import io.quantplug.runtime.session.PluginSwap;

import java.util.ArrayList;
import java.util.List;

/** The plugin build each extension of a run comes from, and how a swap changes it. */
final class ExtensionBuilds {

    private ExtensionBuilds() {
    }

    /**
     * The builds of a run's extensions: strategies, enhancers, the sizer and the risk rules, in configured order.
     *
     * @param catalog where the extensions are found
     * @param host    the host whose started plugins give the versions, or null (no versions)
     * @param config  the run
     * @return the builds
     */
    static List<ExtensionBuild> of(ExtensionCatalog catalog, PluginHost host, BacktestConfig config) {
        List<ExtensionBuild> out = new ArrayList<>();
        config.strategies().forEach(r -> out.add(build("strategy", ExtensionKind.STRATEGY, r.id(), catalog, host)));
        config.enhancers().forEach(r -> out.add(build("enhancer", ExtensionKind.ENHANCEMENT, r.id(), catalog,
                host)));
        if (config.sizer() != null) {
            out.add(build("sizer", ExtensionKind.ENHANCEMENT, config.sizer().id(), catalog, host));
        }
        config.riskRules().forEach(r -> out.add(build("riskRule", ExtensionKind.RISK_RULE, r.id(), catalog, host)));
        return List.copyOf(out);
    }

    /**
     * The builds after a swap: the swapped extension of the plugin now runs on the new version.
     *
     * @param builds the builds before
     * @param swap   a swap that moved ({@link PluginSwap#moved()})
     * @return the builds after
     */
    static List<ExtensionBuild> after(List<ExtensionBuild> builds, PluginSwap swap) {
        String to = swap.to().version();
        return builds.stream().map(b -> swap.from().id().equals(b.pluginId()) && swap.extensionId().equals(b.id())
                ? new ExtensionBuild(b.role(), b.id(), b.pluginId(), to) : b).toList();
    }

    private static ExtensionBuild build(String role, ExtensionKind kind, String id, ExtensionCatalog catalog,
                                        PluginHost host) {
        String pluginId = catalog.find(kind, id).map(e -> e.pluginId()).orElse(null);
        String version = pluginId == null || host == null ? null : host.plugins().stream()
                .filter(p -> p.id().equals(pluginId) && p.status() == PluginStatus.STARTED)
                .map(PluginInfo::version).findFirst().orElse(null);
        return new ExtensionBuild(role, id, pluginId, version);
    }
}
