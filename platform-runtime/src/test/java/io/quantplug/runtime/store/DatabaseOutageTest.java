package io.quantplug.runtime.store;

import io.quantplug.api.market.Bar;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.SessionListener;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL server stops in the middle of a journaled backtest and comes back: the journal retries with
 * backoff, the engine's results are those of a run without a store, and once the server is back every record is
 * written.
 */
class DatabaseOutageTest {

    private static final int STOP_AT_FILL = 100;
    private static final int RESTART_AT_FILL = 300;

    @TempDir
    Path tmp;

    @Test
    void journalWaitsOutAStoppedServerAndLosesNothing() throws Exception {
        List<Bar> bars = RealBacktest.series().toBars(RealBacktest.BTCUSDT);
        BacktestResult plain = RealBacktest.run(bars, new SessionListener() { });

        Path dataDir = tmp.resolve("pgdata");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres[] server = {start(dataDir, port)};
        try {
            DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://localhost:" + port + "/postgres",
                    "postgres", null);
            try (Store store = Store.open(settings)) {
                long runId = store.runs().start(RunStore.Mode.BACKTEST, RealBacktest.startBlock(bars), "alice");
                Journal journal = store.journal();
                long[] durableWhenStopped = new long[1];
                int[] fills = {0};
                SessionListener outage = new SessionListener() {
                    @Override
                    public void onOrderEvent(String strategy, OrderEvent event) {
                        if (!(event instanceof OrderFilled)) {
                            return;
                        }
                        fills[0]++;
                        try {
                            if (fills[0] == STOP_AT_FILL) {
                                journal.awaitDurable(journal.appendedSequence(), Duration.ofSeconds(30));
                                durableWhenStopped[0] = journal.durableSequence();
                                server[0].close();
                            } else if (fills[0] == RESTART_AT_FILL) {
                                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                                while (journal.stats().retries() == 0 && System.nanoTime() < deadline) {
                                    Thread.sleep(20);
                                }
                                server[0] = start(dataDir, port);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
                BacktestResult result = RealBacktest.run(bars, store.runs().listener(runId, journal, outage));
                store.runs().complete(runId, ResultDocument.of(result), "alice", journal);
                Journal.Stats stats = journal.close(Duration.ofSeconds(60));

                assertThat(fills[0]).isGreaterThan(RESTART_AT_FILL);
                assertThat(stats.retries()).isPositive();
                assertThat(stats.failure()).isNull();
                assertThat(stats.unwritten()).isZero();
                assertThat(stats.written()).isEqualTo(stats.appended()).isGreaterThan(durableWhenStopped[0]);
                // the engine never noticed: same result as without a store
                JsonAssert.assertSameDocument(ResultDocument.of(result), ResultDocument.of(plain));
                JsonAssert.assertSameDocument(store.runs().document(runId).orElseThrow(), ResultDocument.of(plain));
                assertThat(RunStoreTest.count(store, "SELECT COUNT(*) FROM fills WHERE run_id = ?", runId))
                        .isEqualTo(plain.fillCount());
                assertThat(store.runs().summary(runId).orElseThrow().status()).isEqualTo(RunStore.Status.COMPLETED);
            }
        } finally {
            server[0].close();
        }
    }

    private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .start();
    }
}
