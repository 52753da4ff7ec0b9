/**
 * Streaming readers of tick and order-book data files, each holding one line at a time and refusing a malformed line
 * with a {@link io.quantplug.sdk.marketdata.MarketDataFileException} whose message starts with {@code FILE:LINE:}:
 * <ul>
 *   <li>{@link io.quantplug.sdk.marketdata.BinanceRecordingReader}: recorded Binance streams
 *       ({@code <local ns> <raw JSON>} per line: trades, aggregate trades, diff depth, bookTicker, REST depth
 *       snapshots), decoded by the binance plugin's own decoder;</li>
 *   <li>{@link io.quantplug.sdk.marketdata.TradeCsvReader}: Tardis {@code trades} CSV into
 *       {@link io.quantplug.api.market.TradeTick}s;</li>
 *   <li>{@link io.quantplug.sdk.marketdata.BookSnapshotCsvReader}: Tardis {@code book_snapshot_N} CSV into
 *       {@link io.quantplug.api.market.OrderBookSnapshot}s.</li>
 * </ul>
 *
 * <pre>{@code
 * try (TradeCsvReader trades = TradeCsvReader.open(Path.of("trades.csv.gz"))) {
 *     while (trades.next()) {
 *         strategy.onTrade(trades.trade());
 *     }
 * }
 * }</pre>
 *
 * Readers are not thread-safe; each is read by one thread.
 */
package io.quantplug.sdk.marketdata;
