package io.quantplug.runtime.store;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code kill -9} in the middle of a journaled backtest: every fill the journal had acknowledged is in the database
 * afterwards, and the run is marked interrupted, not completed. On H2 (the child's file database) and on PostgreSQL.
 */
class DurabilityTest {

    private static final int ACKS_BEFORE_KILL = 40;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void acknowledgedFillsSurviveKill9(Vendor vendor) throws Exception {
        RealBacktest.series(); // skips (or fails on CI) without the real data, before starting anything
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        Path stderr = tmp.resolve("child.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName(), settings.url(),
                settings.user() == null ? "" : settings.user())
                .redirectError(stderr.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        });
        reader.setDaemon(true);
        reader.start();

        long runId = -1;
        List<Long> acknowledged = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try {
            while (acknowledged.size() < ACKS_BEFORE_KILL) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    fail("child printed " + acknowledged.size() + " acknowledgements in 90 s; stderr: "
                            + Files.readString(stderr));
                }
                if (line.startsWith("RUN ")) {
                    runId = Long.parseLong(line.substring(4));
                } else if (line.startsWith("ACK ")) {
                    acknowledged.add(Long.parseLong(line.substring(4)));
                } else if (line.equals("DONE")) {
                    fail("the child finished before it was killed");
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush, no close
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        reader.join(5_000);
        lines.stream().filter(l -> l.startsWith("ACK ")).forEach(l -> acknowledged.add(Long.parseLong(l.substring(4))));

        try (Store store = Store.open(settings)) {
            assertThat(store.interruptedOnOpen()).containsExactly(runId);
            RunStore.RunSummary run = store.runs().summary(runId).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStore.Status.INTERRUPTED);
            assertThat(run.tradeCount()).isNull();
            for (long seq : acknowledged) {
                assertThat(RunStoreTest.count(store, "SELECT COUNT(*) FROM fills WHERE run_id = ? AND seq = ?",
                        runId, seq)).as("acknowledged fill %d", seq).isEqualTo(1);
            }
            long stored = RunStoreTest.count(store, "SELECT COUNT(*) FROM fills WHERE run_id = ?", runId);
            assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size()).isLessThan(1_000);
            assertThat(store.audit().verify().intact()).isTrue();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
