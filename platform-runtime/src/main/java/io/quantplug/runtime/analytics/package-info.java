/**
 * What a session produced, in analysable form: closed round trips, the equity curve and performance metrics.
 *
 * <pre>{@code
 * PerformanceMetrics m = MetricsCalculator.compute(result.equity(), result.trades(), Timeframe.M1, barsInMarket);
 * System.out.println(m.sharpe() + " " + m.maxDrawdown());
 * }</pre>
 */
package io.quantplug.runtime.analytics;
