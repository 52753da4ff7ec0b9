/**
 * The runtime's front door for embedding: {@link io.quantplug.runtime.Platform} runs backtests inside another Java
 * application, with strategies from the application's class path and, optionally, from a plugins directory; and
 * {@link io.quantplug.runtime.QuantplugException}, the base of every exception the runtime throws.
 *
 * <pre>{@code
 * try (Platform platform = Platform.builder()
 *         .classPathExtensions()                      // providers in META-INF/services
 *         .pluginsDirectory(Path.of("plugins"))       // optional: PF4J plugin jars
 *         .build()) {
 *     platform.catalog().all().forEach(e -> System.out.println(e.kind().label() + " " + e.id()));
 *     BacktestResult result = platform.backtest(config, Path.of("BTCUSDT_1m.csv"));
 * }
 * }</pre>
 */
package io.quantplug.runtime;
