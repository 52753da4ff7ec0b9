/**
 * Market data as the engine delivers it: bars, trades and order-book snapshots. Prices and volumes are
 * {@code double} (market data, not money); times are UTC epoch milliseconds.
 *
 * <pre>{@code
 * Timeframe tf = Timeframe.parse("15m");
 * Bar bar = new Bar(id, tf, 1677628800000L, 23140.48, 23150.77, 23128.52, 23142.31, 2.13);
 * long closesAt = bar.closeTimeMillis();   // open time + 15 minutes
 * }</pre>
 */
package io.quantplug.api.market;
