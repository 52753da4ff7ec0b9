/**
 * Plugins: PF4J loads jars from a plugins directory; their extension providers are discovered through
 * {@code META-INF/services} descriptors, and the {@link io.quantplug.runtime.plugin.ExtensionCatalog} indexes them by
 * kind and id. Jars that cannot be used are refused with a precise reason while the others load.
 *
 * <pre>{@code
 * try (PluginHost host = PluginHost.open(Path.of("plugins"))) {
 *     host.plugins().forEach(p -> System.out.println(p.id() + " " + p.status() + " " + p.problem()));
 *     StrategyProvider sma = host.catalog().strategy("sma-crossover").orElseThrow();
 * }
 * }</pre>
 */
package io.quantplug.runtime.plugin;
