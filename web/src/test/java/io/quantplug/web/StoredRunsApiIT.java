package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.cli.QuantplugCli;
import io.quantplug.testsupport.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs stored by the command line, read through the API over real HTTP ({@code /api/runs}): {@code quantplug
 * backtest}, a {@code --config} portfolio and an {@code optimize} study write into the server's store (the same
 * embedded database, from this JVM), and the API lists them; a run's result equals what {@code quantplug runs show
 * --json} prints and carries the trades of the command's own {@code result.json}; its Monte Carlo equals {@code
 * quantplug montecarlo --run}; unknown runs and studies are answered with 404 and 409.
 */
class StoredRunsApiIT {

    private static final ObjectMapper DECIMALS = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static TestServer server;
    private static String viewer;
    private static Path btc;
    private static Path eth;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(List.of("sma-crossover", "rsi-reversion", "risk-basics"), Clock.systemUTC());
        viewer = server.token("viewer");
        btc = SharedData.require("binance-spot-1h-2021-2023/BTCUSDT_1h.csv");
        eth = SharedData.require("binance-spot-1h-2021-2023/ETHUSDT_1h.csv");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Runs the command line in this JVM against the server's home; answers its standard output. */
    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--home";
        all[args.length + 1] = server.home.toString();
        int code = QuantplugCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long storedId(String output) {
        String line = output.lines().filter(l -> l.contains("quantplug runs show ")).findFirst().orElseThrow();
        return Long.parseLong(line.replaceAll(".*quantplug runs show (\\d+).*", "$1"));
    }

    @Test
    void runsStoredByTheCommandLineAreReadThroughTheApi() throws IOException {
        Path out = server.home.resolve("out-single");
        long single = storedId(cli("backtest", "--data", btc.toString(), "--strategy", "sma-crossover",
                "--out", out.toString()));
        Path config = Files.writeString(server.home.resolve("two.yaml"), """
                capital: 10000
                instruments:
                  - data: %s
                  - data: %s
                strategies:
                  - id: sma-crossover
                  - id: rsi-reversion
                    instruments: [ETHUSDT]
                """.formatted(btc, eth));
        long portfolio = storedId(cli("backtest", "--config", config.toString(), "--out",
                server.home.resolve("out-portfolio").toString()));
        cli("optimize", "--data", btc.toString(), "--strategy", "sma-crossover", "--grid", "fast=5..6:1", "--grid",
                "slow=20..21:1", "--workers", "1");

        JsonNode runs = server.send("GET", "/api/runs", viewer, null).json();
        assertThat(runs.size()).isEqualTo(3);
        JsonNode study = runs.get(0);
        assertThat(study.get("kind").asText()).isEqualTo("STUDY");
        assertThat(runs.get(1).get("id").asLong()).isEqualTo(portfolio);
        assertThat(runs.get(1).get("kind").asText()).isEqualTo("PORTFOLIO");
        assertThat(runs.get(1).get("instrument").asText()).isEqualTo("BTCUSDT.BINANCE,ETHUSDT.BINANCE");
        assertThat(runs.get(2).get("id").asLong()).isEqualTo(single);
        assertThat(runs.get(2).get("kind").asText()).isEqualTo("SINGLE");
        assertThat(runs.get(2).get("mode").asText()).isEqualTo("BACKTEST");
        assertThat(runs.get(2).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(server.send("GET", "/api/runs?limit=1", viewer, null).json().size()).isEqualTo(1);
        assertThat(server.send("GET", "/api/runs/" + single, viewer, null).json()).isEqualTo(runs.get(2));

        // the stored document as the command line shows it, and the trades of the command's own result.json
        for (long id : new long[] {single, portfolio}) {
            JsonNode served = DECIMALS.readTree(server.send("GET", "/api/runs/" + id + "/result?equity=full",
                    viewer, null).body());
            JsonNode shown = DECIMALS.readTree(cli("runs", "show", String.valueOf(id), "--json", "--equity",
                    "full"));
            shown.fieldNames().forEachRemaining(f -> assertThat(served.get(f) != null
                    && served.get(f).equals(JsonByValue.COMPARATOR, shown.get(f)))
                    .as("run %d, %s: served %.400s, shown %.400s", id, f, served.get(f), shown.get(f)).isTrue());
            assertThat(served.equals(JsonByValue.COMPARATOR, shown)).as("run %d", id).isTrue();
            JsonNode written = DECIMALS.readTree(server.home.resolve(id == single ? "out-single" : "out-portfolio")
                    .resolve("result.json").toFile());
            assertThat(written.get("trades").size()).isPositive();
            assertThat(served.get("trades").equals(JsonByValue.COMPARATOR, written.get("trades")))
                    .as("run %d: served %.300s, written %.300s", id, served.get("trades").get(0),
                            written.get("trades").get(0)).isTrue();
            assertThat(served.get("metrics").equals(JsonByValue.COMPARATOR, written.get("metrics")))
                    .as("run %d: served %.600s, written %.600s", id, served.get("metrics"), written.get("metrics"))
                    .isTrue();
        }
        JsonNode bounded = server.send("GET", "/api/runs/" + single + "/result", viewer, null).json();
        assertThat(bounded.at("/equitySampling/kept").asInt()).isEqualTo(bounded.get("equity").size())
                .isLessThanOrEqualTo(2_000);
        assertThat(bounded.at("/equitySampling/points").asLong()).isGreaterThan(bounded.at("/run/bars").asLong());
        JsonNode equity = server.send("GET", "/api/runs/" + single + "/equity?points=100", viewer, null).json();
        assertThat(equity.get("equity").size()).isEqualTo(100);

        JsonNode monteCarlo = DECIMALS.readTree(server.send("GET", "/api/runs/" + single
                + "/montecarlo?method=blocks&paths=500&seed=7", viewer, null).body());
        JsonNode fromCli = DECIMALS.readTree(cli("montecarlo", "--run", String.valueOf(single), "--method", "blocks",
                "--paths", "500", "--seed", "7", "--json"));
        assertThat(monteCarlo.equals(JsonByValue.COMPARATOR, fromCli)).isTrue();

        TestServer.Response studyResult = server.send("GET", "/api/runs/" + study.get("id").asLong() + "/result",
                viewer, null);
        assertThat(studyResult.status()).isEqualTo(409);
        assertThat(studyResult.body()).contains("/api/studies/" + study.get("id").asLong());
        assertThat(server.send("GET", "/api/runs/999/result", viewer, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/runs", null, null).status()).isEqualTo(401);
    }
}
