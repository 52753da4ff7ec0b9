/**
 * Binance's REST API for spot and USD&#9416;-M futures on the JDK's {@code java.net.http} client and Jackson:
 * request signing (HMAC-SHA256, Ed25519), server time, request-weight limiting and back-off with Resilience4j,
 * typed errors, and the endpoints an exchange adapter needs.
 *
 * <pre>{@code
 * BinanceCredentials credentials = BinanceCredentials.fromEnvironment(System::getenv).orElse(null);
 * BinanceTransport transport = new BinanceTransport(HttpClient.newHttpClient(),
 *         BinanceMarket.SPOT.restUrl(BinanceNetwork.TESTNET), BinanceMarket.SPOT, credentials,
 *         new ServerClock(Clock.systemUTC()), RestSettings.defaults());
 * BinanceRestClient rest = new BinanceRestClient(transport);
 * List<Bar> bars = rest.klines(InstrumentId.of("BTCUSDT", "BINANCE"), Timeframe.M1, from, to);
 * }</pre>
 */
package io.quantplug.plugins.binance.rest;
