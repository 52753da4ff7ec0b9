package io.quantplug.runtime.store;

import io.quantplug.api.market.Bar;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.SessionListener;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A real backtest journaled to the store and read back, on H2 and on a real PostgreSQL. */
class RunStoreTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void storedRunReadsBackAsItsResultDocument(Vendor vendor) throws SQLException {
        List<Bar> bars = RealBacktest.series().toBars(RealBacktest.BTCUSDT);
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            long runId = store.runs().start(RunStore.Mode.BACKTEST, RealBacktest.startBlock(bars), "alice");
            assertThat(store.runs().summary(runId).orElseThrow().status()).isEqualTo(RunStore.Status.RUNNING);

            BacktestResult result;
            try (Journal journal = store.journal()) {
                JournalingListener listener = store.runs().listener(runId, journal, new SessionListener() { });
                result = RealBacktest.run(bars, listener);
                store.runs().complete(runId, ResultDocument.of(result), "alice", journal);
                Journal.Stats stats = journal.close(Duration.ofSeconds(30));
                assertThat(stats.unwritten()).isZero();
                assertThat(stats.failure()).isNull();
                assertThat(listener.failure()).isNull();
            }
            ResultDocument expected = ResultDocument.of(result);
            assertThat(expected.trades()).hasSizeGreaterThan(400);
            assertThat(expected.rejections()).isNotEmpty();

            JsonAssert.assertSameDocument(store.runs().document(runId).orElseThrow(), expected);

            RunStore.RunSummary s = store.runs().summary(runId).orElseThrow();
            assertThat(s.status()).isEqualTo(RunStore.Status.COMPLETED);
            assertThat(s.tradeCount()).isEqualTo(expected.trades().size());
            assertThat(s.strategy()).isEqualTo("sma-crossover");
            assertThat(s.finished()).isNotNull();
            assertThat(store.runs().list()).extracting(RunStore.RunSummary::id).containsExactly(runId);

