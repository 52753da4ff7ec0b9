package io.quantplug.plugins.binance.rest;

import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import io.quantplug.sdk.book.DepthSnapshot;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The REST client as the stream half's {@code DepthSnapshotSource} and {@code ListenKeySource}, against the test
 * server: a recorded spot depth answer (cryptofeed capture of NKNUSDT, limit 1000) and the listen-key endpoints.
 */
class StreamEndpointsTest {

    @Test
    void depthSnapshotAsksForAThousandLevelsOffTheCallersThreadAndDecodesTheRecordedAnswer() throws Exception {
        String body = Fixtures.cryptofeedBodies(Fixtures.CRYPTOFEED_SPOT_DEPTH)
                .get("https://api.binance.com/api/v3/depth?symbol=NKNUSDT&limit=1000");
        try (BinanceTestServer server = BinanceTestServer.spot("{\"symbols\":[]}").depth("NKNUSDT", body)) {
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, TestClients.quick());
            String[] thread = new String[1];
            DepthSnapshot snapshot = client.fetch("NKNUSDT").thenApply(s -> {
                thread[0] = Thread.currentThread().getName();
                return s;
            }).get(10, TimeUnit.SECONDS);
            // values read from the capture by hand: lastUpdateId, 609 bids, 1000 asks, best levels
            assertThat(snapshot.lastUpdateId()).isEqualTo(499_869_752L);
            assertThat(snapshot.bidCount()).isEqualTo(609);
            assertThat(snapshot.askCount()).isEqualTo(1000);
            assertThat(snapshot.bidPrices()[0]).isEqualTo(0.3521);
            assertThat(snapshot.bidQuantities()[0]).isEqualTo(672.0);
            assertThat(snapshot.askPrices()[0]).isEqualTo(0.3525);
            assertThat(snapshot.askQuantities()[0]).isEqualTo(3959.0);
            assertThat(thread[0]).isNotEqualTo(Thread.currentThread().getName());
            assertThat(server.requests()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/api/v3/depth");
                assertThat(r.rawQuery()).isEqualTo("symbol=NKNUSDT&limit=1000");
            });
        }
    }

    @Test
    void aFailedSnapshotCompletesTheFutureExceptionally() {
        try (BinanceTestServer server = BinanceTestServer.spot("{\"symbols\":[]}")) {
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, TestClients.quick());
            assertThat(client.fetch("BTCUSDT")).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
                    .havingCause().isInstanceOf(BinanceApiException.class).withMessageContaining("-1121");
        }
    }

    @Test
    void spotListenKeyIsCreatedKeptAliveAndClosedWithTheApiKeyOnly() {
        try (BinanceTestServer server = BinanceTestServer.spot("{\"symbols\":[]}")) {
            BinanceRestClient client = TestClients.hmac(server, BinanceMarket.SPOT);
            String key = client.create();
            assertThat(key).isEqualTo("listenKey-1");
            client.keepAlive(key);
            client.close(key);
            assertThatThrownBy(() -> client.keepAlive(key)).isInstanceOf(BinanceApiException.class)
                    .satisfies(e -> assertThat(((BinanceApiException) e).code()).isEqualTo(-1125))
                    .hasMessageNotContaining(key);
            assertThat(server.requests()).extracting(r -> r.method() + " " + r.path() + "?" + r.rawQuery())
                    .containsExactly("POST /api/v3/userDataStream?null",
                            "PUT /api/v3/userDataStream?listenKey=listenKey-1",
                            "DELETE /api/v3/userDataStream?listenKey=listenKey-1",
                            "PUT /api/v3/userDataStream?listenKey=listenKey-1");
        }
    }

    @Test
    void usdmListenKeyUsesFapiAndNamesNoKey() {
        try (BinanceTestServer server = BinanceTestServer.usdm("{\"symbols\":[]}")) {
            BinanceRestClient client = TestClients.hmac(server, BinanceMarket.USDM);
            String key = client.create();
            client.keepAlive(key);
            client.close(key);
            assertThat(server.requests()).extracting(r -> r.method() + " " + r.path() + "?" + r.rawQuery())
                    .containsExactly("POST /fapi/v1/listenKey?null", "PUT /fapi/v1/listenKey?null",
                            "DELETE /fapi/v1/listenKey?null");
        }
    }

    @Test
    void aWrongApiKeyIsRefusedAndNoCredentialsFailBeforeSending() {
        try (BinanceTestServer server = BinanceTestServer.spot("{\"symbols\":[]}")) {
            server.acceptHmac("another-key", "s");
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT,
                    new BinanceCredentials(TestClients.KEY, new HmacSha256Signer(TestClients.SECRET)),
                    TestClients.quick());
            assertThatThrownBy(client::create).isInstanceOf(BinanceApiException.class).hasMessageContaining("-2015")
                    .hasMessageNotContaining(TestClients.KEY);
            BinanceRestClient anonymous = TestClients.client(server, BinanceMarket.SPOT, null, TestClients.quick());
            assertThatThrownBy(anonymous::create).isInstanceOf(BinanceException.class)
                    .hasMessageContaining("needs API credentials");
        }
    }
}
