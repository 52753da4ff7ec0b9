package io.quantplug.runtime.session;

import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginInfo;
import java.util.Objects;

/**
 * One extension instance of a running session moved (or failed to move) to another build of its plugin, as
 * The session that follows a plugin host ({@link io.quantplug.runtime.backtest.Backtester#following}) reports it once the engine thread has made the swap.
 *
 * @param kind        the extension's kind
 * @param extensionId the extension id (e.g. {@code sma-crossover})
 * @param swap        the instance and what became of it
 * @param from        the plugin build it ran on
 * @param to          the build it runs on now, or null when the plugin was unloaded
 */
public record PluginSwap(ExtensionKind kind, String extensionId, InstanceSwap swap, PluginInfo from, PluginInfo to) {

    /**
     * Checks the required components.
     *
     * @param kind        the kind
     * @param extensionId the extension id
     * @param swap        the swap
     * @param from        the old build
     * @param to          the new build, or null
     */
    public PluginSwap {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(extensionId, "extensionId");
        Objects.requireNonNull(swap, "swap");
        Objects.requireNonNull(from, "from");
    }

    /**
     * Whether the instance runs on the new build now (restored from the old one's snapshot or started fresh).
     *
     * @return true for {@link InstanceSwap.Outcome#RESTORED} and {@link InstanceSwap.Outcome#STARTED_FRESH}
     */
    public boolean moved() {
        return swap.outcome() == InstanceSwap.Outcome.RESTORED || swap.outcome() == InstanceSwap.Outcome.STARTED_FRESH;
    }
}
