package io.quantplug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantplug.testsupport.SharedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backtest on the home of a running {@code quantplug serve} (the distribution's, in a child process, holding the
 * home's embedded database): the command says what to do instead of only H2's "file is locked", with the store's
 * exit code; {@code --no-store} runs; once the server is gone the run is stored again.
 */
class StoreInUseIT {

    @TempDir
    Path tmp;

    @Test
    void aBacktestBesideARunningServerSaysWhatToDo() throws Exception {
        Path home = tmp.resolve("home");
        String bars = SharedData.require("binance-spot-1h-2021-2023/BTCUSDT_1h.csv").toString();
        ProcessBuilder pb = new ProcessBuilder("bash", CliRun.dist().resolve("bin/quantplug").toString(), "serve",
                "--port", "0", "--home", home.toString()).redirectError(tmp.resolve("serve-err.txt").toFile());
        pb.environment().put("QUANTPLUG_ADMIN_PASSWORD", "store-in-use-test");
        Process serve = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("Quantplug console on ")) {
                continue; // the first-start message, then the console's address once it serves
            }
            assertThat(line).as("serve started").isNotNull();

            CliRun stored = CliRun.of("backtest", "--data", bars, "--strategy", "sma-crossover", "--home",
                    home.toString(), "--out", tmp.resolve("a").toString());
            assertThat(stored.exitCode()).as(stored.err()).isEqualTo(QuantplugCli.STORE_UNAVAILABLE);
            assertThat(stored.err()).contains("The file is locked", "The embedded database is open in another"
                    + " process (a running 'quantplug serve', or another command on the same home): stop that"
                    + " process, run this one with --no-store, or let them share a PostgreSQL database (--db or"
                    + " QUANTPLUG_DB_URL)");

            CliRun unstored = CliRun.of("backtest", "--data", bars, "--strategy", "sma-crossover", "--home",
                    home.toString(), "--no-store", "--out", tmp.resolve("b").toString());
            assertThat(unstored.exitCode()).as(unstored.err()).isZero();
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        CliRun after = CliRun.of("backtest", "--data", bars, "--strategy", "sma-crossover", "--home", home.toString(),
                "--out", tmp.resolve("c").toString());
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).contains("Stored as run 1 ");
    }
}
