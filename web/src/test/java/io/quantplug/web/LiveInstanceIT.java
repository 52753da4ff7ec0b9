package io.quantplug.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.plugins.binance.rest.BinanceCredentials;
import io.quantplug.plugins.binance.rest.BinanceMarket;
import io.quantplug.plugins.binance.rest.BinanceRestClient;
import io.quantplug.plugins.binance.rest.BinanceTransport;
import io.quantplug.plugins.binance.rest.HmacSha256Signer;
import io.quantplug.plugins.binance.rest.RestSettings;
import io.quantplug.plugins.binance.rest.ServerClock;
import io.quantplug.plugins.binance.testserver.BinanceTestExchange;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import io.quantplug.plugins.binance.testserver.TestVenue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Console {@code LIVE} instances as an admin reaches them over the API, against the local Binance-compatible exchange
 * (real 2022 BTCUSDT one-minute klines streamed, signed orders matched by its engine). The server is the
 * distribution's {@code quantplug serve} in a child process with the exchange's API keys in its environment, as a
 * user runs it; the outside truth is the exchange's own account: its balances, open orders and trade list.
 */
class LiveInstanceIT {

    private static final long STREAM_FROM = Instant.parse("2022-06-20T00:00:00Z").toEpochMilli();
    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path tmp;

