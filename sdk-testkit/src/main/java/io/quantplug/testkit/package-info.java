/**
 * The Quantplug test kit: backtests a plugin's strategy inside a plain JUnit test, with the runtime's engine,
 * simulated venue and metrics, from the provider class or from the plugin's built jar.
 *
 * <pre>{@code
 * class MyStrategyTest {
 *     @Test
 *     void buysTheBreakoutAndSellsTheBreakdown() {
 *         BacktestRun run = PluginBacktest.of(MyStrategyProvider.class)
 *                 .parameters(Map.of("period", 20))
 *                 .csv(Path.of("src/test/resources/btcusdt-1h.csv"))
 *                 .fees(10)
 *                 .run();
 *         assertThat(run.trades()).hasSize(2);
 *         assertThat(run.barAt(run.trades().get(0).entryTimeMillis())).isEqualTo(23);
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.quantplug.testkit.PluginBacktest}: the fluent builder; {@code run()} gives a
 *       {@link io.quantplug.testkit.BacktestRun} with trades, metrics, signals, fills and the events its risk rules
 *       reported ({@code riskEvents()}, each with the rule's id);</li>
 *   <li>{@link io.quantplug.testkit.PluginJar}: loads the built jar through the platform's plugin host, so the
 *       test covers the manifest, the provider files and the packaging too;</li>
 *   <li>{@link io.quantplug.testkit.TestData}: data files kept outside the project, skipped when absent (failed on
 *       CI).</li>
 * </ul>
 *
 * <p>Plugin projects get the test kit at test scope from {@code quantplug-plugin-parent}; it brings the runtime,
 * which never becomes a dependency of the plugin jar.
 */
package io.quantplug.testkit;
