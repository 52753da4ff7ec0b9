package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code quantplug stress}: a stored run's strategy replayed through crash windows of real 1-hour bars gives what a
 * {@code quantplug backtest} of the same bars, warm-up and costs gives, and buy and hold as computed from the file.
 */
class StressCommandIT {

    static final String HOURLY = "binance-spot-1h-2021-2023/BTCUSDT_1h.csv";

    @TempDir
    static Path tmp;

    static String home;
    static Path hourly;

    @BeforeAll
    static void storedRun() {
        Path minutes = SharedData.require(BacktestCommandIT.BINANCE_US);
        hourly = SharedData.require(HOURLY);
        home = tmp.resolve("home").toString();
        CliRun run = CliRun.of("backtest", "--data", minutes.toString(), "--symbol", "BTCUSDT", "--strategy",
                "sma-crossover", "--param", "fast=20", "--param", "slow=60", "--fee-bps", "2", "--out",
                tmp.resolve("run").toString(), "--home", home);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aWindowReplaysAsABacktestOfTheSameBarsWithWarmUpAndWiderSlippage() throws IOException {
        CliRun stress = CliRun.of("stress", "--run", "1", "--data", hourly.toString(), "--symbol", "BTCUSDT",
                "--scenario", "luna-2022", "--json", "--home", home);
        assertThat(stress.exitCode()).as(stress.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(stress.out());
        assertThat(doc.get("slippageBps").decimalValue()).isEqualByComparingTo("50");
        JsonNode row = doc.get("scenarios").get(0);
        assertThat(row.get("bars").asInt()).isEqualTo(744); // 31 days of hours
        assertThat(row.get("warmUpBars").asInt()).isEqualTo(100);

        // the file, read plainly: rows "yyyy-MM-dd HH:mm:ss,open,high,low,close,volume,ticker", oldest first
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(hourly).subList(1, Files.readAllLines(hourly).size())) {
            rows.add(line.split(","));
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < rows.size(); i++) {
            String t = rows.get(i)[0];
            if (t.startsWith("2022-05")) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        double buyAndHold = Double.parseDouble(rows.get(last)[4]) / Double.parseDouble(rows.get(first)[1]) - 1;
        assertThat(row.get("buyAndHold").asDouble()).isCloseTo(buyAndHold, within(1e-12));

        // the same bars through the store and a backtest: 100 warm-up hours before May, May's hours
        CliRun imported = CliRun.of("data", "import", hourly.toString(), "--symbol", "BTCUSDT", "--timeframe", "1h",
                "--home", home);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String from = rows.get(first - 100)[0].replace(' ', 'T') + "Z";
        Path out = tmp.resolve("window");
        CliRun backtest = CliRun.of("backtest", "--symbol", "BTCUSDT", "--timeframe", "1h", "--from", from, "--to",
                "2022-06-01", "--warmup-bars", "100", "--strategy", "sma-crossover", "--param", "fast=20", "--param",
                "slow=60", "--fee-bps", "2", "--slippage-bps", "50", "--no-store", "--out", out.toString(),
                "--home", home);
        assertThat(backtest.exitCode()).as(backtest.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(row.get("trades").asInt()).isEqualTo(result.get("trades").size()).isGreaterThan(0);
        assertThat(row.get("totalReturn").asDouble()).isEqualTo(result.at("/metrics/totalReturn").asDouble());
        assertThat(row.get("maxDrawdown").asDouble()).isEqualTo(result.at("/metrics/maxDrawdown").asDouble());
    }

    @Test
    void windowsTheFileDoesNotCoverAreSaidSoAndTheOthersPrinted() {
        CliRun stress = CliRun.of("stress", "--run", "1", "--data", hourly.toString(), "--symbol", "BTCUSDT",
                "--home", home);
        assertThat(stress.exitCode()).as(stress.err()).isZero();
        assertThat(stress.out()).contains("Stress of run 1 (sma-crossover) on BTCUSDT.BINANCE 1h bars",
                "slippage 50 bps, fees 2 bps");
        assertThat(stress.out().lines().filter(l -> l.startsWith("covid-2020"))).singleElement().asString()
                .endsWith("not in the data"); // the file starts in April 2021
        assertThat(stress.out().lines().filter(l -> l.startsWith("china-2021") || l.startsWith("luna-2022")
                || l.startsWith("ftx-2022"))).hasSize(3).allSatisfy(l -> assertThat(l).doesNotContain("not in"));
    }

    @Test
    void badInputGetsOneClearLineAndExitTwo() {
        String[][] cases = {
            {"--run", "9"}, {"--run", "1", "--scenario", "dotcom-2000"}, {"--run", "1", "--slippage-bps", "2000"},
            {"--run", "1", "--warmup-bars", "-1"},
        };
        String[] messages = {"no run 9 in the store", "--scenario: unknown 'dotcom-2000'; known: covid-2020,",
            "--slippage-bps must be in [0, 1000], got 2000", "--warmup-bars must be in [0, 100000], got -1"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("stress", "--data", hourly.toString()));
            args.addAll(List.of(cases[i]));
            args.addAll(List.of("--home", home));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(run.errLines()).as(String.join(" ", args)).singleElement().asString().contains(messages[i]);
        }
    }
}
