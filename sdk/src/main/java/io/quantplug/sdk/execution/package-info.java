/**
 * Execution algorithms any strategy can run for a large order: {@link io.quantplug.sdk.execution.Twap} (equal
 * slices over time), {@link io.quantplug.sdk.execution.Vwap} (slices by a recorded
 * {@link io.quantplug.sdk.execution.VolumeCurve}) and {@link io.quantplug.sdk.execution.Iceberg} (one clip shown at
 * a time). Each sends its child orders through the strategy's context, so they pass every risk rule, and reports
 * its fills and its slippage against the arrival price when done
 * ({@link io.quantplug.api.strategy.StrategyContext#reportExecution}), which {@code result.json} lists under
 * {@code executions}.
 *
 * <pre>{@code
 * private Twap twap;
 *
 * public void onOrderBook(OrderBookView book) {
 *     if (twap == null && shouldBuy(book)) {
 *         twap = new Twap(ctx, "entry", Side.BUY, new BigDecimal("0.5"), 60_000, 6);
 *         twap.start(book.midPrice());
 *     }
 * }
 * public void onTimer(TimerEvent timer)      { if (twap != null) twap.onTimer(timer); }
 * public void onOrderEvent(OrderEvent event) { if (twap != null) twap.onOrderEvent(event); }
 * }</pre>
 */
package io.quantplug.sdk.execution;