            assertThat(count(store, "SELECT COUNT(*) FROM fills WHERE run_id = ?", runId)).isEqualTo(result.fillCount());
            assertThat(count(store, "SELECT COUNT(*) FROM positions WHERE run_id = ?", runId))
                    .isEqualTo(result.fillCount());
            assertThat(count(store, "SELECT COUNT(*) FROM risk_events WHERE run_id = ? AND code = 'FIFTH_ENTRY'",
                    runId)).isEqualTo(result.rejections().size());
            assertThat(count(store, "SELECT COUNT(*) FROM order_events WHERE run_id = ? AND event_type = 'FILLED'",
                    runId)).isEqualTo(result.fillCount());
            // the last position is flat: the open position was closed at the end of the data
            assertThat(count(store, "SELECT COUNT(*) FROM positions WHERE run_id = ? AND quantity = 0"
                    + " AND seq = (SELECT MAX(seq) FROM positions WHERE run_id = ?)", runId, runId)).isEqualTo(1);
            assertThat(store.audit().page(0, 10)).extracting(AuditLog.Entry::action)
                    .containsExactly("run.started", "run.completed");
            assertThat(store.audit().verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void executionReportsAreStoredWithTheRunAndReadBack(Vendor vendor) throws SQLException {
        List<Bar> bars = RealBacktest.series().toBars(RealBacktest.BTCUSDT).subList(0, 2_000);
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            long runId = store.runs().start(RunStore.Mode.BACKTEST, RealBacktest.startBlock(bars), "alice");
            long without = store.runs().start(RunStore.Mode.BACKTEST, RealBacktest.startBlock(bars), "alice");
            ResultDocument plain = ResultDocument.of(RealBacktest.run(bars, new SessionListener() { }));
            // two algorithm reports as a strategy using the SDK's Twap and Iceberg would give them
            List<ResultDocument.ExecutionEntry> executions = List.of(
                    new ResultDocument.ExecutionEntry("sma-crossover", "TWAP", "BUY",
                            java.time.Instant.parse("2023-03-01T00:10:00Z"),
                            java.time.Instant.parse("2023-03-01T00:20:00Z"), new java.math.BigDecimal("0.5"),
                            new java.math.BigDecimal("0.5"), 23_150.25, new java.math.BigDecimal("23151.10"),
                            0.3671753861, 10),
                    new ResultDocument.ExecutionEntry("sma-crossover", "ICEBERG", "SELL",
                            java.time.Instant.parse("2023-03-02T00:00:00Z"),
                            java.time.Instant.parse("2023-03-02T00:03:00Z"), new java.math.BigDecimal("1.2"),
                            new java.math.BigDecimal("0.8"), 23_400, new java.math.BigDecimal("23398.5"), null, 4));
            ResultDocument withExecutions = new ResultDocument(plain.format(), plain.run(), plain.metrics(),
                    plain.trades(), plain.equity(), plain.rejections(), plain.faults(), plain.counts(),
                    plain.riskEvents(), plain.decisions(), plain.equitySampling(), executions);
            try (Journal journal = store.journal()) {
                store.runs().complete(runId, withExecutions, "alice", journal);
                store.runs().complete(without, plain, "alice", journal);
                assertThat(journal.close(Duration.ofSeconds(30)).unwritten()).isZero();
            }
            ResultDocument stored = store.runs().document(runId).orElseThrow();
            assertThat(stored.executions()).containsExactlyElementsOf(executions);
            assertThat(store.runs().document(without).orElseThrow().executions()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aStudyIsStoredAsARunOfItsOwnKindWithItsDocument(Vendor vendor) {
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            String study = "{\"objective\":\"sharpe\",\"trials\":[{\"parameters\":{\"fast\":\"5\"}}],"
                    + "\"pbo\":0.25}";
            long id = store.runs().recordStudy("sma-crossover", "BTCUSDT.BINANCE", "1m",
                    java.time.Instant.parse("2023-03-01T00:00:00Z"), java.time.Instant.parse("2023-03-21T23:59:00Z"),
                    study, 1, "alice");
            RunStore.RunSummary s = store.runs().summary(id).orElseThrow();
            assertThat(s.kind()).isEqualTo(RunStore.Kind.STUDY);
            assertThat(s.status()).isEqualTo(RunStore.Status.COMPLETED);
            assertThat(s.strategy()).isEqualTo("sma-crossover");
            assertThat(store.runs().study(id)).contains(study);
            assertThat(store.runs().document(id)).isEmpty(); // no backtest result: its document is the study
            assertThat(store.runs().list()).extracting(RunStore.RunSummary::id).containsExactly(id);
            assertThat(store.audit().page(0, 10)).extracting(AuditLog.Entry::action)
                    .containsExactly("run.started", "run.completed");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void runOfADeadProcessIsMarkedInterruptedOnOpen(Vendor vendor) throws IOException, InterruptedException,
            SQLException {
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        List<Bar> bars = RealBacktest.series().toBars(RealBacktest.BTCUSDT).subList(0, 100);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long runId;
        try (Store store = Store.open(settings)) {
            runId = store.runs().start(RunStore.Mode.BACKTEST, RealBacktest.startBlock(bars), "alice");
            long live = store.runs().start(RunStore.Mode.BACKTEST, RealBacktest.startBlock(bars), "alice");
            try (Connection c = store.database().connection();
                 PreparedStatement ps = c.prepareStatement("UPDATE runs SET pid = ? WHERE id = ?")) {
                ps.setLong(1, gone.pid());
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
            assertThat(live).isNotEqualTo(runId);
        }
        try (Store reopened = Store.open(settings)) {
            assertThat(reopened.interruptedOnOpen()).containsExactly(runId);
            RunStore.RunSummary s = reopened.runs().summary(runId).orElseThrow();
            assertThat(s.status()).isEqualTo(RunStore.Status.INTERRUPTED);
            assertThat(s.error()).contains("process " + gone.pid());
            // the other run belongs to this (living) process
            assertThat(reopened.runs().list()).filteredOn(r -> r.id() != runId)
                    .extracting(RunStore.RunSummary::status).containsExactly(RunStore.Status.RUNNING);
            assertThat(reopened.audit().verify().intact()).isTrue();
        }
    }

    static long count(Store store, String sql, long... params) throws SQLException {
        try (Connection c = store.database().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
