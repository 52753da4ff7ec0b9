package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code optimize --walk-forward} on the shared hourly bars: each window's out-of-sample trial equals a separate
 * backtest of that window's bars (a file holding only them) with the parameters chosen in sample.
 */
class WalkForwardIT {

    static final String BTC_1H = "binance-spot-1h-2021-2023/BTCUSDT_1h.csv";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path tmp;

    @Test
    void eachWindowsOutOfSampleTrialEqualsASeparateBacktestOfThatWindow() throws IOException {
        Path data = SharedData.require(BTC_1H);
        String home = tmp.resolve("home").toString();
        CliRun study = CliRun.of("optimize", "--data", data.toString(), "--strategy", "sma-crossover",
                "--grid", "fast=5..20:5", "--grid", "slow=30..90:30", "--walk-forward", "in=180d,out=90d",
                "--tick-size", "0.01", "--workers", "2", "--json", "--home", home);
        assertThat(study.exitCode()).as(study.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(study.out());
        JsonNode windows = doc.get("windows");
        // 2021-04-04 20:00 .. 2023-12-30 20:00 is 1,000 days: 180 in, then (1000 - 180) / 90 = 9 whole windows
        assertThat(windows).hasSize(9);
        assertThat(windows.get(0).get("inSampleFrom").asText()).isEqualTo("2021-04-04T20:00:00Z");
        assertThat(windows.get(0).get("outOfSampleFrom").asText()).isEqualTo("2021-10-01T20:00:00Z");
        assertThat(windows.get(1).get("inSampleFrom").asText()).isEqualTo("2021-07-03T20:00:00Z"); // rolling
        List<String> lines = Files.readAllLines(data);
        double stitched = 1;
        for (int i = 0; i < windows.size(); i++) {
            JsonNode w = windows.get(i);
            Instant from = Instant.parse(w.get("outOfSampleFrom").asText());
            Instant to = Instant.parse(w.get("outOfSampleTo").asText());
            List<String> window = new ArrayList<>(List.of(lines.get(0)));
            for (String line : lines.subList(1, lines.size())) {
                Instant open = LocalDateTime.parse(line.substring(0, 19), TIME).toInstant(ZoneOffset.UTC);
                if (!open.isBefore(from) && open.isBefore(to)) {
                    window.add(line);
                }
            }
            Path file = tmp.resolve("BTCUSDT_1h_window" + i + ".csv");
            Files.write(file, window);
            Path out = tmp.resolve("bt" + i);
            CliRun backtest = CliRun.of("backtest", "--data", file.toString(), "--strategy", "sma-crossover",
                    "--param", "fast=" + w.at("/parameters/fast").asText(), "--param",
                    "slow=" + w.at("/parameters/slow").asText(), "--tick-size", "0.01", "--no-store",
                    "--home", home, "--out", out.toString());
            assertThat(backtest.exitCode()).as(backtest.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
            assertThat(w.get("outOfSampleMetrics")).as("window %d", i).isEqualTo(result.get("metrics"));
            stitched *= 1 + result.at("/metrics/totalReturn").asDouble();
        }
        // the stitched out-of-sample equity compounds the windows' returns
        assertThat(doc.at("/walkForward/outOfSampleReturn").asDouble())
                .isCloseTo(stitched - 1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(doc.at("/walkForward/in").asText()).isEqualTo("180d");
        assertThat(doc.at("/walkForward/stability/fast/share").asDouble()).isBetween(1.0 / 9, 1.0);
    }

    @Test
    void anchoredWindowsStartAtTheFirstBarAndAWindowLongerThanTheDataIsRefused() throws IOException {
        Path data = SharedData.require(BTC_1H);
        String home = tmp.resolve("home").toString();
        CliRun anchored = CliRun.of("optimize", "--data", data.toString(), "--strategy", "sma-crossover",
                "--grid", "fast=10,20", "--param", "slow=60", "--walk-forward", "in=360d,out=180d,anchored",
                "--workers", "2", "--json", "--home", home);
        assertThat(anchored.exitCode()).as(anchored.err()).isZero();
        JsonNode windows = new ObjectMapper().readTree(anchored.out()).get("windows");
        assertThat(windows).hasSize(3); // (1000 - 360) / 180 = 3.6
        for (JsonNode w : windows) {
            assertThat(w.get("inSampleFrom").asText()).isEqualTo("2021-04-04T20:00:00Z");
        }
        CliRun tooLong = CliRun.of("optimize", "--data", data.toString(), "--strategy", "sma-crossover",
                "--grid", "fast=10,20", "--walk-forward", "in=900d,out=200d", "--home", home);
        assertThat(tooLong.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(tooLong.errLines()).last().asString().isEqualTo("quantplug: error: --walk-forward: one window"
                + " (900d in sample + 200d out of sample) is longer than the data, 2021-04-04T20:00:00Z .."
                + " 2023-12-30T20:00:00Z");
    }
}
