package io.quantplug.runtime.internal.engine;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.Enhancement;
import io.quantplug.api.enhancement.EnhancementKind;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginChange;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.session.InstanceSwap;
import io.quantplug.runtime.session.PluginSwap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Keeps a running session's strategy instances, risk rules and enhancements on the current version of their plugins:
 * when a plugin is {@linkplain PluginChange.Kind#REPLACED replaced}, each instance created from it is swapped to the
 * same extension id of the new version (see {@link TradingSession#requestSwap},
 * {@link TradingSession#requestRiskRuleSwap}, {@link TradingSession#requestEnhancementSwap}); when it is unloaded, or
 * its new version no longer has that id, the session's fault policy takes over: a strategy instance is stopped (its
 * position and the other instances carry on), a risk rule is replaced by one that rejects every order, an enhancement
 * by one that lets only exits through. The host waits, up to the timeout, until the engine thread has made the swaps,
 * and only then closes the old version's class loader.
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
    /**
     * By kind: strategy instance id (or risk rule or enhancement id) to the id of the plugin it comes from; class-path
     * extensions are not listed.
     */
    private final Map<ExtensionKind, Map<String, String>> owners = new EnumMap<>(ExtensionKind.class);
    private final List<InstanceSwap> swaps = new CopyOnWriteArrayList<>();
    private final Consumer<PluginSwap> reports;

    private SessionHotSwap(TradingSession session, PluginHost host, Duration timeout, Consumer<PluginSwap> reports) {
        this.session = session;
        this.host = host;
        this.timeout = timeout;
        this.reports = reports;
        for (ExtensionKind k : ExtensionKind.values()) {
            owners.put(k, new LinkedHashMap<>());
        }
    }

    private void own(ExtensionCatalog catalog, ExtensionKind kind, String extensionId, String key) {
        catalog.find(kind, extensionId).map(ExtensionInfo::pluginId)
                .ifPresent(pluginId -> owners.get(kind).put(key, pluginId));
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
        return attach(session, catalog, host, timeout, swap -> { });
    }

    /**
     * Follows a host's plugin changes for a session and reports every swap made.
     *
     * @param session the session
     * @param catalog the catalog its strategies were created from (to know which plugin each came from)
     * @param host    the host to follow
     * @param timeout how long a change waits for the engine thread to apply the swaps
     * @param reports told of each swap once the engine thread has made it, on the thread that changed the host
     * @return the attached swapper; {@link #close()} detaches it
     */
    public static SessionHotSwap attach(TradingSession session, ExtensionCatalog catalog, PluginHost host,
                                        Duration timeout, Consumer<PluginSwap> reports) {
        SessionHotSwap swapper = new SessionHotSwap(Objects.requireNonNull(session, "session"),
                Objects.requireNonNull(host, "host"), Objects.requireNonNull(timeout, "timeout"),
                Objects.requireNonNull(reports, "reports"));
        session.strategyInstances().forEach((instance, providerId) -> swapper.own(catalog, ExtensionKind.STRATEGY,
                providerId, instance));
        session.riskRuleIds().forEach(id -> swapper.own(catalog, ExtensionKind.RISK_RULE, id, id));
        session.enhancementIds().forEach(id -> swapper.own(catalog, ExtensionKind.ENHANCEMENT, id, id));
        host.addListener(swapper);
        return swapper;
    }

    @Override
    public void pluginChanged(PluginChange change) {
        if (change.kind() != PluginChange.Kind.REPLACED && change.kind() != PluginChange.Kind.UNLOADED) {
            return;
        }
        String pluginId = change.before().id();
        List<Pending> pending = new ArrayList<>();
        Map<String, String> providers = session.strategyInstances();
        for (Map.Entry<String, String> e : owners.get(ExtensionKind.STRATEGY).entrySet()) {
            if (e.getValue().equals(pluginId)) {
                String strategyId = providers.get(e.getKey());
                StrategyProvider next = successor(change, ExtensionKind.STRATEGY, strategyId, StrategyProvider.class);
                pending.add(new Pending(ExtensionKind.STRATEGY, strategyId, session.requestSwap(e.getKey(),
                        next != null ? next : new GoneStrategy(gone(change, "strategy", strategyId)))
                        .thenApply(List::of)));
            }
        }
        for (String ruleId : idsOf(ExtensionKind.RISK_RULE, pluginId)) {
            RiskRuleProvider next = successor(change, ExtensionKind.RISK_RULE, ruleId, RiskRuleProvider.class);
            pending.add(new Pending(ExtensionKind.RISK_RULE, ruleId, session.requestRiskRuleSwap(ruleId,
                    next != null ? next : new GoneRiskRule(gone(change, "risk rule", ruleId)))));
        }
        for (String id : idsOf(ExtensionKind.ENHANCEMENT, pluginId)) {
            EnhancementProvider next = successor(change, ExtensionKind.ENHANCEMENT, id, EnhancementProvider.class);
            pending.add(new Pending(ExtensionKind.ENHANCEMENT, id, session.requestEnhancementSwap(id,
                    next != null ? next : new GoneEnhancement(gone(change, "enhancement", id)))));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        PluginInfo to = change.kind() == PluginChange.Kind.REPLACED ? change.after() : null;
        for (Pending p : pending) {
            try {
                for (InstanceSwap swap : p.swaps().get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS)) {
                    swaps.add(swap);
                    LOG.info("{}: {} after bar {}{}", swap.instanceId(), swap.outcome(), swap.barsBefore(),
                            swap.message() == null ? "" : " (" + swap.message() + ")");
                    report(new PluginSwap(p.kind(), p.extensionId(), swap, change.before(), to));
                }
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

    /** Swaps requested of the engine thread for one extension. */
    private record Pending(ExtensionKind kind, String extensionId,
                           CompletableFuture<List<InstanceSwap>> swaps) {
    }

    private void report(PluginSwap swap) {
        try {
            reports.accept(swap);
        } catch (RuntimeException e) {
            LOG.error("reporting the swap of {} failed", swap.swap().instanceId(), e);
        }
    }

    private List<String> idsOf(ExtensionKind kind, String pluginId) {
        List<String> ids = new ArrayList<>();
        owners.get(kind).forEach((id, owner) -> {
            if (owner.equals(pluginId)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The new version's provider of the same kind and id, or null when it has none (or the plugin is gone). */
    private static <P> P successor(PluginChange change, ExtensionKind kind, String id, Class<P> type) {
        if (change.kind() != PluginChange.Kind.REPLACED) {
            return null;
        }
        return change.after().extensions().stream().filter(x -> x.kind() == kind && x.id().equals(id))
                .map(x -> type.cast(x.provider())).findFirst().orElse(null);
    }

    private static String gone(PluginChange change, String what, String id) {
        return change.kind() == PluginChange.Kind.UNLOADED
                ? "plugin " + change.before().id() + " was unloaded"
                : "plugin " + change.before().id() + " " + change.after().version() + " no longer provides " + what
                + " '" + id + "'";
    }

    /**
     * The swaps made so far, in the order they completed.
     *
     * @return an immutable copy
     */
    public List<InstanceSwap> swaps() {
        return List.copyOf(swaps);
    }

    /** Stops following the host. */
    @Override
    public void close() {
        host.removeListener(this);
    }

    /**
     * Stand-ins for an extension whose plugin is gone: creating them fails, so the session's fault policy takes over
     * (a strategy instance stops, a risk rule fails closed, an enhancement lets only exits through).
     */
    private record GoneStrategy(String why) implements StrategyProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            throw new IllegalStateException(why);
        }

        @Override
        public Strategy create(StrategyContext context) {
            throw new IllegalStateException(why);
        }
    }

    private record GoneRiskRule(String why) implements RiskRuleProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            throw new IllegalStateException(why);
        }

        @Override
        public RiskRule create(Parameters parameters) {
            throw new IllegalStateException(why);
        }
    }

    private record GoneEnhancement(String why) implements EnhancementProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            throw new IllegalStateException(why);
        }

        @Override
        public EnhancementKind kind() {
            throw new IllegalStateException(why);
        }

        @Override
        public Enhancement create(Parameters parameters) {
            throw new IllegalStateException(why);
        }
    }
}
