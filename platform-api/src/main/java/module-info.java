/**
 * The Quantplug SPI: the interfaces plugins implement and the value types they exchange.
 *
 * <p>Four extension kinds are discovered as <em>providers</em> through {@link java.util.ServiceLoader}
 * descriptors ({@code META-INF/services/<provider interface>}): {@link io.quantplug.api.strategy.StrategyProvider},
 * {@link io.quantplug.api.enhancement.EnhancementProvider}, {@link io.quantplug.api.risk.RiskRuleProvider} and
 * {@link io.quantplug.api.exchange.ExchangeAdapterProvider}. The module depends on nothing but {@code java.base},
 * so a plugin compiled against it never sees the runtime.
 */
module io.quantplug.api {
    exports io.quantplug.api;
    exports io.quantplug.api.param;
    exports io.quantplug.api.instrument;
    exports io.quantplug.api.market;
    exports io.quantplug.api.order;
    exports io.quantplug.api.portfolio;
    exports io.quantplug.api.signal;
    exports io.quantplug.api.strategy;
    exports io.quantplug.api.enhancement;
    exports io.quantplug.api.risk;
    exports io.quantplug.api.exchange;

    uses io.quantplug.api.strategy.StrategyProvider;
    uses io.quantplug.api.enhancement.EnhancementProvider;
    uses io.quantplug.api.risk.RiskRuleProvider;
    uses io.quantplug.api.exchange.ExchangeAdapterProvider;
}
