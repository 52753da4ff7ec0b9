package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bounded work (finding 3 of the console's review): backtests queued per user and per server, instances running per
 * user and per server, each refused with 429 and {@code Retry-After} while nothing changes; a finished job keeps
 * only its summary and still serves its result and bars (read again from the store and the data set).
 */
class WorkLimitsIT {

    private static final String MARCH = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    private static final String DATA_SET = "BTCUSDT_1m_20230301_20230321.csv";
    private static final String RUN = "{\"strategy\":\"sma-crossover\",\"parameters\":{\"fast\":\"10\",\"slow\":"
            + "\"30\"},\"dataset\":\"" + DATA_SET + "\"";

    @Test
    void instancesRunWithinTheirLimits() throws IOException {
        ServerLimits limits = ServerLimits.defaults().with("runningInstancesPerUser", "2")
                .with("runningInstances", "3");
        try (TestServer server = TestServer.start(List.of("sma-crossover"), Clock.systemUTC(), limits, List.of())) {
            String trader = server.token("trader");
            String admin = server.token("admin");
            upload(server, trader);
            long[] mine = new long[3];
            for (int i = 0; i < 3; i++) {
                mine[i] = server.send("POST", "/api/instances", trader, RUN + ",\"speed\":1}").json().get("id")
                        .asLong();
            }
            assertThat(server.send("POST", "/api/instances/" + mine[0] + "/start", trader, null).status())
                    .isEqualTo(200);
            assertThat(server.send("POST", "/api/instances/" + mine[1] + "/start", trader, null).status())
                    .isEqualTo(200);
            TestServer.Response third = server.send("POST", "/api/instances/" + mine[2] + "/start", trader, null);
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.headers().get("retry-after")).isNotEmpty();
            assertThat(third.json().get("message").asText()).contains("runningInstancesPerUser");
            assertThat(status(server, trader, mine[2])).isEqualTo("CREATED");

            long adminsFirst = server.send("POST", "/api/instances", admin, RUN + ",\"speed\":1}").json().get("id")
                    .asLong();
            long adminsSecond = server.send("POST", "/api/instances", admin, RUN + ",\"speed\":1}").json()
                    .get("id").asLong();
            assertThat(server.send("POST", "/api/instances/" + adminsFirst + "/start", admin, null).status())
                    .isEqualTo(200);
            TestServer.Response full = server.send("POST", "/api/instances/" + adminsSecond + "/start", admin, null);
            assertThat(full.status()).isEqualTo(429);
            assertThat(full.json().get("message").asText()).contains("runningInstances");

            assertThat(server.send("POST", "/api/instances/" + mine[0] + "/stop", trader, null).status())
                    .isEqualTo(200);
            server.await("/api/instances/" + mine[0], trader, Duration.ofSeconds(30),
                    v -> !v.get("status").asText().equals("RUNNING"));
            assertThat(server.send("POST", "/api/instances/" + mine[2] + "/start", trader, null).status())
                    .isEqualTo(200);
            assertThat(server.send("GET", "/api/instances", trader, null).json().findValuesAsText("status")
                    .stream().filter("RUNNING"::equals).count()).isEqualTo(3);
        }
    }

    @Test
    void backtestsQueueWithinTheirLimitsAndFinishedJobsServeTheirResultFromTheStore() throws IOException {
        ServerLimits limits = ServerLimits.defaults().with("backtestsPerUser", "2");
        try (TestServer server = TestServer.start(List.of("sma-crossover"), Clock.systemUTC(), limits, List.of())) {
            String trader = server.token("trader");
            upload(server, trader);
            long first = server.send("POST", "/api/backtests", trader, RUN + "}").json().get("id").asLong();
            long second = server.send("POST", "/api/backtests", trader, RUN + "}").json().get("id").asLong();
            TestServer.Response third = server.send("POST", "/api/backtests", trader, RUN + "}");
            // a backtest of 30,240 bars with every order journaled takes far longer than two requests
            assertThat(third.status()).as(third.body()).isEqualTo(429);
            assertThat(third.headers().get("retry-after")).isNotEmpty();
            assertThat(third.json().get("message").asText()).contains("backtestsPerUser");
            assertThat(server.send("GET", "/api/backtests", trader, null).json()).hasSize(2);

            JsonNode done = ConsoleHardeningIT.waitForJob(server, trader, first);
            assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
            TestServer.Response answer = server.send("GET", "/api/backtests/" + first + "/result", trader, null);
            long runId = done.get("runId").asLong();
            assertThat(answer.body()).isEqualTo(Json.MAPPER.writeValueAsString(server.store.runs().document(runId)
                    .orElseThrow().withEquityPoints(ResultDocument.DEFAULT_EQUITY_POINTS)));
            JsonNode result = answer.json();
            assertThat(result.get("trades").size()).isGreaterThan(100);
            JsonNode bars = server.send("GET", "/api/backtests/" + first + "/bars", trader, null).json();
            assertThat(bars.get("barsPerPoint").asInt()).isEqualTo(8); // 30,240 bars in at most 4,000 candles
            assertThat(bars.get("time").size()).isEqualTo(3_780);
            assertThat(server.send("POST", "/api/backtests/" + second + "/cancel", trader, null).status())
                    .isIn(200, 409);
        }
    }

    private static void upload(TestServer server, String token) throws IOException {
        TestServer.Response up = server.upload("/api/datasets", token, DATA_SET,
                Files.readAllBytes(SharedData.require(MARCH)));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
    }

    private static String status(TestServer server, String token, long id) {
        return server.send("GET", "/api/instances/" + id, token, null).json().get("status").asText();
    }
}
