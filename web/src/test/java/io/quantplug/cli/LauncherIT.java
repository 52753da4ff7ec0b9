package io.quantplug.cli;

import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The distribution's launcher script, as a user runs it: a child process with real exit codes. */
class LauncherIT {

    @TempDir
    Path tmp;

    record Result(int exitCode, String out, String err) {
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        return launch(CliRun.dist(), null, args);
    }

    private Result launch(Path dist, Path home, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = dist.resolve("bin/quantplug").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        if (home != null) {
            builder.environment().put(CommonOptions.HOME_ENV, home.toString());
        }
        Process p = builder.start();
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

    @Test
    void aMovedDistributionMakesItsOwnClassDataSharingArchiveOnItsFirstBacktest() throws Exception {
        Path dist = CliRun.dist();
        // the build's archive says where it fits: the distribution as built
        assertThat(Path.of(java.nio.file.Files.readString(dist.resolve("lib/quantplug.jsa.path")).strip())
                .toRealPath()).isEqualTo(dist.toRealPath());
        Path moved = tmp.resolve("moved");
        try (var files = java.nio.file.Files.walk(dist)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = moved.resolve(dist.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(f, target);
                }
            }
        }
        Path home = tmp.resolve("home");
        Path data = SharedData.require(BacktestCommandIT.BINANCE_US);
        Result first = launch(moved, home, "backtest", "--data", data.toString(), "--strategy", "sma-crossover",
                "--no-store", "--out", "r1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path cds = home.resolve("cache/cds");
        List<Path> archives;
        try (var listed = java.nio.file.Files.list(cds)) {
            archives = listed.toList();
        }
        assertThat(archives).singleElement().satisfies(a ->
                assertThat(a.getFileName().toString()).matches("quantplug-\\d+\\.jsa"));
        java.nio.file.attribute.FileTime made = java.nio.file.Files.getLastModifiedTime(archives.get(0));
        Result second = launch(moved, home, "plugins");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("cds").doesNotContain("warning");
        assertThat(java.nio.file.Files.getLastModifiedTime(archives.get(0))).isEqualTo(made); // used, not remade
    }
}
