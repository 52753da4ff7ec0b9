package io.quantplug.cli;

import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The distribution's launcher script, as a user runs it: a child process with real exit codes. */
class LauncherIT {

    @TempDir
    Path tmp;

    record Result(int exitCode, String out, String err) {
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = CliRun.dist().resolve("bin/quantplug").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(p.exitValue(), java.nio.file.Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                java.nio.file.Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void backtestsRealDataWithThePluginsOfTheDistribution() throws Exception {
        Path data = SharedData.require(BacktestCommandIT.BINANCE_US);
        Result r = launch("backtest", "--data", data.toString(), "--strategy", "rsi-reversion", "--out", "res");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("rsi-reversion on BTCUSDT.BINANCE").contains("Wrote res/result.json")
                .containsPattern("Stored as run \\d+");
        // nothing but the progress bar on stderr: no logging start-up chatter, no class-data-sharing warnings
        assertThat(r.err()).doesNotContain("SLF4J").doesNotContain("cds").doesNotContain("warning");
        assertThat(tmp.resolve("res/report.html")).exists();
    }

    @Test
    void badInputExitsNonZeroWithOneLineAndNoStackTrace() throws Exception {
        Result r = launch("backtest", "--data", "missing.csv", "--strategy", "sma-crossover");
        assertThat(r.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("quantplug: error: data file missing.csv does not exist or is not a file");
    }
}
