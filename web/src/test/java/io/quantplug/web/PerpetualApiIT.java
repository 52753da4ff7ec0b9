package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.cli.QuantplugCli;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.testsupport.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A single-instrument perpetual backtest and a paper instance through the API over real HTTP ({@code "market":
 * "usdm"} with leverage, margin mode and the recorded funding inline), on the real BTCUSDT perpetual hourly bars of
 * 2023: the API's result equals {@code quantplug backtest --market usdm} on the same file, trade for trade and
 * payment for payment (that run is checked by hand in {@code PerpetualBacktestIT}); the paper instance's stored run
 * equals it too; bad requests are refused naming the field.
 */
class PerpetualApiIT {

    private static final String BARS = "binance-usdm-perp-1h-1d-2020-2024/BTCUSDT_1h.csv";
    private static final String FUNDING = "binance-usdm-funding-rates/BTCUSDT_funding_rate_pct_2022-11_2025-11.json";
    private static TestServer server;
    private static String trader;
    private static Path bars;
    private static String body;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(List.of("sma-crossover", "risk-basics"), Clock.systemUTC());
        trader = server.token("trader");
        List<String> lines = Files.readAllLines(SharedData.require(BARS));
        StringBuilder year = new StringBuilder(lines.get(0)).append('\n');
        lines.stream().filter(l -> l.startsWith("2023-")).forEach(l -> year.append(l).append('\n'));
        bars = Files.writeString(Files.createDirectories(server.home.resolve("in")).resolve("BTCUSDT_1h.csv"), year);
        TestServer.Response up = server.upload("/api/datasets", trader, "BTCUSDT_1h.csv", Files.readAllBytes(bars));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        body = """
                {"strategy": "sma-crossover", "dataset": "BTCUSDT_1h.csv", "market": "usdm", "leverage": 20,
                 "marginMode": "isolated", "funding": {"unit": "percent", "rates": %s}}"""
                .formatted(Files.readString(SharedData.require(FUNDING)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The command line's {@code result.json} of the same run. */
    private static JsonNode commandLine() throws IOException {
        Path out = server.home.resolve("cli-out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = QuantplugCli.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "backtest", "--data", bars.toString(),
                "--symbol", "BTCUSDT", "--strategy", "sma-crossover", "--market", "usdm", "--leverage", "20",
                "--margin-mode", "isolated", "--funding", SharedData.require(FUNDING).toString(), "--funding-unit",
                "percent", "--no-store", "--out", out.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return Json.MAPPER.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(out.resolve("result.json").toFile());
    }

    /** The trades and the perpetual block of two result documents agree, numbers by value. */
    private static void sameTrading(JsonNode served, JsonNode expected) {
        assertThat(served.get("trades").size()).isPositive();
        assertThat(served.get("trades").equals(JsonByValue.COMPARATOR, expected.get("trades")))
                .as("trades: served %.300s, expected %.300s", served.get("trades"), expected.get("trades")).isTrue();
        JsonNode p = served.get("perpetual");
        assertThat(p.get("leverage").asInt()).isEqualTo(20);
        assertThat(p.get("marginMode").asText()).isEqualTo("ISOLATED");
        assertThat(p.get("liquidations").size()).isPositive();
        assertThat(p.equals(JsonByValue.COMPARATOR, expected.get("perpetual")))
                .as("perpetual: served %.300s, expected %.300s", p, expected.get("perpetual")).isTrue();
    }

    @Test
    void aPerpetualBacktestThroughTheApiEqualsTheCommandLinesRun() throws IOException {
        TestServer.Response created = server.send("POST", "/api/backtests", trader, body);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long id = created.json().get("id").asLong();
        JsonNode job = server.awaitJob(trader, id);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        JsonNode result = server.send("GET", "/api/backtests/" + id + "/result", trader, null).json();
        assertThat(result.at("/run/instrument").asText()).isEqualTo("BTCUSDT.BINANCE");
        assertThat(result.get("perpetual").get("liquidations").size()).isPositive();

        JsonNode cli = commandLine();
        sameTrading(result, cli);
        ResultDocument stored = server.store.runs().document(job.get("runId").asLong()).orElseThrow();
        assertThat(stored.perpetual().liquidations()).hasSize(cli.get("perpetual").get("liquidations").size());
    }

    @Test
    void aPaperInstanceTradesThePerpetualAsTheBacktestDoes() throws IOException {
        TestServer.Response created = server.send("POST", "/api/instances", trader,
                body.replace("\"strategy\"", "\"speed\": 100000, \"strategy\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(server.send("POST", "/api/instances/" + id + "/start", trader, null).status()).isEqualTo(200);
        JsonNode view = server.await("/api/instances/" + id, trader, Duration.ofSeconds(60),
                v -> !v.get("status").asText().equals("RUNNING") && !v.get("status").asText().equals("CREATED"));
        assertThat(view.get("status").asText()).as(view.toString()).isEqualTo("COMPLETED");
        RunStore.RunSummary run = server.store.runs().summary(view.get("runId").asLong()).orElseThrow();
        assertThat(run.mode()).isEqualTo(RunStore.Mode.PAPER);
        ResultDocument stored = server.store.runs().document(run.id()).orElseThrow();
        sameTrading(Json.MAPPER.valueToTree(stored), commandLine());
    }

    @Test
    void badPerpetualRequestsNameTheField() {
        assertRefused("{\"strategy\": \"sma-crossover\", \"dataset\": \"BTCUSDT_1h.csv\", \"leverage\": 5}", "market",
                "go with market usdm");
        assertRefused(body.replace("\"usdm\"", "\"coinm\""), "market", "market must be spot or usdm");
        assertRefused(body.replace("\"leverage\": 20", "\"leverage\": 126"), "leverage",
                "outside BTCUSDT's limit: 1 to 125");
        assertRefused(body.replace("\"isolated\"", "\"hedged\""), "marginMode", "cross or isolated");
        assertRefused("{\"strategy\": \"sma-crossover\", \"dataset\": \"BTCUSDT_1h.csv\", \"market\": \"usdm\"}",
                "funding", "needs the recorded funding rates");
        assertRefused("{\"strategy\": \"sma-crossover\", \"dataset\": \"BTCUSDT_1h.csv\", \"market\": \"usdm\","
                + " \"funding\": {\"rates\": [[1672531200000, 0.0001], [1672560000000, 0.0001]]}}", "funding",
                "do not cover the bars");
    }

    private static void assertRefused(String request, String field, String message) {
        TestServer.Response r = server.send("POST", "/api/backtests", trader, request);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.body()).contains(message);
    }
}
