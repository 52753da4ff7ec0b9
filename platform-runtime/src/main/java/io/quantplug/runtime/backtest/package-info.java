/**
 * Backtests: run one strategy (with optional enhancers, sizer and risk rules) over historical bars on the simulated
 * venue, and get the round trips, equity curve and metrics.
 *
 * <pre>{@code
 * BacktestConfig config = new BacktestConfig(instrument, new BigDecimal("10000"), new BigDecimal("10"),
 *         BigDecimal.ZERO, ExtensionRef.parse("sma-crossover:fast=10,slow=30"), List.of(), null, List.of());
 * BacktestResult result = new Backtester(host.catalog()).run(config, Timeframe.M1, bars, BacktestProgress.NONE);
 * System.out.println(result.metrics().sharpe());
 * }</pre>
 */
package io.quantplug.runtime.backtest;
