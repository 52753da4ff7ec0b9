/**
 * Order-flow analytics over trades and order books, streaming and allocation-free on the hot path:
 * {@link io.quantplug.sdk.orderflow.VolumeProfile} (rolling volume by price, point of control, value area),
 * {@link io.quantplug.sdk.orderflow.Footprint} (bid/ask volume by price per time bar, delta, cumulative delta,
 * diagonal imbalances, absorption), {@link io.quantplug.sdk.orderflow.RollingMedian} and
 * {@link io.quantplug.sdk.orderflow.WhaleDetector} (sizes far above the rolling median),
 * {@link io.quantplug.sdk.orderflow.SpoofDetector} (large resting levels canceled soon without trading) and
 * {@link io.quantplug.sdk.orderflow.BookImbalance} (top-N book imbalance). Prices are quote per base, quantities
 * base units, times UTC epoch milliseconds, all {@code double} market data.
 *
 * <pre>{@code
 * VolumeProfile profile = new VolumeProfile(5.0, 300_000, 0.70, 100_000, 4_096); // 5 USDT bins, 5 minutes
 * Footprint footprint = new Footprint(5.0, 60_000, 4_096, 20, 2.0, 1);            // 1-minute bars
 * WhaleDetector whales = new WhaleDetector(500, 10.0);
 * BookImbalance imbalance = new BookImbalance(5);
 * SpoofDetector spoofs = new SpoofDetector(10, 1_000, 10.0, 2_000, 0.8, 64);
 *
 * public void onTrade(TradeTick trade) {
 *     profile.update(trade);
 *     if (footprint.update(trade) && footprint.lastCompleted().absorption() == Absorption.BID_ABSORPTION) {
 *         // sellers were absorbed in the bar that just closed
 *     }
 *     boolean whale = whales.observe(trade.quantity());
 *     spoofs.onTrade(trade.price(), trade.quantity(), trade.aggressor());
 *     double val = profile.valueAreaLow();   // NaN while the window is empty
 * }
 *
 * public void onOrderBook(OrderBookView book) {
 *     double rho = imbalance.compute(book);  // (bids - asks) / (bids + asks) over the best 5 levels
 *     int pulled = spoofs.onBook(book);      // large levels canceled within 2 s, 80 % untraded
 * }
 * }</pre>
 *
 * Not thread-safe: one thread (a strategy's engine thread) owns each instance. No class here reads a clock: time
 * comes with the trades and book updates.
 */
package io.quantplug.sdk.orderflow;
