package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The optimize command end to end on real bars, with the distribution's plugins. */
class OptimizeCommandIT {

    static final String BTC_2023 = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2023chunk.csv";

    @TempDir
    Path tmp;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyTrialsMetricsEqualThoseOfABacktestWithItsParametersToTheLastDigit() throws IOException {
        Path data = SharedData.require(BTC_2023);
        String home = tmp.resolve("home").toString();
        CliRun study = CliRun.of("optimize", "--data", data.toString(), "--strategy", "sma-crossover",
                "--grid", "fast=5..15:5", "--grid", "slow=12,30", "--constraint", "fast<slow", "--fee-bps", "5",
                "--workers", "2", "--json", "--home", home);
        assertThat(study.exitCode()).as(study.err()).isZero();
        JsonNode doc = mapper.readTree(study.out()); // standard output is the JSON alone
        JsonNode trials = doc.get("trials");
        // fast 5, 10, 15 x slow 12, 30 less (15, 12): 5 sets, in grid order
        List<String> sets = new ArrayList<>();
        trials.forEach(t -> sets.add(t.at("/parameters/fast").asText() + "/" + t.at("/parameters/slow").asText()));
        assertThat(sets).containsExactly("5/12", "5/30", "10/12", "10/30", "15/30");
        for (JsonNode trial : trials) {
            String fast = trial.at("/parameters/fast").asText();
            String slow = trial.at("/parameters/slow").asText();
            Path out = tmp.resolve("bt-" + fast + "-" + slow);
            CliRun backtest = CliRun.of("backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                    "--param", "fast=" + fast, "--param", "slow=" + slow, "--fee-bps", "5", "--no-store",
                    "--home", home, "--out", out.toString());
            assertThat(backtest.exitCode()).as(backtest.err()).isZero();
            JsonNode result = mapper.readTree(out.resolve("result.json").toFile());
            assertThat(trial.get("metrics")).as("trial fast=%s slow=%s", fast, slow).isEqualTo(result.get("metrics"));
            assertThat(trial.get("metrics").get("tradeCount").asInt()).isPositive();
        }
        // the best is the trial of the highest Sharpe ratio
        double bestSharpe = Double.NEGATIVE_INFINITY;
        for (JsonNode t : trials) {
            bestSharpe = Math.max(bestSharpe, t.at("/metrics/sharpe").asDouble());
        }
        assertThat(doc.at("/best/metrics/sharpe").asDouble()).isEqualTo(bestSharpe);
        assertThat(doc.get("objective").asText()).isEqualTo("sharpe");
        assertThat(doc.get("deflatedSharpe").asDouble()).isBetween(0.0, 1.0);
        assertThat(doc.get("pbo").asDouble()).isBetween(0.0, 1.0);
        assertThat(doc.get("pboBlocks").asInt()).isEqualTo(16);
        assertThat(doc.get("pboCombinations").asInt()).isEqualTo(12_870);
        assertThat(study.err()).contains("Data: 50000 bars of 1m", "Study: 5 trials of sma-crossover",
                "Stored as run 1 (quantplug runs show 1)");

        // the study is stored as a run of kind STUDY: listed, and shown as the document it printed
        JsonNode listed = mapper.readTree(CliRun.of("runs", "list", "--json", "--home", home).out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("kind").asText()).isEqualTo("STUDY");
        assertThat(listed.get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(listed.get(0).get("timeframe").asText()).isEqualTo("1m");
        assertThat(mapper.readTree(CliRun.of("runs", "show", "1", "--json", "--home", home).out())).isEqualTo(doc);
        CliRun shown = CliRun.of("runs", "show", "1", "--home", home);
        assertThat(shown.out()).contains("study COMPLETED, sma-crossover on BTCUSDT.BINANCE 1m", "Trials: 5,"
                + " objective sharpe; best: " + doc.at("/best/parameters"));
        assertThat(CliRun.of("runs", "list", "--home", home).out()).contains("STUDY");
        CliRun resample = CliRun.of("montecarlo", "--run", "1", "--home", home);
        assertThat(resample.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(resample.err()).contains("run 1 is a study (quantplug optimize), which has no single result");
        CliRun stress = CliRun.of("stress", "--run", "1", "--data", data.toString(), "--home", home);
        assertThat(stress.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(stress.err()).contains("run 1 is a study (quantplug optimize)");
    }

    @Test
    void aSeededRandomSampleIsTheSameEveryTimeAndDrawnFromTheGrid() throws IOException {
        Path data = SharedData.require(BTC_2023);
        String[] args = {"optimize", "--data", data.toString(), "--strategy", "sma-crossover", "--grid",
            "fast=2..20:2", "--grid", "slow=30..90:30", "--random", "4", "--seed", "7", "--workers", "2", "--json",
            "--home", tmp.resolve("home").toString(), "--objective", "totalReturn", "--pbo-blocks", "4"};
        CliRun first = CliRun.of(args);
        CliRun second = CliRun.of(args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        JsonNode doc = mapper.readTree(first.out());
        assertThat(doc.get("trials")).hasSize(4);
        for (JsonNode t : doc.get("trials")) {
            assertThat(t.at("/parameters/fast").asInt() % 2).isZero();
            assertThat(t.at("/parameters/slow").asInt()).isIn(30, 60, 90);
        }
        assertThat(doc.get("pboCombinations").asInt()).isEqualTo(6); // C(4, 2)
    }

    @Test
    void badInputGetsOneLineAndExitCode2() {
        Path data = SharedData.require(BTC_2023);
        String home = tmp.resolve("home").toString();
        CliRun outOfBounds = CliRun.of("optimize", "--data", data.toString(), "--strategy", "sma-crossover",
                "--grid", "fast=0..10:5", "--home", home);
        assertThat(outOfBounds.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(outOfBounds.errLines()).containsExactly("quantplug: error: --grid fast=0..10:5: parameter 'fast'"
                + " = 0 is out of range: allowed integer 1 .. 1000 (bars)");

        CliRun empty = CliRun.of("optimize", "--data", data.toString(), "--strategy", "sma-crossover",
                "--grid", "fast=40..50:10", "--grid", "slow=20..30:10", "--constraint", "fast<slow", "--home", home);
        assertThat(empty.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(empty.errLines()).containsExactly("quantplug: error: the grid is empty after the constraints:"
                + " none of its 4 parameter sets satisfies fast<slow");

        CliRun objective = CliRun.of("optimize", "--data", data.toString(), "--strategy", "sma-crossover",
                "--grid", "fast=5..10:5", "--objective", "alpha", "--home", home);
        assertThat(objective.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(objective.errLines()).containsExactly("quantplug: error: --objective: unknown objective 'alpha';"
                + " one of sharpe, sortino, calmar, totalReturn, profitFactor");

        CliRun refused = CliRun.of("optimize", "--data", data.toString(), "--strategy", "sma-crossover",
                "--grid", "fast=20..40:20", "--param", "slow=30", "--workers", "2", "--home", home);
        assertThat(refused.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(refused.errLines()).last().asString().startsWith("quantplug: error: trial {slow=30, fast=40}:")
                .endsWith("(leave such sets out with --constraint)");
    }
}
