package io.quantplug.runtime.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journal's queue: backpressure instead of loss, acknowledgements in order, and a defect stops it loudly. */
class JournalTest {

    @TempDir
    Path tmp;

    /** A row of a scratch table; the first one can be made to wait for a latch inside the writer's batch. */
    private record Row(CountDownLatch gate) implements JournalEntry {
        @Override
        public String sql() {
            return "INSERT INTO scratch (seq) VALUES (?) ON CONFLICT DO NOTHING";
        }

        @Override
        public void bind(PreparedStatement ps, long seq) throws SQLException {
            if (gate != null) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ps.setLong(1, seq);
        }
    }

    private static Store scratchStore(Path home) throws SQLException {
        Store store = Store.open(DatabaseSettings.embedded(home));
        try (Connection c = store.database().connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE scratch (seq BIGINT NOT NULL PRIMARY KEY, note VARCHAR(4))");
        }
        return store;
    }

    @Test
    void fullQueueMakesTheProducerWaitAndLosesNothing() throws Exception {
        try (Store store = scratchStore(tmp)) {
            Journal journal = new Journal(store.database(), 4, 2);
            List<Long> acknowledged = new CopyOnWriteArrayList<>();
            journal.onDurable(acknowledged::add);
            CountDownLatch gate = new CountDownLatch(1);
            journal.append(new Row(gate)); // the writer takes it and waits inside its batch

            AtomicLong appended = new AtomicLong();
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    journal.append(new Row(null));
                    appended.incrementAndGet();
                }
            });
            producer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (producer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(producer.getState()).isEqualTo(Thread.State.TIMED_WAITING);
            assertThat(appended.get()).isLessThan(20); // blocked: queue (4) + one batch in hand at most
            assertThat(journal.durableSequence()).isZero();

            gate.countDown();
            producer.join(10_000);
            Journal.Stats stats = journal.close(Duration.ofSeconds(10));
            assertThat(stats.appended()).isEqualTo(21);
            assertThat(stats.written()).isEqualTo(21);
            assertThat(stats.unwritten()).isZero();
            assertThat(stats.blockedNanos()).isPositive();
            assertThat(journal.durableSequence()).isEqualTo(21);
            assertThat(acknowledged).isSorted().endsWith(21L);
            assertThat(RunStoreTest.count(store, "SELECT COUNT(*) FROM scratch")).isEqualTo(21);
        }
    }

    @Test
    void aRowTheSchemaRefusesStopsTheJournalAndSaysWhy() throws Exception {
        try (Store store = scratchStore(tmp)) {
            Journal journal = new Journal(store.database(), 16, 4);
            journal.append(new JournalEntry() {
                @Override
                public String sql() {
                    return "INSERT INTO scratch (seq, note) VALUES (?, 'too long for four')";
                }

                @Override
                public void bind(PreparedStatement ps, long seq) throws SQLException {
                    ps.setLong(1, seq);
                }
            });
            assertThat(journal.awaitDurable(1, Duration.ofSeconds(10))).isFalse();
            Journal.Stats stats = journal.close(Duration.ofSeconds(1));
            assertThat(stats.failure()).startsWith("cannot write to the database jdbc:h2:file:");
            assertThat(stats.unwritten()).isEqualTo(1);
            assertThatThrownBy(() -> journal.append(new Row(null)))
                    .hasMessageStartingWith("journal stopped: cannot write to the database");
        }
    }

    @Test
    void keyPacksRunAndSequenceIntoOneOrderedLong() {
        assertThat(Journal.key(1, 0)).isEqualTo(4_294_967_296L);
        assertThat(Journal.key(3, 7)).isEqualTo(3L * 4_294_967_296L + 7);
        assertThat(Journal.key(2, 0xFFFF_FFFFL)).isLessThan(Journal.key(3, 0));
        assertThatThrownBy(() -> Journal.key(1, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Journal.key(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectionErrorsAreRetriedDataErrorsAreNot() {
        assertThat(Sql.isConnectionError(new SQLTransientConnectionException("pool timeout"))).isTrue();
        assertThat(Sql.isConnectionError(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(Sql.isConnectionError(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(Sql.isConnectionError(new SQLException("batch failed", "22001",
                new SQLException("I/O error", "08006")))).isTrue();
        assertThat(Sql.isConnectionError(new SQLException("value too long", "22001"))).isFalse();
        assertThat(Sql.isConnectionError(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