    /**
     * A live sma-crossover instance trades on the exchange; its view's position and fills equal the account's, and a
     * stop closes the position (flattenOnStop). A live grid instance then keeps limit orders working on the exchange;
     * the kill switch stops it and cancels them there. Both runs are stored with mode {@code LIVE}.
     */
    @Test
    void liveInstancesTradeOnTheExchangeAndTheKillSwitchCancelsTheirOrders() throws Exception {
        try (BinanceTestExchange exchange = BinanceTestExchange.spot()
                .klines("BTCUSDT", Fixtures.BTC_2022, STREAM_FROM).barsPerSecond(4).inProgressUpdates(false)
                .start();
             Server server = Server.start(tmp.resolve("home"), exchange.environment())) {
            TestVenue venue = exchange.rest().venue();
            venue.setLastPrice("BTCUSDT", "20500.00");
            venue.setBalance("USDT", "100000");
            venue.setBalance("BTC", "0");
            BinanceRestClient account = account(exchange);
            String admin = server.login("admin");
            String exchangeJson = "\"exchange\":{\"id\":\"binance\",\"mode\":\"LIVE\",\"flattenOnStop\":true,"
                    + "\"parameters\":{\"restUrl\":\"" + exchange.restUrl() + "\",\"streamUrl\":\""
                    + exchange.streamUrl() + "\"},\"warmupBars\":60}";

            Server.Answer created = server.send("POST", "/api/instances", admin, "{\"strategy\":\"sma-crossover\","
                    + "\"parameters\":{\"fast\":3,\"slow\":8},\"symbol\":\"BTCUSDT\",\"timeframe\":\"1m\","
                    + "\"capital\":\"10000\"," + exchangeJson + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long sma = created.json().get("id").asLong();
            assertThat(created.json().get("mode").asText()).isEqualTo("LIVE");
            assertThat(created.json().get("source").asText()).isEqualTo("binance BTCUSDT 1m (live, LIVE orders)");
            assertThat(server.send("POST", "/api/instances/" + sma + "/start", admin, null).status()).isEqualTo(200);

            // trading: wait for a position, then compare the view with the exchange's account
            JsonNode holding = server.await("/api/instances/" + sma, admin,
                    v -> decimal(v, "position").signum() > 0 && v.get("fills").asLong() >= 1);
            assertThat(holding.get("status").asText()).isEqualTo("RUNNING");
            assertThat(holding.get("connection").asText()).startsWith("connected");
            assertThat(holding.get("reconciliation").size()).as(holding.toString()).isZero();
            // between two bars (a quarter of a second apart) the view and the account agree exactly
            String[] seen = {""};
            JsonNode view = server.await("/api/instances/" + sma, admin, v -> {
                int trades = account.tradesSince(BTC, 0, 1000).size();
                BigDecimal btc = venue.free("BTC");
                seen[0] = "exchange: " + trades + " trades, " + btc + " BTC";
                return v.get("fills").asLong() == trades && decimal(v, "position").compareTo(btc) == 0;
            }, seen);
            assertThat(decimal(view, "position").signum()).isPositive();
            assertThat(view.get("orders").asLong()).isEqualTo(orders(exchange).size());
            for (BinanceTestServer.Received r : orders(exchange)) {
                assertThat(r.rawQuery()).contains("signature=").containsPattern("newClientOrderId=q[0-9a-z]{5}-");
            }

            JsonNode stopped = server.send("POST", "/api/instances/" + sma + "/stop", admin, null).json();
            assertThat(stopped.get("status").asText()).as(stopped.toString()).isEqualTo("STOPPED");
            assertThat(venue.free("BTC")).as("flattened on stop").isEqualByComparingTo("0");
            assertThat(decimal(stopped, "position")).isEqualByComparingTo("0");
            assertThat(stopped.get("fills").asLong()).as("the closing sell included")
                    .isEqualTo(account.tradesSince(BTC, 0, 1000).size());
            assertThat(account.openOrders(BTC)).isEmpty();
            long smaRun = stopped.get("runId").asLong();

            // a grid keeps buy limits working below the price (the test exchange never fills a resting order)
            Server.Answer grid = server.send("POST", "/api/instances", admin, "{\"strategy\":\"volatility-grid\","
                    + "\"parameters\":{\"windowBars\":20,\"garchWindowBars\":50},\"symbol\":\"BTCUSDT\","
                    + "\"timeframe\":\"1m\",\"capital\":\"10000\"," + exchangeJson + "}");
            assertThat(grid.status()).as(grid.body()).isEqualTo(201);
            long gridId = grid.json().get("id").asLong();
            assertThat(server.send("POST", "/api/instances/" + gridId + "/start", admin, null).status())
                    .isEqualTo(200);
            JsonNode working = server.await("/api/instances/" + gridId, admin,
                    v -> v.get("workingOrders").size() >= 1 && !account.openOrders(BTC).isEmpty());
            assertThat(working.get("status").asText()).isEqualTo("RUNNING");
            // a second live instance on the same exchange and symbol is refused while the grid runs
            Server.Answer second = server.send("POST", "/api/instances", admin, "{\"strategy\":\"sma-crossover\","
                    + "\"symbol\":\"BTCUSDT\",\"timeframe\":\"1m\"," + exchangeJson + "}");
            assertThat(second.status()).as(second.body()).isEqualTo(201);
            Server.Answer clash = server.send("POST", "/api/instances/" + second.json().get("id").asLong()
                    + "/start", admin, null);
            assertThat(clash.status()).as(clash.body()).isEqualTo(409);
            assertThat(clash.json().get("message").asText()).contains("one live instance per exchange and symbol");

            Server.Answer kill = server.send("POST", "/api/risk/kill-switch", admin,
                    "{\"engaged\":true,\"reason\":\"test\"}");
            assertThat(kill.status()).as(kill.body()).isEqualTo(200);
            assertThat(account.openOrders(BTC)).as("canceled on the exchange").isEmpty();
            JsonNode killed = server.send("GET", "/api/instances/" + gridId, admin, null).json();
            assertThat(killed.get("status").asText()).isEqualTo("STOPPED");
            assertThat(killed.get("workingOrders").size()).isZero();
            assertThat(venue.free("BTC")).isEqualByComparingTo("0");

            JsonNode audit = server.send("GET", "/api/audit?action=instance.stopped", admin, null).json();
            assertThat(audit.toString()).contains("instance/" + gridId).contains("kill switch");
            server.shutDown();
            assertThat(server.output()).doesNotContain(BinanceTestExchange.API_SECRET)
                    .doesNotContain(BinanceTestExchange.API_KEY);

            // 'quantplug runs list' on the server's home: both runs stored as LIVE, stopped
            Process list = new ProcessBuilder("bash", Server.launcher(), "runs", "list", "--json", "--home",
                    tmp.resolve("home").toString()).redirectErrorStream(true).start();
            String listed = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(list.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Map<String, String> modes = new HashMap<>();
            Map<String, String> statuses = new HashMap<>();
            Json.MAPPER.readTree(listed).forEach(r -> {
                modes.put(r.get("id").asText(), r.get("mode").asText());
                statuses.put(r.get("id").asText(), r.get("status").asText());
            });
            for (String run : List.of(Long.toString(smaRun), killed.get("runId").asText())) {
                assertThat(modes.get(run)).as(listed).isEqualTo("LIVE");
                assertThat(statuses.get(run)).as(listed).isEqualTo("STOPPED");
            }
        }
    }

    /** A trader may not create a live instance; an admin may not either when the server's environment has no keys. */
    @Test
    void aLiveInstanceIsRefusedToATraderAndWithoutKeysInTheServersEnvironment() {
        assumeTrue(System.getenv(BinanceCredentials.API_KEY) == null, "this JVM has Binance keys in its environment");
        try (BinanceTestExchange exchange = BinanceTestExchange.spot()
                .klines("BTCUSDT", Fixtures.BTC_2022, STREAM_FROM).barsPerSecond(20).start();
             TestServer server = TestServer.start(List.of("sma-crossover", "risk-basics", "binance"),
                     Clock.systemUTC())) {
            String body = "{\"strategy\":\"sma-crossover\",\"symbol\":\"BTCUSDT\",\"timeframe\":\"1m\","
                    + "\"exchange\":{\"id\":\"binance\",\"mode\":\"LIVE\",\"parameters\":{\"restUrl\":\""
                    + exchange.restUrl() + "\",\"streamUrl\":\"" + exchange.streamUrl() + "\"}}}";
            TestServer.Response trader = server.send("POST", "/api/instances", server.token("trader"), body);
            assertThat(trader.status()).as(trader.body()).isEqualTo(403);
            assertThat(trader.json().get("message").asText()).isEqualTo("only an admin may create a LIVE instance");

            TestServer.Response noKeys = server.send("POST", "/api/instances", server.token("admin"), body);
            assertThat(noKeys.status()).as(noKeys.body()).isEqualTo(400);
            assertThat(noKeys.json().get("field").asText()).isEqualTo("exchange.mode");
            assertThat(noKeys.json().get("message").asText()).contains("API keys from the server's environment")
                    .contains("ORDER_EXECUTION");
            assertThat(server.send("GET", "/api/instances", server.token("admin"), null).json().size()).isZero();

            // mainnet without a risk rule of the request's is refused before the exchange is asked anything
            TestServer.Response mainnet = server.send("POST", "/api/instances", server.token("admin"),
                    body.replace("\"parameters\":{", "\"parameters\":{\"network\":\"mainnet\","));
            assertThat(mainnet.status()).as(mainnet.body()).isEqualTo(400);
            assertThat(mainnet.json().get("field").asText()).isEqualTo("riskRules");
            assertThat(mainnet.json().get("message").asText())
                    .contains("live trading on mainnet needs at least one risk rule");
            TestServer.Response paperFlatten = server.send("POST", "/api/instances", server.token("admin"),
                    body.replace("\"mode\":\"LIVE\"", "\"flattenOnStop\":true"));
            assertThat(paperFlatten.status()).as(paperFlatten.body()).isEqualTo(400);
            assertThat(paperFlatten.json().get("field").asText()).isEqualTo("exchange.flattenOnStop");
            assertThat(exchange.rest().requests()).noneMatch(r -> r.path().equals("/api/v3/order"));
        }
    }

    /** A decimal field of a view (the API writes decimals as strings). */
    private static BigDecimal decimal(JsonNode view, String field) {
        return new BigDecimal(view.get(field).asText());
    }

    private static List<BinanceTestServer.Received> orders(BinanceTestExchange exchange) {
        return exchange.rest().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/v3/order")).toList();
    }

    private static BinanceRestClient account(BinanceTestExchange exchange) {
        return new BinanceRestClient(new BinanceTransport(HttpClient.newHttpClient(), exchange.restUrl(),
                BinanceMarket.SPOT, new BinanceCredentials(BinanceTestExchange.API_KEY,
                new HmacSha256Signer(BinanceTestExchange.API_SECRET)), new ServerClock(Clock.systemUTC()),
                RestSettings.defaults()));
    }

    /** {@code quantplug serve --port 0} from the distribution, in a child process with the given environment. */
    private static final class Server implements AutoCloseable {
        private static final Pattern URL = Pattern.compile("Quantplug console on (http://[0-9.]+:[0-9]+)/");
        private final Process process;
        private final Path log;
        private final String url;
        private final HttpClient http = HttpClient.newHttpClient();

        /**
         * One answer.
         *
         * @param status the status
         * @param body   the body
         */
        record Answer(int status, String body) {
            JsonNode json() {
                try {
                    return Json.MAPPER.readTree(body);
                } catch (IOException e) {
                    throw new AssertionError("not JSON (" + status + "): " + body, e);
                }
            }
        }

        private Server(Process process, Path log, String url) {
            this.process = process;
            this.log = log;
            this.url = url;
        }

        static Server start(Path home, Map<String, String> env) throws IOException, InterruptedException {
            Files.createDirectories(home);
            Path log = home.resolveSibling("serve-err.txt");
            Path plugins = Files.createDirectories(home.resolve("plugins"));
            Path dist = Path.of(System.getProperty("quantplug.dist"));
            try (var jars = Files.list(dist.resolve("plugins"))) {
                for (Path jar : jars.filter(j -> List.of("binance", "sma-crossover", "volatility-grid", "risk-basics")
                        .stream().anyMatch(n -> j.getFileName().toString().startsWith(n))).toList()) {
                    Files.copy(jar, plugins.resolve(jar.getFileName()));
                }
            }
            ProcessBuilder pb = new ProcessBuilder("bash", launcher(), "serve", "--port", "0", "--home",
                    home.toString(), "--plugins-dir", plugins.toString()).redirectError(log.toFile());
            Map<String, String> e = new HashMap<>(env);
            e.put("QUANTPLUG_ADMIN_PASSWORD", PASSWORD);
            pb.environment().putAll(e);
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while ((line = out.readLine()) != null && System.nanoTime() < end) {
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "serve-stdout");
                    drain.setDaemon(true);
                    drain.start();
                    return new Server(p, log, m.group(1));
                }
            }
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("quantplug serve did not start: " + Files.readString(log));
        }

        static String launcher() {
            return Path.of(System.getProperty("quantplug.dist")).resolve("bin/quantplug").toString();
        }

        String login(String user) {
            Answer a = send("POST", "/api/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\""
                    + PASSWORD + "\"}");
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            return a.json().get("token").asText();
        }

        Answer send(String method, String path, String token, String json) {
            try {
                HttpResponse<String> r = http.send(TestServer.request(url + path, method, token, json,
                        Duration.ofSeconds(90)), HttpResponse.BodyHandlers.ofString());
                return new Answer(r.statusCode(), r.body());
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        JsonNode await(String path, String token, Predicate<JsonNode> done) {
            return await(path, token, done, new String[] {""});
        }

        JsonNode await(String path, String token, Predicate<JsonNode> done, String[] context) {
            return TestServer.poll(() -> send("GET", path, token, null).json(), Duration.ofSeconds(60), done,
                    () -> path + " (" + context[0] + ")\n" + output());
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return e.toString();
            }
        }

        /** Stops the server as SIGTERM does (its runs are recorded before it exits); idempotent. */
        void shutDown() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        @Override
        public void close() {
            shutDown();
        }
    }
}
