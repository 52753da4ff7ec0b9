/**
 * Binance market-stream JSON, decoded once for the live adapter and for recordings: {@link
 * io.quantplug.sdk.marketdata.binance.MarketStreamDecoder} (trade, aggTrade, depthUpdate, bookTicker, kline; one
 * message at a time into reused fields) and {@link io.quantplug.sdk.marketdata.binance.DepthSnapshotDecoder} (REST
 * depth snapshots).
 *
 * <pre>{@code
 * MarketStreamDecoder decoder = new MarketStreamDecoder(new JsonFactory());
 * if (decoder.decode(text) == MarketMessageKind.DEPTH_UPDATE) {
 *     sequencer.accept(decoder.depthUpdate());              // io.quantplug.sdk.book.DepthSequencer
 * }
 * }</pre>
 *
 * Threading: a decoder is owned by one thread; {@code DepthSnapshotDecoder} is thread-safe.
 */
package io.quantplug.sdk.marketdata.binance;
