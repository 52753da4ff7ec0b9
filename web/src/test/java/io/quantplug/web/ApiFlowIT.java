package io.quantplug.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.store.RunStore;
import io.quantplug.testsupport.SharedData;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API end to end over real HTTP, on the real March 2023 Binance.US bars: data sets, backtests (result equal to
 * the runtime's own run of the same configuration), cancel, paper instances with the kill switch, the event stream,
 * plugin lifecycle, users, audit, health and metrics.
 */
class ApiFlowIT {

    private static final String MARCH = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    private static TestServer server;
    private static String admin;
    private static String trader;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        admin = server.token("admin");
        trader = server.token("trader");
        Path csv = SharedData.require(MARCH);
        TestServer.Response up = server.upload("/api/datasets", trader, csv.getFileName().toString(),
                Files.readAllBytes(csv));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("bars").asInt()).isEqualTo(30_240);
        assertThat(up.json().get("timeframe").asText()).isEqualTo("1m");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String backtestBody(String strategyParams) {
        return "{\"strategy\":\"sma-crossover\",\"parameters\":" + strategyParams + ","
                + "\"dataset\":\"BTCUSDT_1m_20230301_20230321.csv\",\"capital\":\"10000\",\"feeBps\":\"10\"}";
    }

    private static JsonNode awaitJob(long id) {
        return server.awaitJob(trader, id);
    }

    @Test
    void aBacktestThroughTheApiEqualsTheRuntimesOwnRunAndIsStored() throws Exception {
        TestServer.Response submitted = server.send("POST", "/api/backtests", trader,
                backtestBody("{\"fast\":10,\"slow\":\"30\"}"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        long id = submitted.json().get("id").asLong();
        JsonNode job = awaitJob(id);
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("barsDone").asLong()).isEqualTo(30_240);

        JsonNode result = server.send("GET", "/api/backtests/" + id + "/result", trader, null).json();
        // the same configuration run in this JVM by the runtime, from the same file
        Path csv = SharedData.require(MARCH);
        BarSeries series = new BarFileReader().read(csv).series();
        var instrument = io.quantplug.app.InstrumentResolver.resolve(null, "BINANCE", csv, series, null, null,
                null);
        List<Bar> bars = series.toBars(instrument.id());
        BacktestResult direct = new Backtester(server.server.services().catalog()).run(new BacktestConfig(
                        instrument, new BigDecimal("10000"), BigDecimal.TEN, BigDecimal.ZERO,
                        new ExtensionRef("sma-crossover", Map.of("fast", "10", "slow", "30")), List.of(), null,
                        List.of()), series.timeframe(), bars, BacktestProgress.NONE);
        ResultDocument expected = ResultDocument.of(direct);
        assertThat(result.get("trades")).hasSize(expected.trades().size());
        assertThat(expected.trades()).hasSizeGreaterThan(100);
        assertThat(new BigDecimal(result.at("/metrics/netProfit").asText()))
                .isEqualByComparingTo(expected.metrics().netProfit());
        assertThat(result.at("/metrics/netProfit").isTextual()).as("decimals are strings").isTrue();
        assertThat(result.at("/trades/0/entryTime").asText()).endsWith("Z");
        // the equity thinned to the default bound, unless the whole curve is asked for
        assertThat(result.get("equity")).hasSize(ResultDocument.DEFAULT_EQUITY_POINTS);
        assertThat(result.at("/equitySampling/points").asInt()).isEqualTo(expected.equity().size());
        JsonNode full = server.send("GET", "/api/backtests/" + id + "/result?equity=full", trader, null).json();
        assertThat(full.get("equity")).hasSize(expected.equity().size());
        assertThat(full.has("equitySampling")).isFalse();
        assertThat(server.send("GET", "/api/backtests/" + id + "/result?equity=most", trader, null).status())
                .isEqualTo(400);

        long runId = job.get("runId").asLong();
        var stored = server.store.runs().summary(runId).orElseThrow();
        assertThat(stored.status()).isEqualTo(RunStore.Status.COMPLETED);
        assertThat(server.store.runs().document(runId).orElseThrow().trades()).hasSize(expected.trades().size());

        JsonNode chart = server.send("GET", "/api/backtests/" + id + "/bars", trader, null).json();
        // 30,240 bars in at most 4,000 candles: ceil(30,240 / 4,000) = 8 bars each, 3,780 candles
        assertThat(chart.get("barsPerPoint").asInt()).isEqualTo(8);
        assertThat(chart.get("time")).hasSize(3_780);
        assertThat(chart.get("high").get(0).asDouble()).isEqualTo(bars.subList(0, 8).stream()
                .mapToDouble(Bar::high).max().orElseThrow());

        // zoomed in on two hours: the bars and the equity of that range at full resolution
        long from = bars.get(600).openTimeMillis() / 1000;
        long to = bars.get(719).openTimeMillis() / 1000;
        JsonNode zoomed = server.send("GET", "/api/backtests/" + id + "/bars?from=" + from + "&to=" + to, trader,
                null).json();
        assertThat(zoomed.get("barsPerPoint").asInt()).isEqualTo(1);
        assertThat(zoomed.get("time")).hasSize(120);
        assertThat(zoomed.get("time").get(0).asLong()).isEqualTo(from);
        assertThat(zoomed.get("close").get(119).asDouble()).isEqualTo(bars.get(719).close());
        JsonNode range = server.send("GET", "/api/backtests/" + id + "/equity?from=" + from + "&to=" + to, trader,
                null).json();
        List<ResultDocument.EquityPoint> inRange = expected.equity().stream().filter(p -> p.time().getEpochSecond()
                >= from && p.time().getEpochSecond() <= to).toList();
        assertThat(range.get("equity")).hasSize(inRange.size());
        assertThat(range.get("equitySampling").isNull()).isTrue();
        assertThat(range.at("/equity/0/1").asDouble()).isEqualTo(inRange.get(0).equity());
        JsonNode coarse = server.send("GET", "/api/backtests/" + id + "/equity?points=100", trader, null).json();
        assertThat(coarse.get("equity")).hasSize(100);
        assertThat(coarse.at("/equitySampling/points").asInt()).isEqualTo(expected.equity().size());
        JsonNode refused = server.send("GET", "/api/backtests/" + id + "/equity?points=3", trader, null).json();
        assertThat(refused.get("field").asText()).isEqualTo("points");
        assertThat(refused.get("message").asText()).isEqualTo("points must be a whole number in 8..20000, got '3'");

        // Monte Carlo of the job's run: the runtime's study of the same document and seed, reproducible
        String path = "/api/backtests/" + id + "/montecarlo?paths=400&seed=4";
        JsonNode study = server.send("GET", path, trader, null).json();
        assertThat(study.get("runId").asLong()).isEqualTo(runId);
        var own = io.quantplug.runtime.report.MonteCarloReport.simulate(expected, expected.equity(),
                io.quantplug.runtime.analytics.MonteCarloMethod.TRADES, 400, null, 4, 0.10);
        assertThat(study.get("steps").asInt()).isEqualTo(expected.trades().size());
        assertThat(study.at("/totalReturn/p50").asDouble()).isEqualTo(own.totalReturn().p50());
        assertThat(study.at("/maxDrawdown/p95").asDouble()).isEqualTo(own.maxDrawdown().p95());
        assertThat(study.get("probabilityOfLoss").asDouble()).isEqualTo(own.probabilityOfLoss());
        assertThat(study.at("/observed/totalReturn").asDouble()).isCloseTo(expected.metrics().totalReturn(),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(server.send("GET", path, trader, null).json()).isEqualTo(study);
        JsonNode blocks = server.send("GET", "/api/backtests/" + id
                + "/montecarlo?method=blocks&paths=50&blockBars=30", trader, null).json();
        assertThat(blocks.get("steps").asInt()).isEqualTo(expected.equity().size() - 1);
        assertThat(blocks.at("/observed/sharpe").asDouble()).isCloseTo(expected.metrics().sharpe(),
                org.assertj.core.api.Assertions.within(1e-9));
        JsonNode badBlock = server.send("GET", "/api/backtests/" + id + "/montecarlo?blockBars=5", trader, null)
                .json();
        assertThat(badBlock.get("message").asText()).isEqualTo("blockBars applies to method=blocks only");
        assertThat(server.send("GET", "/api/backtests/" + id + "/montecarlo?paths=20001", trader, null).json()
                .get("message").asText()).isEqualTo("paths must be a whole number in 1..20000, got '20001'");
        // a backtest's run is no study: the studies list leaves it out, and asking for it as one is a 404
        assertThat(server.send("GET", "/api/studies", trader, null).json()).isEmpty();
        assertThat(server.send("GET", "/api/studies/" + runId, trader, null).status()).isEqualTo(404);
    }

    @Test
    void aQueuedBacktestCanBeCanceledAndAnEndedOneCannot() throws Exception {
        long first = server.send("POST", "/api/backtests", trader, backtestBody("{}")).json().get("id").asLong();
        long second = server.send("POST", "/api/backtests", trader, backtestBody("{}")).json().get("id").asLong();
        long third = server.send("POST", "/api/backtests", trader, backtestBody("{}")).json().get("id").asLong();
        TestServer.Response canceled = server.send("POST", "/api/backtests/" + third + "/cancel", trader, null);
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.json().get("status").asText()).isEqualTo("CANCELED");
        assertThat(awaitJob(first).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(awaitJob(second).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(awaitJob(third).get("runId").isNull()).as("a canceled queued job never ran").isTrue();
        TestServer.Response again = server.send("POST", "/api/backtests/" + first + "/cancel", trader, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(server.send("GET", "/api/backtests/" + third + "/result", trader, null).status()).isEqualTo(409);
    }

    @Test
    void aPaperInstanceReplaysStreamsEventsAndTheKillSwitchStopsItsNewOrders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> events = new ArrayList<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + trader).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (events) {
                        events.add(line);
                    }
                }
            } catch (java.io.IOException ignored) {
                // closed at the end of the test
            }
        });

        String body = "{\"strategy\":\"sma-crossover\",\"parameters\":{\"fast\":5,\"slow\":12},"
                + "\"dataset\":\"BTCUSDT_1m_20230301_20230321.csv\",\"speed\":2000}";
        TestServer.Response created = server.send("POST", "/api/instances", trader, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("CREATED");
        assertThat(created.json().get("riskRules").toString()).contains("kill-switch");
        long id = created.json().get("id").asLong();
        assertThat(server.send("POST", "/api/instances/" + id + "/start", trader, null).status()).isEqualTo(200);

        JsonNode view = waitFor(id, v -> v.get("fills").asLong() >= 2);
        assertThat(view.get("status").asText()).isEqualTo("RUNNING");
        assertThat(view.get("barsDone").asLong()).isLessThan(30_240);
        assertThat(view.get("lastPrice").isNumber()).isTrue();

        TestServer.Response engaged = server.send("POST", "/api/risk/kill-switch", trader,
                "{\"engaged\":true,\"reason\":\"test\"}");
        assertThat(engaged.json().get("engaged").asBoolean()).isTrue();
        long fillsAtSwitch = server.send("GET", "/api/instances/" + id, trader, null).json().get("fills").asLong();
        view = waitFor(id, v -> v.get("riskRejections").asLong() >= 2);
        // a market order decided before the switch may still fill at the next bar's open; none after that
        assertThat(view.get("fills").asLong()).isLessThanOrEqualTo(fillsAtSwitch + 1);
        JsonNode risk = server.send("GET", "/api/risk", trader, null).json();
        assertThat(risk.at("/killSwitch/engaged").asBoolean()).isTrue();
        assertThat(risk.get("recentEvents").toString()).contains("KILL_SWITCH");
        server.send("POST", "/api/risk/kill-switch", trader, "{\"engaged\":false}");

        assertThat(server.send("POST", "/api/instances/" + id + "/stop", trader, null).status()).isEqualTo(200);
        view = waitFor(id, v -> !v.get("status").asText().equals("RUNNING"));
        assertThat(view.get("status").asText()).isEqualTo("STOPPED");
        assertThat(server.send("POST", "/api/instances/" + id + "/stop", trader, null).status()).isEqualTo(409);
        var run = server.store.runs().summary(view.get("runId").asLong()).orElseThrow();
        assertThat(run.mode()).isEqualTo(RunStore.Mode.PAPER);
        // stopped before the end of its data: its own status, with the result up to the stop
        assertThat(run.status()).isEqualTo(RunStore.Status.STOPPED);
        assertThat(run.error()).isEqualTo("stopped by trader");
        var stored = server.store.runs().document(run.id()).orElseThrow();
        assertThat(stored.run().bars()).isEqualTo(view.get("barsDone").asLong());
        assertThat(stored.counts().fills()).isEqualTo(view.get("fills").asLong());

        Thread.sleep(300);
        stream.body().close();
        reader.get(5, TimeUnit.SECONDS);
        String text;
        synchronized (events) {
            text = String.join("\n", events);
        }
        assertThat(text).contains("event: hello").contains("event: order").contains("event: fill")
                .contains("event: pnl").contains("event: risk").contains("event: kill-switch")
                .contains("event: instance").contains("\"code\":\"KILL_SWITCH\"");
    }

    private static JsonNode waitFor(long id, java.util.function.Predicate<JsonNode> done) {
        return server.await("/api/instances/" + id, trader, Duration.ofSeconds(60), done);
    }

    @Test
    void pluginsAreManagedThroughTheRuntimesLifecycle() throws Exception {
        JsonNode list = server.send("GET", "/api/plugins", admin, null).json();
        assertThat(list.findValuesAsText("id")).contains("sma-crossover", "risk-basics");
        JsonNode sma = find(list, "sma-crossover");
        assertThat(sma.get("state").asText()).isEqualTo("STARTED");
        JsonNode params = sma.at("/extensions/0/parameters");
        assertThat(params.findValuesAsText("name")).contains("fast", "slow");

        assertThat(server.send("POST", "/api/plugins/sma-crossover/disable", admin, null).json().get("state")
                .asText()).isEqualTo("DISABLED");
        TestServer.Response refused = server.send("POST", "/api/backtests", trader, backtestBody("{}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("strategy");
        assertThat(server.send("POST", "/api/plugins/sma-crossover/enable", admin, null).json().get("state")
                .asText()).isEqualTo("STARTED");
        assertThat(server.send("POST", "/api/plugins/sma-crossover/reload", admin, null).json().get("state")
                .asText()).isEqualTo("STARTED");

        Path rsi = distJar("rsi-reversion");
        TestServer.Response up = server.upload("/api/plugins", admin, rsi.getFileName().toString(),
                Files.readAllBytes(rsi));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        assertThat(up.json().get("id").asText()).isEqualTo("rsi-reversion");
        assertThat(up.json().get("state").asText()).isEqualTo("STARTED");
        assertThat(Files.exists(server.plugins.resolve("rsi-reversion.jar"))).isTrue();
        JsonNode extensions = server.send("GET", "/api/extensions", trader, null).json();
        assertThat(extensions.findValuesAsText("id")).contains("rsi-reversion", "sma-crossover", "kill-switch");

        assertThat(server.send("DELETE", "/api/plugins/rsi-reversion", admin, null).status()).isEqualTo(200);
        assertThat(Files.exists(server.plugins.resolve("rsi-reversion.jar"))).isFalse();
        assertThat(server.send("GET", "/api/plugins", admin, null).json().findValuesAsText("id"))
                .doesNotContain("rsi-reversion");

        JsonNode audit = server.send("GET", "/api/audit?actor=admin&action=plugin.&limit=50", trader, null).json();
        // the upload's new build is recorded in the plugins table, whose first sighting of a jar is audited too
        assertThat(audit.get("entries").findValuesAsText("action")).containsExactly("plugin.disabled",
                "plugin.enabled", "plugin.reloaded", "plugin.installed", "plugin.uploaded", "plugin.deleted");
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    static Path distJar(String prefix) throws java.io.IOException {
        Path dist = Path.of(System.getProperty("quantplug.dist", "target/quantplug"), "plugins");
        try (var s = Files.list(dist)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    @Test
    void adminsManageUsersAndNoAnswerCarriesAPasswordHash() {
        TestServer.Response created = server.send("POST", "/api/users", admin,
                "{\"username\":\"carol\",\"password\":\"a long enough secret\",\"role\":\"viewer\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String carol = login("carol", "a long enough secret");
        assertThat(server.send("POST", "/api/backtests", carol, backtestBody("{}")).status()).isEqualTo(403);
        TestServer.Response promoted = server.send("PATCH", "/api/users/carol", admin, "{\"role\":\"trader\"}");
        assertThat(promoted.json().get("role").asText()).isEqualTo("trader");
        assertThat(server.send("GET", "/api/auth/me", carol, null).status()).as("sessions end on a change")
                .isEqualTo(401);
        server.send("PATCH", "/api/users/carol", admin, "{\"disabled\":true}");
        assertThat(server.send("POST", "/api/auth/login", null,
                "{\"username\":\"carol\",\"password\":\"a long enough secret\"}").status()).isEqualTo(401);
        String users = server.send("GET", "/api/users", admin, null).body();
        assertThat(users).contains("carol").doesNotContain("$2a$").doesNotContain("passwordHash");
        assertThat(server.send("GET", "/api/audit?actor=admin&action=user.", admin, null).body())
                .contains("user.created").contains("user.updated").doesNotContain("a long enough secret");
        assertThat(server.store.users().find("carol").orElseThrow().passwordHash()).startsWith("$2a$12$");
        assertThat(server.send("PATCH", "/api/users/admin", admin, "{\"disabled\":true}").status()).isEqualTo(409);
    }

    private static String login(String user, String password) {
        return server.send("POST", "/api/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\""
                + password + "\"}").json().get("token").asText();
    }

    @Test
    void healthMetricsAndDataSetsAreReported() throws Exception {
        JsonNode health = server.send("GET", "/health", null, null).json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/database/vendor").asText()).isEqualTo("H2");
        assertThat(health.at("/plugins/started").asInt()).isGreaterThanOrEqualTo(2);

        long id = server.send("POST", "/api/backtests", trader, backtestBody("{}")).json().get("id").asLong();
        awaitJob(id);
        TestServer.Response metrics = server.send("GET", "/metrics", null, null);
        assertThat(metrics.headers().get("content-type").get(0)).startsWith("text/plain");
        assertThat(metrics.body()).contains("quantplug_events_total").contains("quantplug_orders_total")
                .contains("quantplug_fills_total").contains("quantplug_risk_rejections_total")
                .contains("quantplug_plugins{state=\"started\"}").contains("jvm_memory_used_bytes");
        assertThat(value(metrics.body(), "quantplug_events_total")).isGreaterThanOrEqualTo(30_240);

        JsonNode data = server.send("GET", "/api/datasets", trader, null).json();
        assertThat(data.get("datasets").findValuesAsText("name")).contains("BTCUSDT_1m_20230301_20230321.csv");
        TestServer.Response imported = server.send("POST",
                "/api/datasets/BTCUSDT_1m_20230301_20230321.csv/import", trader, "{}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("inserted").asInt()).isEqualTo(30_240);
        assertThat(server.send("GET", "/api/datasets", trader, null).json().get("stored").toString())
                .contains("BTCUSDT");
        TestServer.Response stored = server.send("POST", "/api/backtests", trader,
                "{\"strategy\":\"sma-crossover\",\"symbol\":\"BTCUSDT\",\"timeframe\":\"1m\","
                        + "\"from\":\"2023-03-10\",\"to\":\"2023-03-12\"}");
        assertThat(stored.status()).as(stored.body()).isEqualTo(202);
        JsonNode job = awaitJob(stored.json().get("id").asLong());
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("barsTotal").asLong()).isEqualTo(2 * 1440);
    }

    private static double value(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
    }
}
