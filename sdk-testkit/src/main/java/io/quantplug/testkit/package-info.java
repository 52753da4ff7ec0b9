/**
 * The Quantplug test kit: backtests a plugin's strategy inside a plain JUnit test, with the runtime's engine,
 * simulated venue and metrics, from the provider class or from the plugin's built jar; and fakes of the contexts the
 * engine hands a plugin, for unit tests of one rule, sizer or strategy without a backtest.
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
 *         assertThat(run.closedTrades()).hasSize(2);
 *         assertThat(run.closedTrades().get(0).entryBar()).isEqualTo(23);
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.quantplug.testkit.PluginBacktest}: the fluent builder; {@code run()} gives a
 *       {@link io.quantplug.testkit.BacktestRun} with trades ({@link io.quantplug.testkit.ClosedTrade}), a summary, signals, fills and the events its risk rules
 *       reported ({@code riskEvents()}, each with the rule's id);</li>
 *   <li>{@link io.quantplug.testkit.SwapRehearsal}: a hot swap rehearsed (the old build's snapshot restored into
 *       the new build's instance between two bars), compared with an uninterrupted run;</li>
 *   <li>{@link io.quantplug.testkit.PluginJar}: loads the built jar through the platform's plugin host, so the
 *       test covers the manifest, the provider files and the packaging too;</li>
 *   <li>{@link io.quantplug.testkit.TestData}: data files kept outside the project, skipped when absent (failed on
 *       CI).</li>
 * </ul>
 *
 * <p>Unit tests without a backtest use the fakes: mutable on purpose, not thread-safe, with no logic beyond what an
 * assertion needs (nothing fills, nothing is marked to market: the test states the account the plugin sees).
 *
 * <pre>{@code
 * FakeRiskContext ctx = new FakeRiskContext(new FakePortfolio().equity("10000").withPosition(btc, "3"));
 * RiskDecision d = rule.check(OrderIntents.market(ctx.portfolio(), btc, Side.BUY, "2", "200"), ctx);
 * assertThat(d).isInstanceOf(RiskDecision.Reject.class);
 * assertThat(ctx.reported()).isEmpty();
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.quantplug.testkit.FakePortfolio} and {@link io.quantplug.testkit.FakePosition}: an account whose
 *       cash, equity and positions the test sets with exact decimals;</li>
 *   <li>{@link io.quantplug.testkit.FakeRiskContext}: clock, account, last prices and instruments for a risk rule;
 *       records the events it reports and the closes it asks for;</li>
 *   <li>{@link io.quantplug.testkit.FakeStrategyContext}: clock, instrument, history, account and parameters for a
 *       strategy; records the signals, orders, cancels and timers;</li>
 *   <li>{@link io.quantplug.testkit.FakeSizingContext}: instrument, history, account and reference price for a
 *       sizer or an enhancer; {@link io.quantplug.testkit.FakeBarHistory}: bars the test adds;</li>
 *   <li>{@link io.quantplug.testkit.OrderIntents}: the order intent a rule checks, built as the engine builds it;
 *       {@link io.quantplug.testkit.TestParameters}: a provider's parameters, validated by its own schema.</li>
 * </ul>
 *
 * <p>Plugin projects get the test kit at test scope from {@code quantplug-plugin-parent}; it brings the runtime,
 * which never becomes a dependency of the plugin jar.
 */
package io.quantplug.testkit;
