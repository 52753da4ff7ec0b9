package io.quantplug.plugins.binance.rest;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import io.quantplug.plugins.binance.testserver.KlineArchive;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Klines downloaded through the client from the test server equal the CSV rows they were served from. */
class KlineDownloadTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");

    private static void assertEqualsRows(List<Bar> bars, List<KlineArchive.Row> rows) {
        assertThat(bars).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            KlineArchive.Row r = rows.get(i);
            Bar b = bars.get(i);
            assertThat(b.openTimeMillis()).isEqualTo(r.openTime());
            assertThat(b.open()).isEqualTo(Double.parseDouble(r.open()));
            assertThat(b.high()).isEqualTo(Double.parseDouble(r.high()));
            assertThat(b.low()).isEqualTo(Double.parseDouble(r.low()));
            assertThat(b.close()).isEqualTo(Double.parseDouble(r.close()));
            assertThat(b.volume()).isEqualTo(Double.parseDouble(r.volume()));
        }
    }

    @Test
    void spotDownloadSpanningFivePagesEqualsTheCsv() {
        KlineArchive archive = KlineArchive.read(Fixtures.path(Fixtures.BTC_2022));
        long from = Instant.parse("2022-06-20T00:00:00Z").toEpochMilli();
        long to = from + 4_321 * 60_000L; // 4321 bars: five requests of at most 1000
        try (BinanceTestServer server = BinanceTestServer.spot("{\"symbols\":[]}").klines("BTCUSDT", archive)) {
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, TestClients.quick());
            List<Bar> bars = client.klines(BTC, Timeframe.M1, from, to);
            assertEqualsRows(bars, archive.between(from, to - 1, Integer.MAX_VALUE));
            assertThat(bars).hasSize(4_321);
            assertThat(server.requests()).filteredOn(r -> r.path().equals("/api/v3/klines")).hasSize(5)
                    .allMatch(r -> r.rawQuery().contains("limit=1000"));
            assertThat(client.transport().usage().usedWeight1m()).isPositive();
        }
    }

    @Test
    void usdmPagesAre1500AndTheGapsOfTheArchiveStayGaps() {
        // the 2021 block misses 2021-04-20 02:00 .. 04:29 (150 minutes, exchange maintenance)
        KlineArchive archive = KlineArchive.read(Fixtures.path(Fixtures.BTC_2021));
        long from = Instant.parse("2021-04-19T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2021-04-21T12:00:00Z").toEpochMilli();
        try (BinanceTestServer server = BinanceTestServer.usdm("{\"symbols\":[]}").klines("BTCUSDT", archive)) {
            BinanceRestClient client = TestClients.client(server, BinanceMarket.USDM, null, TestClients.quick());
            List<Bar> bars = client.klines(InstrumentId.of("BTCUSDT", "BINANCE_USDM"), Timeframe.M1, from, to);
            List<KlineArchive.Row> rows = archive.between(from, to - 1, Integer.MAX_VALUE);
            assertThat(rows).hasSize(3_600 - 150);
            assertEqualsRows(bars, rows);
            assertThat(server.requests()).filteredOn(r -> r.path().equals("/fapi/v1/klines")).hasSize(3)
                    .allMatch(r -> r.rawQuery().contains("limit=1500"));
        }
    }

    @Test
    void theStillOpenKlineAtServerTimeIsDropped() {
        KlineArchive archive = KlineArchive.read(Fixtures.path(Fixtures.BTC_2022));
        long serverNow = Instant.parse("2022-06-20T10:00:30Z").toEpochMilli(); // the 10:00 kline is open
        long from = Instant.parse("2022-06-20T09:00:00Z").toEpochMilli();
        try (BinanceTestServer server = BinanceTestServer.spot("{\"symbols\":[]}").klines("BTCUSDT", archive)
                .clock(() -> serverNow)) {
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, TestClients.quick());
            client.transport().syncTime();
            List<Bar> bars = client.klines(BTC, Timeframe.M1, from, from + 3 * 3_600_000L);
            // the server sent 61 klines (09:00 .. 10:00); the 10:00 one is still open and is dropped
            assertThat(bars).hasSize(60);
            assertThat(bars.get(59).openTime()).isEqualTo(Instant.parse("2022-06-20T09:59:00Z"));
        }
    }

    @Test
    void aTimeframeBinanceDoesNotOfferIsRefused() {
        try (BinanceTestServer server = BinanceTestServer.spot("{\"symbols\":[]}")) {
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, null, TestClients.quick());
            assertThatThrownBy(() -> client.klines(BTC, Timeframe.parse("2m"), 0, 60_000))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2m");
        }
    }
}
