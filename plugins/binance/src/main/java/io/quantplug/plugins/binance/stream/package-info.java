/**
 * Binance's WebSocket side: market streams into bars, trades and a local order book, the user data stream into
 * order events and balances, market streams passed on unchanged for recording ({@link
 * io.quantplug.plugins.binance.stream.RawStreamHandler}), and the connection that keeps them up.
 *
 * <p>Wiring, as the adapter's {@code connect} does it (the REST client supplies depth snapshots and listen keys):
 * <pre>{@code
 * ScheduledExecutorService scheduler = ...;                 // owned and shut down by the adapter
 * HttpClient http = HttpClient.newHttpClient();
 * MarketStreamHandler market = new MarketStreamHandler(new MarketStreamDecoder(new JsonFactory()), "BINANCE",
 *         SequenceRule.SPOT, restClient,                       // the REST client is the DepthSnapshotSource
 *         exchangeListener, null, System::nanoTime, 10, 10_000, TimeUnit.SECONDS.toNanos(1));
 * market.track("BTCUSDT");
 * StreamConnection streams = new StreamConnection(http, () -> URI.create("wss://stream.binance.com:9443/stream"),
 *         List.of("btcusdt@kline_1m", "btcusdt@trade", "btcusdt@depth@100ms"), market,
 *         exchangeListener::onConnectionChange, scheduler, System::nanoTime, StreamSettings.defaults());
 * streams.open();
 *
 * // restClient is also the ListenKeySource
 * UserDataStream account = new UserDataStream(http, URI.create("wss://stream.binance.com:9443/ws/"),
 *         restClient, new UserDataDecoder(new ObjectMapper(), "BINANCE"), userDataListener,
 *         exchangeListener::onConnectionChange, scheduler, System::nanoTime,
 *         new StreamSettings(StreamSettings.NEVER_STALE, ...), Duration.ofMinutes(30));
 * account.open();
 * }</pre>
 *
 * Threading: each connection delivers its messages one at a time on the HTTP client's threads; the handler, its
 * books and decoders belong to that connection. Listener calls come from those threads.
 */
package io.quantplug.plugins.binance.stream;
