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
 * URI streams = binance.streamUrl();
 * }</pre>
 */
package io.quantplug.plugins.binance;
