/**
 * Root of the Quantplug SPI: the API version and what every extension provider shares.
 *
 * <p>A plugin registers a provider, a stateless factory that describes itself with an
 * {@link io.quantplug.api.ExtensionDescriptor} and creates instances from validated parameters:
 *
 * <pre>{@code
 * public final class SmaCrossoverProvider implements StrategyProvider {
 *     public ExtensionDescriptor descriptor() {
 *         return new ExtensionDescriptor("sma-crossover", "SMA crossover",
 *                 "Long when the fast SMA crosses above the slow one.",
 *                 ParameterSchema.of(ParameterSpec.integer("fast").defaultValue(10).range(1, 1000)
 *                         .unit("bars").description("fast SMA length").build()));
 *     }
 *     public Strategy create(StrategyContext context) { ... }
 * }
 * }</pre>
 *
 * and lists it in {@code META-INF/services/io.quantplug.api.strategy.StrategyProvider}.
 */
package io.quantplug.api;
