/**
 * Backtests: run one strategy, or several sharing one account (each on its own or as one signal group under a
 * {@link io.quantplug.runtime.backtest.SignalAggregation}), with optional enhancers, sizer and risk rules, over
 * historical bars on the simulated venue, and get the round trips, equity curve, metrics, the events the risk rules
 * reported and the group's decisions.
 *
 * <pre>{@code
 * BacktestConfig config = new BacktestConfig(instrument, new BigDecimal("10000"), new BigDecimal("10"),
 *         BigDecimal.ZERO, ExtensionRef.parse("sma-crossover:fast=10,slow=30"), List.of(), null, List.of());
 * BacktestResult result = new Backtester(host.catalog()).run(config, Timeframe.M1, bars, BacktestProgress.NONE);
 * System.out.println(result.metrics().sharpe());
 *
 * // three crossovers, trading when at least two agree on a bar
 * BacktestConfig group = config.withStrategies(List.of(ExtensionRef.parse("sma-crossover:fast=10,slow=30"),
 *         ExtensionRef.parse("sma-crossover:fast=12,slow=30"), ExtensionRef.parse("sma-crossover:fast=14,slow=30")),
 *         SignalAggregation.majority());
 * new Backtester(host.catalog()).run(group, Timeframe.M1, bars, BacktestProgress.NONE).decisions()
 *         .forEach(d -> System.out.println(d.outcome()));
 * }</pre>
 */
package io.quantplug.runtime.backtest;
