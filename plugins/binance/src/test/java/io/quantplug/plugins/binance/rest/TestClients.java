package io.quantplug.plugins.binance.rest;

import io.quantplug.plugins.binance.testserver.BinanceTestServer;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** REST clients pointed at a {@link BinanceTestServer}. */
final class TestClients {

    static final String KEY = "test-api-key-0123456789";
    static final String SECRET = "test-secret-abcdefghijklmnopqrstuvwxyz";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestClients() {
    }

    static BinanceRestClient client(BinanceTestServer server, BinanceMarket market, BinanceCredentials credentials,
                                    RestSettings settings) {
        return new BinanceRestClient(new BinanceTransport(HTTP, server.url(), market, credentials,
                new ServerClock(Clock.systemUTC()), settings));
    }

    static BinanceRestClient hmac(BinanceTestServer server, BinanceMarket market) {
        server.acceptHmac(KEY, SECRET);
        return client(server, market, new BinanceCredentials(KEY, new HmacSha256Signer(SECRET)),
                RestSettings.defaults());
    }

    static RestSettings quick() {
        return new RestSettings(5_000, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
