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
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code quantplug montecarlo} on a stored backtest of real bars: reproducible, its own path is the run, and its
 * figures meet truths computed here from the run's result.json.
 */
class MonteCarloCommandIT {

    @TempDir
    static Path tmp;

    static String home;
    static JsonNode result;

    @BeforeAll
    static void backtest() throws IOException {
        Path data = SharedData.require(BacktestCommandIT.BINANCE_US);
        home = tmp.resolve("home").toString();
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("backtest", "--data", data.toString(), "--symbol", "BTCUSDT", "--strategy",
                "sma-crossover", "--param", "fast=20", "--param", "slow=60", "--fee-bps", "2", "--out", out.toString(),
                "--home", home);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Stored as run 1");
        result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
    }

    private static JsonNode json(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void theSameSeedPrintsTheSameStudyTwice() {
        String[] args = {"montecarlo", "--run", "1", "--paths", "2000", "--seed", "7", "--json", "--home", home};
        CliRun first = CliRun.of(args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(CliRun.of(args).out()).isEqualTo(first.out());
        assertThat(CliRun.of("montecarlo", "--run", "1", "--paths", "2000", "--seed", "8", "--json", "--home", home)
                .out()).isNotEqualTo(first.out());
    }

    @Test
    void theBlockBootstrapsOwnPathIsTheRunAndWholeSeriesRotationsKeepItsReturn() throws IOException {
        JsonNode metrics = result.get("metrics");
        JsonNode study = json("montecarlo", "--run", "1", "--method", "blocks", "--paths", "500", "--json",
                "--home", home);
        assertThat(study.get("steps").asInt()).isEqualTo(30_240); // 30,241 equity points: capital, then each bar
        assertThat(study.get("blockBars").asDouble()).isEqualTo(31); // round(30240^(1/3))
        assertThat(study.at("/observed/totalReturn").asDouble())
                .isCloseTo(metrics.get("totalReturn").asDouble(), within(1e-12));
        assertThat(study.at("/observed/maxDrawdown").asDouble())
                .isCloseTo(metrics.get("maxDrawdown").asDouble(), within(1e-12));
        assertThat(study.at("/observed/sharpe").asDouble())
                .isCloseTo(metrics.get("sharpe").asDouble(), within(1e-9));
        // one block longer than the series: every path is a rotation of the run, whose product is the same
        JsonNode rotations = json("montecarlo", "--run", "1", "--method", "blocks", "--block-bars", "1e12",
                "--paths", "200", "--json", "--home", home);
        double total = metrics.get("totalReturn").asDouble();
        assertThat(rotations.at("/totalReturn/p1").asDouble()).isCloseTo(total, within(1e-9));
        assertThat(rotations.at("/totalReturn/p99").asDouble()).isCloseTo(total, within(1e-9));
    }

    @Test
    void theTradeBootstrapsMeanAndLossProbabilityMeetTheirExactValuesFromTheTrades() throws IOException {
        // the trades' returns on the closed-trade equity before each, in exit order, as documented
        List<JsonNode> trades = new ArrayList<>();
        result.get("trades").forEach(trades::add);
        trades.sort(Comparator.comparing(t -> t.get("exitTime").asText()));
        double equity = result.at("/run/capital").asDouble();
        int n = trades.size();
        double m1 = 0;
        double m2 = 0;
        for (JsonNode t : trades) {
            double r = t.get("pnl").asDouble() / equity;
            equity += t.get("pnl").asDouble();
            m1 += (1 + r) / n;
            m2 += (1 + r) * (1 + r) / n;
        }
        assertThat(n).isGreaterThan(50);
        // i.i.d. draws: E[prod(1 + r)] = E[1 + r]^n and Var = E[(1 + r)^2]^n - E[1 + r]^(2n)
        double mean = Math.pow(m1, n) - 1;
        double sd = Math.sqrt(Math.pow(m2, n) - Math.pow(m1, 2 * n));
        int paths = 20_000;
        JsonNode study = json("montecarlo", "--run", "1", "--paths", String.valueOf(paths), "--seed", "3", "--json",
                "--home", home);
        assertThat(study.get("steps").asInt()).isEqualTo(n);
        assertThat(study.at("/totalReturn/mean").asDouble()).isCloseTo(mean, within(5 * sd / Math.sqrt(paths)));
        assertThat(study.at("/observed/totalReturn").asDouble())
                .isCloseTo(result.at("/metrics/totalReturn").asDouble(), within(1e-9));
        double p5 = study.at("/totalReturn/p5").asDouble();
        double p50 = study.at("/totalReturn/p50").asDouble();
        double p95 = study.at("/totalReturn/p95").asDouble();
        assertThat(p5).isLessThan(p50).isGreaterThanOrEqualTo(study.at("/totalReturn/p1").asDouble());
        assertThat(p95).isGreaterThan(p50).isLessThanOrEqualTo(study.at("/totalReturn/p99").asDouble());
        int counted = 0;
        for (JsonNode c : study.at("/histogram/counts")) {
            counted += c.asInt();
        }
        assertThat(counted).isEqualTo(paths);
    }

    @Test
    void writesAPageWithTheHistogramAndPrintsATable() throws IOException {
        Path out = tmp.resolve("mc");
        CliRun run = CliRun.of("montecarlo", "--run", "1", "--paths", "1000", "--loss", "5", "--out", out.toString(),
                "--home", home);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Monte Carlo of run 1 (sma-crossover", "1000 paths, bootstrap of",
                "total return %", "max drawdown %", "Sharpe", "P(loss >= 5.0%) = ", "Report: ");
        String html = Files.readString(out.resolve("montecarlo.html"));
        Matcher bins = Pattern.compile("<rect class=\"bin\"").matcher(html);
        assertThat(bins.results().count()).isEqualTo(20);
        assertThat(new ObjectMapper().readTree(out.resolve("montecarlo.json").toFile()).get("format").asText())
                .isEqualTo("quantplug-montecarlo/1");
    }

    @Test
    void badInputGetsOneClearLineAndExitTwo() {
        String[][] cases = {
            {"--run", "99"}, {"--run", "1", "--method", "walk"}, {"--run", "1", "--paths", "0"},
            {"--run", "1", "--block-bars", "5"}, {"--run", "1", "--method", "blocks", "--block-bars", "0.5"},
            {"--run", "1", "--loss", "150"},
        };
        String[] messages = {"no run 99 in the store", "--method must be trades or blocks, got 'walk'",
            "--paths must be in [1, 1000000], got 0", "--block-bars applies to --method blocks only",
            "--block-bars must be >= 1, got 0.5", "--loss must be in (0, 100] percent, got 150"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("montecarlo"));
            args.addAll(List.of(cases[i]));
            args.addAll(List.of("--home", home));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(run.errLines()).as(String.join(" ", args)).singleElement().asString().contains(messages[i]);
        }
    }
}
