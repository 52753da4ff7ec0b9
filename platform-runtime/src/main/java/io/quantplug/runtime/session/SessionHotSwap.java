package io.quantplug.runtime.session;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.internal.engine.TradingSession;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginChange;
import io.quantplug.runtime.plugin.PluginHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps a running session's strategy instances on the current version of their plugins: when a plugin is
 * {@linkplain PluginChange.Kind#REPLACED replaced}, each instance created from it is swapped to the same strategy id
 * of the new version (see {@link TradingSession#requestSwap}); when it is unloaded, or its new version no longer has
 * that strategy, the instance is stopped by the session's fault policy (its position and the other instances carry
 * on). The host waits, up to the timeout, until the engine thread has made the swaps, and only then closes the old
 * version's class loader.
 *
 * <p>Threading: {@link #pluginChanged} runs on the thread that changed the host and blocks until the engine thread
 * has applied the swaps or the timeout passed (a session that receives no events meanwhile swaps at its next event;
 * until then its old instances may fail with a {@link LinkageError} once their class loader is closed, which the fault
 * policy handles). {@link #swaps()} may be read from any thread.
 */
public final class SessionHotSwap implements PluginHost.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionHotSwap.class);

    private final TradingSession session;
    private final PluginHost host;
    private final Duration timeout;
    /** Instance id to the id of the plugin its strategy comes from. */
    private final Map<String, String> instancePlugins = new LinkedHashMap<>();
    private final List<StrategySwap> swaps = new CopyOnWriteArrayList<>();

    private SessionHotSwap(TradingSession session, PluginHost host, Duration timeout) {
        this.session = session;
        this.host = host;
        this.timeout = timeout;
    }

    /**
     * Follows a host's plugin changes for a session. Call after the session's strategies are added.
     *
     * @param session the session
     * @param catalog the catalog its strategies were created from (to know which plugin each came from)
     * @param host    the host to follow
     * @param timeout how long a change waits for the engine thread to apply the swaps
     * @return the attached swapper; {@link #close()} detaches it
     */
    public static SessionHotSwap attach(TradingSession session, ExtensionCatalog catalog, PluginHost host,
                                        Duration timeout) {
        SessionHotSwap swapper = new SessionHotSwap(Objects.requireNonNull(session, "session"),
                Objects.requireNonNull(host, "host"), Objects.requireNonNull(timeout, "timeout"));
        session.strategyInstances().forEach((instance, providerId) -> catalog.find(ExtensionKind.STRATEGY, providerId)
                .map(ExtensionInfo::pluginId)
                .ifPresent(pluginId -> swapper.instancePlugins.put(instance, pluginId)));
        host.addListener(swapper);
        return swapper;
    }

    @Override
    public void pluginChanged(PluginChange change) {
        if (change.kind() != PluginChange.Kind.REPLACED && change.kind() != PluginChange.Kind.UNLOADED) {
            return;
        }
        String pluginId = change.before().id();
        Map<String, String> providers = session.strategyInstances();
        List<CompletableFuture<StrategySwap>> pending = new ArrayList<>();
        for (Map.Entry<String, String> e : instancePlugins.entrySet()) {
            if (!e.getValue().equals(pluginId)) {
                continue;
            }
            String strategyId = providers.get(e.getKey());
            StrategyProvider next = change.after() == null ? null : change.after().extensions().stream()
                    .filter(x -> x.kind() == ExtensionKind.STRATEGY && x.id().equals(strategyId))
                    .map(x -> (StrategyProvider) x.provider())
                    .findFirst().orElse(null);
            if (next == null) {
                String why = change.after() == null || change.kind() == PluginChange.Kind.UNLOADED
                        ? "plugin " + pluginId + " was unloaded"
                        : "plugin " + pluginId + " " + change.after().version() + " no longer provides strategy '"
                        + strategyId + "'";
                next = new Gone(strategyId, why);
            }
            pending.add(session.requestSwap(e.getKey(), next));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<StrategySwap> f : pending) {
            try {
                StrategySwap swap = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                swaps.add(swap);
                LOG.info("instance {}: {} after bar {}{}", swap.instanceId(), swap.outcome(), swap.barsBefore(),
                        swap.message() == null ? "" : " (" + swap.message() + ")");
            } catch (TimeoutException e) {
                LOG.warn("plugin {}: the session did not swap its instances within {}", pluginId, timeout);
            } catch (ExecutionException e) {
                LOG.error("plugin {}: swap failed", pluginId, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The swaps made so far, in the order they completed.
     *
     * @return an immutable copy
     */
    public List<StrategySwap> swaps() {
        return List.copyOf(swaps);
    }

    /** Stops following the host. */
    @Override
    public void close() {
        host.removeListener(this);
    }

    /**
     * Stands in for a strategy whose plugin is gone: creating it fails, so the session's fault policy stops the
     * instance and reports why.
     */
    private record Gone(String strategyId, String why) implements StrategyProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            throw new IllegalStateException(why);
        }

        @Override
        public Strategy create(StrategyContext context) {
            throw new IllegalStateException(why);
        }
    }
}
