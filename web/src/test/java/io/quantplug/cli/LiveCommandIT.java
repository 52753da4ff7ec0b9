package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.app.alerts.LocalHttpServer;
import io.quantplug.plugins.binance.testserver.BinanceTestExchange;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import io.quantplug.plugins.binance.testserver.TestVenue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quantplug live} end to end, as a user runs it: the distribution's launcher in a child process with API keys
 * in its environment, against the local Binance-compatible exchange (real 2022 BTCUSDT one-minute klines streamed,
 * signed orders matched by its engine, execution reports on its user data stream). The outside truth is the
 * exchange's own account: what the session booked must equal how the exchange's balances moved. The store is an H2
 * file opened with {@code AUTO_SERVER}, so the test reads it while the session writes it: when the exchange receives
 * an order, the order's row must already be in the store.
 */
class LiveCommandIT {

    private static final long STREAM_FROM = Instant.parse("2022-06-20T00:00:00Z").toEpochMilli();
    /** Market orders fill at this price on the test exchange (BTCUSDT traded near it that day). */
    private static final String FILL_PRICE = "20500.00";

    @TempDir
    Path tmp;

    @Test
    void tradesOnTheExchangeWithEveryOrderStoredBeforeItIsSent() throws Exception {
        Path home = tmp.resolve("home");
        String db = h2Url(home);
        try (BinanceTestExchange exchange = fundedExchange()) {
            TestVenue venue = exchange.rest().venue();
            List<String> storedWhenSent = new CopyOnWriteArrayList<>();
            checkStoredAtOrder(exchange.rest(), db, 1, storedWhenSent);

            Result live = launch(exchange.environment(), "live", "--exchange", "binance", "--symbol", "BTCUSDT",
                    "--timeframe", "1m", "--strategy", "sma-crossover", "--param", "fast=3", "--param", "slow=8",
                    "--warmup-bars", "20", "--stop-after-bars", "120", "--capital", "10000",
                    "--exchange-param", "restUrl=" + exchange.restUrl(),
                    "--exchange-param", "streamUrl=" + exchange.streamUrl(),
                    "--home", home.toString(), "--db", db, "--out", tmp.resolve("live").toString());
            assertThat(live.exitCode()).as(live.out() + live.err()).isZero();
            assertThat(live.out()).contains("Live: sma-crossover on BTCUSDT.BINANCE 1m at binance")
                    .contains("Stored as run");
            assertThat(live.err()).doesNotContain(BinanceTestExchange.API_SECRET)
                    .doesNotContain(BinanceTestExchange.API_KEY);
            // the account holds 100,000 USDT, more than the capital: no difference; nothing else is open
            assertThat(live.err()).doesNotContain("live.reconciliation");

            List<BinanceTestServer.Received> orders = exchange.rest().requests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().equals("/api/v3/order")).toList();
            assertThat(orders).hasSizeGreaterThanOrEqualTo(4);
            for (BinanceTestServer.Received r : orders) {
                assertThat(r.rawQuery()).contains("signature=").containsPattern("newClientOrderId=q[0-9a-z]{5}-");
            }
            assertThat(storedWhenSent).hasSize(3).allMatch(s -> s.endsWith("stored"));

            BigDecimal[] booked = booked(db);
            assertThat(booked[0]).as("position = the exchange's BTC balance change")
                    .isEqualByComparingTo(venue.free("BTC"));
            assertThat(booked[1]).as("cash change = the exchange's USDT balance change")
                    .isEqualByComparingTo(venue.free("USDT").subtract(new BigDecimal("100000")));
            assertThat(booked[2].intValue()).as(live.err()).isEqualTo(orders.size());
        }
        JsonNode result = new ObjectMapper().readTree(tmp.resolve("live/result.json").toFile());
        assertThat(result.get("trades").size()).isGreaterThanOrEqualTo(1);
        Result runs = launch(Map.of(), "runs", "list", "--json", "--home", home.toString(), "--db", db);
        assertThat(runs.out()).contains("\"LIVE\"");
    }

    /**
     * With {@code alerts.yaml} in the home, a live session sends what a person must know to a webhook: the start-up
     * reconciliation's differences (an order placed by hand on the account, a USDT balance below the capital) and
     * the exchange's refusals of the session's orders (the account cannot pay for them: Binance's -2010). The outside
     * truth is the exchange: the open order's id and the free balance it reports.
     */
    @Test
    void sendsReconciliationDifferencesAndTheExchangesRefusalsAsAlerts() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        try (BinanceTestExchange exchange = fundedExchange(); LocalHttpServer hooks = new LocalHttpServer()) {
            TestVenue venue = exchange.rest().venue();
            venue.setBalance("USDT", "100");
            LiveKillRestartIT.account(exchange).newOrder(new LimitOrder(new ClientOrderId("by-hand-1"),
                    InstrumentId.of("BTCUSDT", "BINANCE"), Side.BUY, new BigDecimal("0.001"),
                    new BigDecimal("15000.00"), TimeInForce.GTC));
            BigDecimal freeUsdt = venue.free("USDT");
            assertThat(freeUsdt).isEqualByComparingTo("85");
            Files.writeString(home.resolve("alerts.yaml"), """
                    minIntervalSeconds: 0
                    channels:
                      - {name: ops, type: webhook, url: "%s/hook", kinds: [RECONCILIATION, ORDER_REJECTED]}
                    """.formatted(hooks.url()));

            Result live = launch(exchange.environment(), "live", "--exchange", "binance", "--symbol", "BTCUSDT",
                    "--timeframe", "1m", "--strategy", "sma-crossover", "--param", "fast=3", "--param", "slow=8",
                    "--warmup-bars", "20", "--stop-after-bars", "120", "--capital", "10000",
                    "--exchange-param", "restUrl=" + exchange.restUrl(),
                    "--exchange-param", "streamUrl=" + exchange.streamUrl(),
                    "--home", home.toString(), "--db", h2Url(home), "--out", tmp.resolve("live").toString());
            assertThat(live.exitCode()).as(live.out() + live.err()).isZero();

            ObjectMapper json = new ObjectMapper();
            List<JsonNode> alerts = new ArrayList<>();
            for (LocalHttpServer.Request r : hooks.requests("/hook")) {
                alerts.add(json.readTree(r.body()));
            }
            String session = "live sma-crossover BTCUSDT 1m";
            assertThat(alerts).allSatisfy(a -> {
                assertThat(a.get("session").asText()).isEqualTo(session);
                assertThat(a.get("instrument").asText()).isEqualTo("BTCUSDT.BINANCE");
            });
            List<String> reconciliation = alerts.stream().filter(a -> a.get("kind").asText().equals("RECONCILIATION"))
                    .map(a -> a.get("message").asText()).toList();
            assertThat(reconciliation).containsExactlyInAnyOrder(
                    "open-order-foreign: open order by-hand-1 of BTCUSDT.BINANCE is not a live session's; left alone",
                    "quote-balance: the account's free USDT is " + freeUsdt.toPlainString()
                            + ", below the capital 10000: orders sized on the capital may be refused");
            // each reconciliation alert is also on standard error, as without alerts
            assertThat(live.err().lines().filter(l -> l.contains("quantplug: live.reconciliation: "))).hasSize(2);

            List<BinanceTestServer.Received> orders = exchange.rest().requests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().equals("/api/v3/order")
                            && !r.rawQuery().contains("newClientOrderId=by-hand-1")).toList();
            assertThat(orders).as(live.err()).isNotEmpty();
            List<String> rejected = alerts.stream().filter(a -> a.get("kind").asText().equals("ORDER_REJECTED"))
                    .map(a -> a.get("message").asText()).toList();
            // minIntervalSeconds 0: every refusal is its own alert, one per order the exchange received
            assertThat(rejected).as(live.err()).hasSize(orders.size()).allSatisfy(m -> assertThat(m)
                    .matches("order q[0-9a-z]{5}-sma-crossover-1-[0-9]+ of sma-crossover-1 rejected by VENUE: "
                            + "INSUFFICIENT_FUNDS: Binance -2010: Account has insufficient balance for requested"
                            + " action\\."));
            assertThat(venue.free("BTC")).as("nothing was bought").isEqualByComparingTo("0");
            assertThat(String.join("\n", hooks.requests("/hook").stream().map(LocalHttpServer.Request::body)
                    .toList())).doesNotContain(BinanceTestExchange.API_SECRET).doesNotContain(BinanceTestExchange.API_KEY);
        }
    }

    @Test
    void refusesMainnetWithoutARiskRule() throws Exception {
        try (BinanceTestExchange exchange = BinanceTestExchange.spot()
                .klines("BTCUSDT", Fixtures.BTC_2022, STREAM_FROM).barsPerSecond(20).start()) {
            Result r = launch(exchange.environment(), "live", "--exchange", "binance", "--symbol", "BTCUSDT",
                    "--timeframe", "1m", "--strategy", "sma-crossover", "--stop-after-bars", "5",
                    "--exchange-param", "network=mainnet",
                    "--exchange-param", "restUrl=" + exchange.restUrl(),
                    "--exchange-param", "streamUrl=" + exchange.streamUrl(), "--home", tmp.resolve("h").toString());
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(r.err()).contains("live trading on mainnet needs at least one risk rule")
                    .contains("--no-risk-rules-i-understand");
            assertThat(exchange.rest().requests()).noneMatch(q -> q.path().equals("/api/v3/order"));
        }
    }

    /**
     * The store of a home as an H2 file opened with {@code AUTO_SERVER}, so that a test reads it while a child process
     * writes it.
     */
    static String h2Url(Path home) {
        return "jdbc:h2:file:" + home.resolve("db/quantplug").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    /**
     * The local exchange streaming 2022 BTCUSDT one-minute klines at 20 bars a second, market orders filling at
     * {@link #FILL_PRICE}, the account holding 100,000 USDT and no BTC.
     */
    static BinanceTestExchange fundedExchange() {
        BinanceTestExchange exchange = BinanceTestExchange.spot()
                .klines("BTCUSDT", Fixtures.BTC_2022, STREAM_FROM).barsPerSecond(20).inProgressUpdates(false)
                .start();
        TestVenue venue = exchange.rest().venue();
        venue.setLastPrice("BTCUSDT", FILL_PRICE);
        venue.setBalance("USDT", "100000");
        venue.setBalance("BTC", "0");
        return exchange;
    }

    /**
     * At the {@code n}-th order request (and the two after it), before the exchange answers, looks the request's
     * client order id up in the store and notes {@code "ID stored"} or {@code "ID missing"}.
     */
    private static void checkStoredAtOrder(BinanceTestServer server, String db, int n, List<String> notes) {
        server.faultAt("/api/v3/order", n, () -> {
            List<BinanceTestServer.Received> all = server.requests();
            String query = all.get(all.size() - 1).rawQuery();
            String id = param(query, "newClientOrderId");
            try (Connection c = DriverManager.getConnection(db);
                 PreparedStatement s = c.prepareStatement("SELECT count(*) FROM orders WHERE client_order_id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    notes.add(id + (rs.getLong(1) == 1 ? " stored" : " missing"));
                }
            } catch (SQLException e) {
                notes.add(id + " error " + e.getMessage());
            }
            if (n < 3) {
                checkStoredAtOrder(server, db, n + 1, notes);
            }
        });
    }

    private static String param(String query, String name) {
        for (String kv : query.split("&")) {
            if (kv.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(kv.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + query);
    }

    /** Position (signed sum of fill quantities), cash change (-buys + sells - fees) and fill count, from the store. */
    private static BigDecimal[] booked(String db) throws SQLException {
        BigDecimal position = BigDecimal.ZERO;
        BigDecimal cash = BigDecimal.ZERO;
        int fills = 0;
        try (Connection c = DriverManager.getConnection(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT side, price, quantity, fee, fee_asset FROM fills")) {
            while (rs.next()) {
                boolean buy = rs.getString(1).equals("BUY");
                BigDecimal notional = rs.getBigDecimal(2).multiply(rs.getBigDecimal(3));
                assertThat(rs.getString(5)).isEqualTo("USDT");
                position = buy ? position.add(rs.getBigDecimal(3)) : position.subtract(rs.getBigDecimal(3));
                cash = (buy ? cash.subtract(notional) : cash.add(notional)).subtract(rs.getBigDecimal(4));
                fills++;
            }
        }
        return new BigDecimal[] {position, cash, BigDecimal.valueOf(fills)};
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", CliRun.dist().resolve("bin/quantplug").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("quantplug " + args[0] + " did not finish: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
