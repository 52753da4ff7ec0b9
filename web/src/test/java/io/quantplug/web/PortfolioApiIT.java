package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.app.InstrumentResolver;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.backtest.PortfolioBacktester;
import io.quantplug.runtime.backtest.PortfolioConfig;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.testsupport.SharedData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A portfolio backtest through {@code POST /api/backtests} over real HTTP: two real Binance spot hourly data sets
 * uploaded, two strategies on one account; its stored result equals the runtime's own {@link PortfolioBacktester}
 * run of the same configuration from the same files; bad requests are refused naming the field.
 */
class PortfolioApiIT {

    static final String DIR = "binance-spot-1h-2021-2023/";
    static final List<String> PAIRS = List.of("BTCUSDT", "ETHUSDT");
    private static TestServer server;
    private static String trader;

    /** The body of the test's portfolio: sma-crossover on both pairs, rsi-reversion on ETHUSDT only. */
    static final String PORTFOLIO = """
            {"portfolio": {"capital": "10000", "feeBps": "10", "slippageBps": "2",
              "instruments": [{"dataset": "BTCUSDT_1h.csv", "dropLastBars": 1},
                              {"dataset": "ETHUSDT_1h.csv", "dropLastBars": 1}],
              "strategies": [{"id": "sma-crossover", "params": {"fast": "10", "slow": "30"}},
                             {"id": "rsi-reversion", "instruments": ["ETHUSDT"]}],
              "riskRules": [{"id": "max-open-positions", "params": {"limit": "1"}}]}}""";

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(List.of("sma-crossover", "rsi-reversion", "risk-basics"), Clock.systemUTC());
        trader = server.token("trader");
        for (String pair : PAIRS) {
            Path csv = SharedData.require(DIR + pair + "_1h.csv");
            TestServer.Response up = server.upload("/api/datasets", trader, csv.getFileName().toString(),
                    Files.readAllBytes(csv));
            assertThat(up.status()).as(up.body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPortfolioThroughTheApiIsStoredAndEqualsTheRuntimesOwnRun() throws Exception {
        TestServer.Response submitted = server.send("POST", "/api/backtests", trader, PORTFOLIO);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        assertThat(submitted.json().get("kind").asText()).isEqualTo("PORTFOLIO");
        assertThat(submitted.json().get("strategy").asText()).isEqualTo("sma-crossover+rsi-reversion");
        long id = submitted.json().get("id").asLong();
        JsonNode job = server.awaitJob(trader, id);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("barsDone").asLong()).isEqualTo(job.get("barsTotal").asLong()).isEqualTo(23_987 * 2 + 1);

        TestServer.Response answer = server.send("GET", "/api/backtests/" + id + "/result", trader, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode result = answer.json();
        assertThat(result.get("format").asText()).isEqualTo(PortfolioDocument.FORMAT);

        PortfolioDocument expected = PortfolioDocument.of(new PortfolioBacktester(server.server.services().catalog())
                .run(sameConfig(), (d, t) -> { }));
        assertThat(expected.trades()).hasSizeGreaterThan(300);
        assertThat(expected.strategies()).hasSize(2); // sma-crossover on both pairs, rsi-reversion on ETHUSDT
        // served with the equity thinned to the default bound, as the runtime's own document thins it
        JsonNode want = Json.MAPPER.valueToTree(expected.withEquityPoints(ResultDocument.DEFAULT_EQUITY_POINTS));
        assertThat(result.at("/equitySampling/points").asInt()).isEqualTo(expected.equity().size());
        want.fieldNames().forEachRemaining(f -> assertThat(result.get(f).equals(JsonByValue.COMPARATOR, want.get(f)))
                .as("block %s: served %.600s, expected %.600s", f, result.get(f), want.get(f)).isTrue());
        assertThat(result.equals(JsonByValue.COMPARATOR, want)).isTrue();

        long runId = job.get("runId").asLong();
        RunStore.RunSummary stored = server.store.runs().summary(runId).orElseThrow();
        assertThat(stored.kind()).isEqualTo(RunStore.Kind.PORTFOLIO);
        assertThat(stored.status()).isEqualTo(RunStore.Status.COMPLETED);
        assertThat(stored.instrument()).isEqualTo("BTCUSDT.BINANCE,ETHUSDT.BINANCE");

        JsonNode listed = server.send("GET", "/api/backtests", trader, null).json();
        assertThat(listed.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(listed.get(0).get("source").asText()).contains("data set BTCUSDT_1h.csv", "data set ETHUSDT_1h.csv");
        assertThat(server.send("GET", "/api/backtests/" + id + "/bars", trader, null).status()).isEqualTo(409);
    }

    /** The configuration the request describes, built here from the same files as the command line reads them. */
    private static PortfolioConfig sameConfig() {
        List<PortfolioConfig.Book> books = new ArrayList<>();
        for (String pair : PAIRS) {
            Path csv = SharedData.require(DIR + pair + "_1h.csv");
            BarSeries series = new BarFileReader().read(csv).series();
            Instrument instrument = InstrumentResolver.resolve(null, "BINANCE", csv, series, null, null, null);
            List<Bar> bars = series.toBars(instrument.id());
            List<ExtensionRef> strategies = new ArrayList<>();
            // parsed, so that its parameters keep the request's order (Map.of has none), as its label shows them
            strategies.add(ExtensionRef.parse("sma-crossover:fast=10,slow=30"));
            if (pair.equals("ETHUSDT")) {
                strategies.add(new ExtensionRef("rsi-reversion", Map.of()));
            }
            books.add(new PortfolioConfig.Book(instrument, series.timeframe(), bars.subList(0, bars.size() - 1),
                    strategies, null));
        }
        return new PortfolioConfig(new BigDecimal("10000"), BigDecimal.TEN, new BigDecimal("2"), books, List.of(),
                null, List.of(new ExtensionRef("max-open-positions", Map.of("limit", "1"))));
    }

    private static void assertRefused(String path, String body, String field) {
        TestServer.Response r = server.send("POST", path, trader, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(field);
    }

    @Test
    void badPortfolioRequestsAreRefusedNamingTheField() {
        String ok = PORTFOLIO.strip();
        String inner = ok.substring(ok.indexOf('{', 1), ok.lastIndexOf('}'));
        assertRefused("/api/backtests", "{\"strategy\": \"sma-crossover\", " + ok.substring(1), "strategy");
        assertRefused("/api/instances", ok, "portfolio");
        assertRefused("/api/backtests", "{\"portfolio\": {\"instruments\": [], \"strategies\": [{\"id\":"
                + " \"sma-crossover\"}]}}", "portfolio.instruments");
        assertRefused("/api/backtests", "{\"portfolio\": {\"instruments\": [{\"dataset\": \"BTCUSDT_1h.csv\"}]}}",
                "portfolio.strategies");
        assertRefused("/api/backtests", "{\"portfolio\": " + inner.replace("\"capital\": \"10000\"",
                "\"capital\": \"-1\"") + "}", "portfolio.capital");
        assertRefused("/api/backtests", "{\"portfolio\": " + inner.replace("ETHUSDT_1h.csv", "nope.csv") + "}",
                "portfolio.instruments[1].dataset");
        assertRefused("/api/backtests", "{\"portfolio\": " + inner.replace("\"fast\": \"10\"", "\"fast\": \"0\"")
                + "}", "portfolio.strategies[0].params.fast");
        assertRefused("/api/backtests", "{\"portfolio\": " + inner.replace("[\"ETHUSDT\"]", "[\"SOLUSDT\"]") + "}",
                "portfolio.strategies[1].instruments");
        assertRefused("/api/backtests", "{\"portfolio\": " + inner.replace("\"id\": \"rsi-reversion\"",
                "\"id\": \"nope\"") + "}", "portfolio.strategies[1].id");
        assertRefused("/api/backtests", "{\"portfolio\": " + inner.replace("\"riskRules\"",
                "\"aggregation\": {\"policy\": \"loudest\"}, \"riskRules\"") + "}", "portfolio.aggregation.policy");
        assertRefused("/api/backtests", "{\"portfolio\": " + inner.replace("\"dropLastBars\": 1}",
                "\"dropLastBars\": 1, \"data\": \"x.csv\"}") + "}", "portfolio.instruments[0].data");
    }
}
