/**
 * The Binance exchange adapter plugin: spot and USD&#9416;-M futures over Binance's public REST and WebSocket APIs.
 *
 * <p>Sub-packages: {@code rest} (signed and public endpoints, request weight, server time) and {@code stream}
 * (market and user data streams, the local order book).
 *
 * <pre>{@code
 * ExchangeAdapterProvider provider = new BinanceAdapterProvider();      // environment, system clock, new HttpClient
 * BinanceAdapter binance = (BinanceAdapter) provider.create(provider.descriptor().parameters()
 *         .resolve(Map.of("market", "spot", "network", "testnet")));
 * List<Instrument> instruments = binance.instruments();
 * BinanceRestClient rest = binance.rest();                              // depth snapshots, server time, listen keys
 *
 * // live: closed 1m klines, trades and a 10-level book of BTCUSDT, and (with API keys) the account's order events
 * binance.connect(List.of(InstrumentId.of("BTCUSDT", "BINANCE")), Timeframe.M1, exchangeListener);
 * binance.submit(order);                                                // its events arrive once, on the listener
 * binance.close();                                                      // sockets, listen key, scheduler
 *
 * // recording (another adapter): the streams' messages unchanged, a depth snapshot after each (re)connect
 * recorder.connectRaw(List.of(InstrumentId.of("BTCUSDT", "BINANCE")), List.of("trade", "depth", "bookTicker"),
 *         rawMarketListener);
 * }</pre>
 *
 * Parameters of {@code connect}: {@code streams} ({@code kline,trade,depth} by default) and {@code bookLevels}
 * (10). Each {@code connect} opens one market connection to {@code <streamUrl>/stream} and, with credentials, one
 * user data connection to {@code <streamUrl>/ws/<listenKey>}.
 */
package io.quantplug.plugins.binance;
