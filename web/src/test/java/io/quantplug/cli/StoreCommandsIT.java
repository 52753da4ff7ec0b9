package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/** The store from the command line: import, backtest from the store, runs list/show, audit verify, failures. */
class StoreCommandsIT {

    @TempDir
    Path tmp;

    static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    @Test
    void importBacktestFromTheStoreAndShowTheRunAsItsResultJson() throws IOException {
        Path data = SharedData.require(BacktestCommandIT.BINANCE_US);
        String home = tmp.resolve("home").toString();

        CliRun imported = CliRun.of("data", "import", data.toString(), "--symbol", "BTCUSDT", "--timeframe", "1m",
                "--home", home);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 30,240 bars of BTCUSDT.BINANCE 1m");
        CliRun again = CliRun.of("data", "import", data.toString(), "--timeframe", "1m", "--home", home);
        assertThat(again.out()).contains("Imported 0 bars", "(30,240 already stored)");

        CliRun list = CliRun.of("data", "list", "--home", home);
        assertThat(list.out()).contains("BTCUSDT.BINANCE", "30,240", "2023-03-01T00:00:00Z", "2023-03-21T23:59:00Z");

        Path out = tmp.resolve("out");
        CliRun backtest = CliRun.of("backtest", "--symbol", "BTCUSDT", "--timeframe", "1m", "--from", "2023-03-02",
                "--to", "2023-03-10T00:00:00Z", "--strategy", "sma-crossover", "--risk",
                "max-open-positions:limit=1", "--out", out.toString(), "--home", home);
        assertThat(backtest.exitCode()).as(backtest.err()).isZero();
        assertThat(backtest.out()).contains("Data: 11520 bars of 1m from the store, 2023-03-02T00:00:00Z ..",
                "Stored as run 1 (quantplug runs show 1)");
        // the stored series was read whole once and kept as a columnar copy beside the database for later reads
        try (var copies = Files.list(Path.of(home).resolve("cache").resolve("series"))) {
            assertThat(copies.toList()).singleElement().satisfies(f -> assertThat(Files.size(f))
                    .isGreaterThan(30_240L * 48));
        }

        CliRun runs = CliRun.of("runs", "list", "--json", "--home", home);
        JsonNode listed = new ObjectMapper().readTree(runs.out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asLong()).isEqualTo(1);
        assertThat(listed.get(0).get("mode").asText()).isEqualTo("BACKTEST");
        assertThat(listed.get(0).get("strategy").asText()).isEqualTo("sma-crossover");
        assertThat(listed.get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(listed.get(0).get("created").asText()).endsWith("Z");

        CliRun show = CliRun.of("runs", "show", "1", "--json", "--home", home);
        assertThat(show.exitCode()).as(show.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode stored = json.readTree(show.out());
        JsonNode file = json.readTree(out.resolve("result.json").toFile());
        assertThat(stored.get("trades").size()).isEqualTo(file.get("trades").size()).isGreaterThan(100);
        assertThat(stored.get("equity").size()).isEqualTo(2_000); // thinned as result.json is
        assertThat(stored.at("/equitySampling/points").asInt()).isEqualTo(11_521);
        JsonNode whole = json.readTree(CliRun.of("runs", "show", "1", "--json", "--equity", "full", "--home", home)
                .out());
        assertThat(whole.get("equity").size()).isEqualTo(11_521); // the store keeps every point
        for (String part : new String[] {"run", "metrics", "trades", "equity", "rejections", "faults", "counts"}) {
            assertThat(stored.get(part).equals(NUMBERS_BY_VALUE, file.get(part))).as(part).isTrue();
        }
        assertThat(stored.equals(NUMBERS_BY_VALUE, file)).isTrue();

        CliRun text = CliRun.of("runs", "show", "1", "--home", home);
        assertThat(text.out()).contains("Run 1: BACKTEST COMPLETED, sma-crossover", "Sharpe", "Max drawdown");

        CliRun verify = CliRun.of("audit", "verify", "--home", home);
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("Audit log intact: ");
    }

    @Test
    void tamperedAuditRowIsNamedAndFailsTheCommand() throws IOException, SQLException {
        Path data = SharedData.require(BacktestCommandIT.BINANCE_US);
        Path home = tmp.resolve("home");
        assertThat(CliRun.of("data", "import", data.toString(), "--timeframe", "1m", "--home", home.toString())
                .exitCode()).isZero();
        assertThat(CliRun.of("data", "import", data.toString(), "--timeframe", "1m", "--home", home.toString())
                .exitCode()).isZero();

        String url = "jdbc:h2:file:" + home.toAbsolutePath().resolve("db/quantplug") + ";MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_log_append_only");
            assertThat(st.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE id = 2")).isEqualTo(1);
        }
        CliRun verify = CliRun.of("audit", "verify", "--home", home.toString());
        assertThat(verify.exitCode()).isEqualTo(QuantplugCli.AUDIT_BROKEN);
        assertThat(verify.errLines()).containsExactly(
                "quantplug: audit log broken at row 2: row 2: content does not match its hash (changed after it"
                        + " was written: data.imported bars/BTCUSDT.BINANCE/1m)");
    }

    @Test
    void unreachableDatabaseIsOneLineWithThePasswordMasked() {
        CliRun run = CliRun.of("runs", "list", "--db", "jdbc:postgresql://127.0.0.1:1/quantplug?user=q&password=hunter2");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.STORE_UNAVAILABLE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("quantplug: error: cannot connect to the database"
                        + " jdbc:postgresql://127.0.0.1:1/quantplug?user=q&password=***: ")
                .doesNotContain("hunter2");
        assertThat(run.out()).isEmpty();

        CliRun backtest = CliRun.of("backtest", "--data", tmp.toString(), "--strategy", "sma-crossover");
        assertThat(backtest.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
    }

    @Test
    void serveRefusesABadLimitOrTrustedProxyBeforeItChangesAnything() {
        java.nio.file.Path home = tmp.resolve("serve-home");
        CliRun limit = CliRun.of("serve", "--port", "0", "--home", home.toString(), "--limit", "nope=3");
        assertThat(limit.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(limit.errLines()).singleElement().asString().startsWith("quantplug: error: no limit 'nope';")
                .contains("queuedBacktests");
        CliRun range = CliRun.of("serve", "--port", "0", "--home", home.toString(), "--limit", "queuedBacktests=0");
        assertThat(range.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(range.errLines()).singleElement().asString().contains("queuedBacktests must be in 1..");
        CliRun proxy = CliRun.of("serve", "--port", "0", "--home", home.toString(), "--trusted-proxy",
                "10.0.0.0/33");
        assertThat(proxy.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(proxy.errLines()).singleElement().asString()
                .isEqualTo("quantplug: error: trusted proxy '10.0.0.0/33' is not an address or CIDR block");
        assertThat(proxy.out()).doesNotContain("Created user");
    }

    @Test
    void unknownRunAndMixedSourcesAreOneLineErrors() {
        String home = tmp.resolve("home").toString();
        CliRun show = CliRun.of("runs", "show", "99", "--home", home);
        assertThat(show.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(show.errLines()).containsExactly(
                "quantplug: error: no run 99 in the store (see 'quantplug runs list')");

        CliRun mixed = CliRun.of("backtest", "--data", "x.csv", "--timeframe", "1m", "--strategy", "sma-crossover",
                "--home", home);
        assertThat(mixed.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(mixed.errLines()).containsExactly("quantplug: error: --timeframe, --from and --to select stored"
                + " bars; they do not go with --data");

        CliRun neither = CliRun.of("backtest", "--strategy", "sma-crossover", "--home", home);
        assertThat(neither.errLines()).containsExactly("quantplug: error: give --data FILE, or --symbol and"
                + " --timeframe to use bars from the store");

        CliRun badTime = CliRun.of("backtest", "--symbol", "BTCUSDT", "--timeframe", "1m", "--from", "yesterday",
                "--strategy", "sma-crossover", "--home", home);
        assertThat(badTime.errLines()).containsExactly("quantplug: error: --from: 'yesterday' is not a date"
                + " (2023-03-01) or a date-time (2023-03-01T12:00:00Z)");
    }

    @Test
    void backtestFromAnEmptyStoreSaysWhatIsMissing() {
        CliRun run = CliRun.of("backtest", "--symbol", "ETHUSDT", "--timeframe", "1h", "--strategy",
                "sma-crossover", "--home", tmp.resolve("empty").toString());
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.errLines()).containsExactly("quantplug: error: no bars of ETHUSDT.BINANCE in the store (see"
                + " 'quantplug data list')");
    }
}
