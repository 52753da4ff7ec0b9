package io.quantplug.plugins.binance.rest;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each injected fault is answered as {@link BinanceTransport} documents, and the client works again afterwards. */
class FaultHandlingTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");

    private static BinanceTestServer server() {
        BinanceTestServer server = BinanceTestServer.spot(Fixtures.text(Fixtures.NAUTILUS_SPOT_INFO_BTC_ETH));
        server.venue().setBalance("USDT", "1000");
        return server;
    }

    private static void awaitOpen(BinanceTransport transport) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() <= transport.backoffUntilMillis()) {
            assertThat(System.currentTimeMillis()).as("back-off ends within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void http429IsRetriedAfterRetryAfterSeconds() {
        try (BinanceTestServer server = server()) {
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, TestClients.quick());
            server.throttleNext(1, 1);
            assertThat(client.instruments()).hasSize(2);
            List<BinanceTestServer.Received> sent = server.requests();
            assertThat(sent).hasSize(2);
            assertThat(sent.get(1).atMillis() - sent.get(0).atMillis()).isGreaterThanOrEqualTo(1_000);
        }
    }

    @Test
    void http429WithALongerRetryAfterThanAllowedFailsAndHoldsEveryRequest() throws Exception {
        try (BinanceTestServer server = server()) {
            RestSettings noWait = new RestSettings(5_000, Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(5));
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, noWait);
            server.throttleNext(1, 1);
            assertThatThrownBy(client::serverTime).isInstanceOfSatisfying(BinanceRateLimitedException.class,
                    e -> assertThat(e.httpStatus()).isEqualTo(429));
            assertThatThrownBy(client::serverTime).isInstanceOf(BinanceRateLimitedException.class);
            assertThat(server.requests()).hasSize(1);
            awaitOpen(client.transport());
            assertThat(client.serverTime()).isPositive();
        }
    }

    @Test
    void http418BanSendsNothingUntilItEndsThenResumes() throws Exception {
        try (BinanceTestServer server = server()) {
            RestSettings noWait = new RestSettings(5_000, Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(5));
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, noWait);
            server.ban(2);
            assertThatThrownBy(client::instruments).isInstanceOfSatisfying(BinanceRateLimitedException.class, e -> {
                assertThat(e.banned()).isTrue();
                assertThat(e.retryAtMillis()).isGreaterThan(System.currentTimeMillis() + 1_000);
            });
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(client::instruments).isInstanceOf(BinanceRateLimitedException.class);
            }
            assertThat(server.requests()).as("nothing sent during the ban").hasSize(1);
            awaitOpen(client.transport());
            assertThat(client.instruments()).hasSize(2);
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void http418BanShorterThanMaxBackoffIsWaitedOut() {
        try (BinanceTestServer server = server()) {
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, TestClients.quick());
            server.ban(1);
            assertThat(client.instruments()).hasSize(2);
            List<BinanceTestServer.Received> sent = server.requests();
            assertThat(sent).hasSize(2);
            assertThat(sent.get(1).atMillis() - sent.get(0).atMillis()).isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void error1021ResyncsTheServerTimeAndRetriesOnce() {
        try (BinanceTestServer server = server()) {
            BinanceRestClient client = TestClients.hmac(server, BinanceMarket.SPOT);
            assertThat(client.balances()).hasSize(1);
            int before = server.requests().size();
            server.skew(30_000);
            assertThat(client.balances()).hasSize(1);
            List<String> paths = server.requests().subList(before, server.requests().size()).stream()
                    .map(BinanceTestServer.Received::path).toList();
            assertThat(paths).containsExactly("/api/v3/account", "/api/v3/time", "/api/v3/account");
            assertThat(client.transport().serverClock().offsetMillis()).isBetween(29_000L, 31_000L);
        }
    }

    @Test
    void aSlowAnswerFailsWithinTheTimeoutAndTheNextCallWorks() {
        try (BinanceTestServer server = server()) {
            RestSettings fast = new RestSettings(5_000, Duration.ofMillis(300), Duration.ofSeconds(5),
                    Duration.ofSeconds(5));
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, fast);
            server.delay(1_500);
            assertThatThrownBy(client::serverTime).isInstanceOf(BinanceException.class)
                    .hasMessageContaining("no answer within 300 ms");
            server.delay(0);
            assertThat(client.serverTime()).isPositive();
        }
    }

    @Test
    void usedWeightHeaderIsTrackedAndNarrowsTheLimiter() {
        try (BinanceTestServer server = server()) {
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, TestClients.quick());
            server.reportWeight(5_990);
            client.serverTime();
            WeightUsage usage = client.transport().usage();
            assertThat(usage.usedWeight1m()).isEqualTo(5_990);
            assertThat(usage.availableWeight()).isLessThanOrEqualTo(10);
            // a fresh client told 5990 of 6000 are used refuses exchangeInfo (weight 20) rather than send it
            RestSettings shortWait = new RestSettings(5_000, Duration.ofSeconds(5), Duration.ofSeconds(5),
                    Duration.ofMillis(100));
            BinanceRequestBudget.assertRefused(server, shortWait);
        }
    }

    /** A separate client whose limiter has been told 5990 of 6000 are used. */
    private static final class BinanceRequestBudget {
        static void assertRefused(BinanceTestServer server, RestSettings settings) {
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, settings);
            client.serverTime();
            int before = server.requests().size();
            assertThatThrownBy(client::instruments).isInstanceOf(BinanceException.class)
                    .hasMessageContaining("request-weight budget");
            assertThat(server.requests()).hasSize(before);
        }
    }
}
