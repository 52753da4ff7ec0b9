package io.quantplug.runtime.plugin;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.exchange.ExchangeAdapterProvider;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.strategy.StrategyProvider;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The extensions available to sessions, by kind and id. Ids are unique within a kind. Immutable and thread-safe.
 */
public final class ExtensionCatalog {

    private final Map<ExtensionKind, Map<String, ExtensionInfo>> byKind;

    private ExtensionCatalog(Map<ExtensionKind, Map<String, ExtensionInfo>> byKind) {
        this.byKind = byKind;
    }

    /**
     * Builds a catalog; an id that repeats within a kind keeps its first extension.
     *
     * @param extensions the extensions, in priority order
     * @return the catalog
     */
    public static ExtensionCatalog of(List<ExtensionInfo> extensions) {
        Map<ExtensionKind, Map<String, ExtensionInfo>> map = new LinkedHashMap<>();
        for (ExtensionKind k : ExtensionKind.values()) {
            map.put(k, new LinkedHashMap<>());
        }
        for (ExtensionInfo e : extensions) {
            map.get(e.kind()).putIfAbsent(e.id(), e);
        }
        map.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        return new ExtensionCatalog(Collections.unmodifiableMap(map));
    }

    /**
     * The providers on a class path, found with plain {@link ServiceLoader}: how an embedding application
     * contributes extensions without plugin jars.
     *
     * @param classLoader where to look
     * @return one info per provider, with a null plugin id
     */
    public static List<ExtensionInfo> fromClassPath(ClassLoader classLoader) {
        List<ExtensionInfo> out = new ArrayList<>();
        for (ExtensionKind k : ExtensionKind.values()) {
            for (ExtensionProvider p : ServiceLoader.load(k.providerType(), classLoader)) {
                out.add(new ExtensionInfo(k, p, null));
            }
        }
        return out;
    }

    /**
     * A catalog of this one and another; on a repeated id this one wins.
     *
     * @param other the other catalog
     * @return the union
     */
    public ExtensionCatalog with(ExtensionCatalog other) {
        List<ExtensionInfo> all = new ArrayList<>(all());
        all.addAll(other.all());
        return of(all);
    }

    /**
     * Every extension, by kind then id order of registration.
     *
     * @return the extensions
     */
    public List<ExtensionInfo> all() {
        List<ExtensionInfo> out = new ArrayList<>();
        byKind.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /**
     * The extensions of one kind.
     *
     * @param kind the kind
     * @return the extensions, in registration order
     */
    public List<ExtensionInfo> ofKind(ExtensionKind kind) {
        return List.copyOf(byKind.get(kind).values());
    }

    /**
     * Looks an extension up.
     *
     * @param kind the kind
     * @param id   the id
     * @return the extension, or empty
     */
    public Optional<ExtensionInfo> find(ExtensionKind kind, String id) {
        return Optional.ofNullable(byKind.get(kind).get(id));
    }

    /**
     * A strategy provider by id.
     *
     * @param id the id
     * @return the provider, or empty
     */
    public Optional<StrategyProvider> strategy(String id) {
        return find(ExtensionKind.STRATEGY, id).map(e -> (StrategyProvider) e.provider());
    }

    /**
     * An enhancement provider by id.
     *
     * @param id the id
     * @return the provider, or empty
     */
    public Optional<EnhancementProvider> enhancement(String id) {
        return find(ExtensionKind.ENHANCEMENT, id).map(e -> (EnhancementProvider) e.provider());
    }

    /**
     * A risk rule provider by id.
     *
     * @param id the id
     * @return the provider, or empty
     */
    public Optional<RiskRuleProvider> riskRule(String id) {
        return find(ExtensionKind.RISK_RULE, id).map(e -> (RiskRuleProvider) e.provider());
    }

    /**
     * An exchange adapter provider by id.
     *
     * @param id the id
     * @return the provider, or empty
     */
    public Optional<ExchangeAdapterProvider> exchangeAdapter(String id) {
        return find(ExtensionKind.EXCHANGE_ADAPTER, id).map(e -> (ExchangeAdapterProvider) e.provider());
    }

    /**
     * The ids of one kind, for "unknown id; available: ..." messages.
     *
     * @param kind the kind
     * @return the ids in registration order
     */
    public List<String> ids(ExtensionKind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }
}
