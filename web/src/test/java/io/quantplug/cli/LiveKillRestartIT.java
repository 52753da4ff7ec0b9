package io.quantplug.cli;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.plugins.binance.rest.AccountTrade;
import io.quantplug.plugins.binance.rest.BinanceCredentials;
import io.quantplug.plugins.binance.rest.BinanceMarket;
import io.quantplug.plugins.binance.rest.BinanceRestClient;
import io.quantplug.plugins.binance.rest.BinanceTransport;
import io.quantplug.plugins.binance.rest.HmacSha256Signer;
import io.quantplug.plugins.binance.rest.RestSettings;
import io.quantplug.plugins.binance.rest.ServerClock;
import io.quantplug.plugins.binance.testserver.BinanceTestExchange;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.TestVenue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a live session with an order in flight, then a restart (issue 15's test): the distribution's
 * launcher in a child process against the local Binance-compatible exchange. The session is killed when its third
 * order reaches the exchange, before the exchange answers: the exchange then fills the order, which the killed
 * session never learns (a fill in flight). A resting limit order carrying the killed session's run tag is put on the
 * account at the kill: its working order (sma-crossover itself sends market orders only, and the test exchange
 * never fills resting orders). The restarted session must cancel and report that order, report every exchange trade
 * the store has no fill for, report the base balance it does not start from exactly as the exchange holds it, and
 * send no client order id twice. The outside truth is the exchange's own account and trade list.
 */
class LiveKillRestartIT {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final Pattern TAG = Pattern.compile("order ids (q[0-9a-z]{5}-)\\*");

    @TempDir
    Path tmp;

    @Test
    void aRestartAfterKillNineCancelsTheKilledSessionsOrderAndReportsEveryMissedFill() throws Exception {
        Path home = tmp.resolve("home");
        String db = LiveCommandIT.h2Url(home);
        try (BinanceTestExchange exchange = LiveCommandIT.fundedExchange()) {
            TestVenue venue = exchange.rest().venue();
            List<String> args = List.of("live", "--exchange", "binance", "--symbol", "BTCUSDT", "--timeframe", "1m",
                    "--strategy", "sma-crossover", "--param", "fast=3", "--param", "slow=8", "--warmup-bars", "20",
                    "--capital", "10000", "--exchange-param", "restUrl=" + exchange.restUrl(),
                    "--exchange-param", "streamUrl=" + exchange.streamUrl(), "--home", home.toString(),
                    "--db", db);

            Path out1 = tmp.resolve("out1.txt");
            Process first = start(exchange.environment(), args, List.of("--stop-after-bars", "400"), out1,
                    tmp.resolve("err1.txt"));
            CountDownLatch killed = new CountDownLatch(1);
            // the third order reaches the exchange: kill -9 before it is answered, then the exchange fills it
            exchange.rest().faultAt("/api/v3/order", 3, () -> {
                first.destroyForcibly();
                try {
                    first.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                killed.countDown();
            });
            assertThat(killed.await(45, TimeUnit.SECONDS)).as("third order sent: " + Files.readString(
                    tmp.resolve("err1.txt"))).isTrue();
            assertThat(first.isAlive()).isFalse();
            Matcher tag = TAG.matcher(Files.readString(out1));
            assertThat(tag.find()).as(Files.readString(out1)).isTrue();
            String killedTag = tag.group(1);

            BinanceRestClient account = account(exchange);
            ClientOrderId working = new ClientOrderId(killedTag + "sma-crossover-99");
            account.newOrder(new LimitOrder(working, BTC, Side.BUY, new BigDecimal("0.01"),
                    new BigDecimal("15000.00"), TimeInForce.GTC));
            List<AccountTrade> trades = waitForTrades(account, 3);
            BigDecimal btcAtRestart = venue.free("BTC");
            int stored = storedFills(db);

            Result second = run(exchange.environment(), args, List.of("--stop-after-bars", "3"),
                    tmp.resolve("out2.txt"), tmp.resolve("err2.txt"));
            assertThat(second.exitCode()).as(second.out() + second.err()).isZero();

            List<String> reported = second.err().lines().filter(l -> l.contains("live.reconciliation")).toList();
            assertThat(reported).filteredOn(l -> l.contains("open-order-canceled"))
                    .singleElement().asString().contains(working.value()).endsWith("canceled");
            assertThat(account.openOrders(BTC)).isEmpty();
            // every exchange trade of the killed run without a stored fill is reported, the one in flight included
            assertThat(stored).isLessThan(trades.size());
            assertThat(reported).filteredOn(l -> l.contains("missed-fill")).hasSize(trades.size() - stored)
                    .anySatisfy(l -> assertThat(l).contains("trade " + trades.get(trades.size() - 1).tradeId()
                            + " of BTCUSDT.BINANCE"));
            // the session starts flat: what the exchange holds is reported, to the satoshi
            assertThat(btcAtRestart.signum()).isPositive();
            Matcher base = Pattern.compile("base-balance: the account holds ([0-9.]+) BTC")
                    .matcher(String.join("\n", reported));
            assertThat(base.find()).as(reported.toString()).isTrue();
            assertThat(new BigDecimal(base.group(1))).isEqualByComparingTo(btcAtRestart);
            assertThat(auditCount(db, "live.reconciliation")).isEqualTo(reported.size());

            List<String> sent = new ArrayList<>();
            for (BinanceTestServer.Received r : exchange.rest().requests()) {
                if (r.method().equals("POST") && r.path().equals("/api/v3/order")) {
                    Matcher id = Pattern.compile("newClientOrderId=([^&]+)").matcher(r.rawQuery());
                    assertThat(id.find()).isTrue();
                    sent.add(id.group(1));
                }
            }
            assertThat(sent).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);
        }
    }

    /** A REST client on the test exchange's account, signed with its API keys, to act on it beside the session. */
    static BinanceRestClient account(BinanceTestExchange exchange) {
        return new BinanceRestClient(new BinanceTransport(HttpClient.newHttpClient(), exchange.restUrl(),
                BinanceMarket.SPOT, new BinanceCredentials(BinanceTestExchange.API_KEY,
                new HmacSha256Signer(BinanceTestExchange.API_SECRET)), new ServerClock(Clock.systemUTC()),
                RestSettings.defaults()));
    }

    /** The account's trades once at least {@code n} are there (the order in flight fills after the kill). */
    private static List<AccountTrade> waitForTrades(BinanceRestClient account, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<AccountTrade> trades = account.tradesSince(BTC, 0, 1000);
        while (trades.size() < n && System.nanoTime() < end) {
            Thread.sleep(50);
            trades = account.tradesSince(BTC, 0, 1000);
        }
        assertThat(trades).hasSizeGreaterThanOrEqualTo(n);
        return trades;
    }

    private static int storedFills(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM fills")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int auditCount(String db, String action) throws Exception {
        try (Connection c = DriverManager.getConnection(db);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_log WHERE action = ?")) {
            ps.setString(1, action);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Process start(Map<String, String> env, List<String> args, List<String> more, Path out, Path err)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", CliRun.dist().resolve("bin/quantplug").toString()));
        command.addAll(args);
        command.addAll(more);
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private Result run(Map<String, String> env, List<String> args, List<String> more, Path out, Path err)
            throws Exception {
        Process p = start(env, args, more, out, err);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the restarted session did not finish: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
