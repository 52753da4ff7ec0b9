package io.quantplug.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.plugins.binance.testserver.BinanceTestExchange;
import io.quantplug.plugins.binance.testserver.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console instance on an exchange's live bars, as a user reaches it over the API: the distribution's binance
 * plugin against the local Binance-compatible exchange streaming the real 2022 BTCUSDT one-minute klines. Created
 * with an {@code exchange} instead of a data set (refused when the symbol is not listed), started, watched (bars,
 * connection, builds, its trading gauges at {@code /metrics}), moved to a new build of its strategy's plugin while it
 * runs, and stopped: the run is stored as a {@code PAPER} run, {@code STOPPED}.
 */
class ExchangeInstanceIT {

    private static final long STREAM_FROM = Instant.parse("2022-06-20T00:00:00Z").toEpochMilli();

    private static double gauge(String exposition, String series) {
        return exposition.lines().filter(l -> l.startsWith(series + " ")).map(l -> Double.parseDouble(
                l.substring(series.length() + 1))).findFirst().orElseThrow(() -> new AssertionError(series
                + " not in /metrics"));
    }

    @Test
    void anInstanceOnAnExchangeRunsFollowsItsPluginAndStops() throws Exception {
        try (BinanceTestExchange exchange = BinanceTestExchange.spot()
                .klines("BTCUSDT", Fixtures.BTC_2022, STREAM_FROM).barsPerSecond(40).start();
             TestServer server = TestServer.start(List.of("sma-crossover", "risk-basics", "binance"),
                     Clock.systemUTC())) {
            String trader = server.token("trader");
            String exchangeJson = "\"exchange\":{\"id\":\"binance\",\"parameters\":{\"restUrl\":\""
                    + exchange.restUrl() + "\",\"streamUrl\":\"" + exchange.streamUrl() + "\"},\"warmupBars\":50}";

            TestServer.Response unknown = server.send("POST", "/api/instances", trader, "{\"strategy\":"
                    + "\"sma-crossover\",\"symbol\":\"NOSUCHCOIN\",\"timeframe\":\"1m\"," + exchangeJson + "}");
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
            assertThat(unknown.json().get("field").asText()).isEqualTo("symbol");
            assertThat(unknown.json().get("message").asText()).contains("lists no instrument 'NOSUCHCOIN'");

            TestServer.Response created = server.send("POST", "/api/instances", trader, "{\"strategy\":"
                    + "\"sma-crossover\",\"parameters\":{\"fast\":10,\"slow\":30},\"symbol\":\"BTCUSDT\","
                    + "\"timeframe\":\"1m\"," + exchangeJson + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            assertThat(created.json().get("source").asText()).isEqualTo("binance BTCUSDT 1m (live)");
            assertThat(created.json().get("barsTotal").asLong()).isEqualTo(-1);

            assertThat(server.send("POST", "/api/instances/" + id + "/start", trader, null).status()).isEqualTo(200);
            // 50 warm-up bars from the exchange's history, then the stream
            JsonNode running = server.await("/api/instances/" + id, trader, Duration.ofSeconds(30),
                    v -> v.get("barsDone").asLong() >= 90);
            assertThat(running.get("status").asText()).isEqualTo("RUNNING");
            assertThat(running.get("connection").asText()).startsWith("connected");
            assertThat(running.get("lastPrice").isNumber()).isTrue();
            String original = running.get("pluginVersion").asText();
            String metrics = server.send("GET", "/metrics", null, null).body();
            String tag = "{instance=\"" + id + "\"}";
            assertThat(metrics).contains("quantplug_instance_connected" + tag + " 1.0");
            double equity = gauge(metrics, "quantplug_instance_equity" + tag);
            assertThat(equity).isBetween(5_000.0, 20_000.0); // 10,000 USDT, marked at the last close
            assertThat(gauge(metrics, "quantplug_instance_drawdown" + tag)).isBetween(0.0, 1.0);
            // the local exchange streams 2022's bars now: each is taken years after its close
            assertThat(gauge(metrics, "quantplug_instance_event_lag_seconds" + tag)).isGreaterThan(86_400.0);

            // a higher build of the strategy's plugin dropped beside the running one: the instance moves to it
            Path v2 = SmaBuilds.build(ApiFlowIT.distJar("sma-crossover"), "9.0.0", "v2",
                    Files.createTempFile("sma-v2", ".jar"));
            Path tmp = server.plugins.resolve("sma.jar.tmp");
            Files.copy(v2, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, server.plugins.resolve("sma-crossover-9.0.0.jar"), StandardCopyOption.ATOMIC_MOVE);
            JsonNode swapped = server.await("/api/instances/" + id, trader, Duration.ofSeconds(30),
                    v -> v.get("pluginVersion").asText().equals("9.0.0"));
            assertThat(swapped.get("status").asText()).isEqualTo("RUNNING");
            assertThat(swapped.get("swaps").get(0).get("fromVersion").asText()).isEqualTo(original);
            long done = swapped.get("barsDone").asLong();
            server.await("/api/instances/" + id, trader, Duration.ofSeconds(30),
                    v -> v.get("barsDone").asLong() > done + 10);

            JsonNode stopped = server.send("POST", "/api/instances/" + id + "/stop", trader, null).json();
            assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
            long runId = stopped.get("runId").asLong();
            assertThat(server.store.runs().list()).anySatisfy(r -> {
                assertThat(r.id()).isEqualTo(runId);
                assertThat(r.mode().name()).isEqualTo("PAPER");
                assertThat(r.status().name()).isEqualTo("STOPPED");
            });
        }
    }
}
