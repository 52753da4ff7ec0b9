package io.quantplug.runtime.plugin;

import io.quantplug.api.ExtensionProvider;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.exchange.ExchangeAdapterProvider;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.strategy.StrategyProvider;

/** The four kinds of extension, each with the provider interface a plugin implements. */
public enum ExtensionKind {
    /** {@link StrategyProvider}. */
    STRATEGY(StrategyProvider.class),
    /** {@link EnhancementProvider}: signal enhancers and position sizers. */
    ENHANCEMENT(EnhancementProvider.class),
    /** {@link RiskRuleProvider}. */
    RISK_RULE(RiskRuleProvider.class),
    /** {@link ExchangeAdapterProvider}. */
    EXCHANGE_ADAPTER(ExchangeAdapterProvider.class);

    private final Class<? extends ExtensionProvider> providerType;

    ExtensionKind(Class<? extends ExtensionProvider> providerType) {
        this.providerType = providerType;
    }

    /**
     * The provider interface of this kind.
     *
     * @return the interface
     */
    public Class<? extends ExtensionProvider> providerType() {
        return providerType;
    }

    /**
     * The kind of a provider.
     *
     * @param provider a provider instance
     * @return its kind
     * @throws IllegalArgumentException when it implements none of the provider interfaces
     */
    public static ExtensionKind of(ExtensionProvider provider) {
        for (ExtensionKind k : values()) {
            if (k.providerType.isInstance(provider)) {
                return k;
            }
        }
        throw new IllegalArgumentException(provider.getClass().getName() + " implements no provider interface");
    }

    /**
     * Lower-case label used in listings, e.g. {@code risk-rule}.
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
