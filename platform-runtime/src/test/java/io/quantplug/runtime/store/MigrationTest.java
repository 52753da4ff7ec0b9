package io.quantplug.runtime.store;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.BarSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migrations, on H2 and on a real PostgreSQL: from empty, re-run, and what they enforce. */
class MigrationTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void migratesAnEmptyDatabaseAndReopensWithoutChange(Vendor vendor) throws SQLException {
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        try (Store store = Store.open(settings)) {
            assertThat(store.database().vendor()).isEqualTo(vendor);
            assertThat(versions(store)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        }
        try (Store again = Store.open(settings)) {
            assertThat(versions(again)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
            assertThat(again.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void schemaVersionConstantIsTheNewestMigrationOfAllFolders() throws IOException, URISyntaxException {
        int newestOfAll = 0;
        for (String folder : new String[] {"common", "h2", "postgresql"}) {
            Path dir = Path.of(Database.class.getResource("/db/migration/" + folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                int newest = files.map(f -> f.getFileName().toString())
                        .filter(n -> n.matches("V\\d+__.+\\.sql"))
                        .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                        .max().orElse(0);
                assertThat(newest).as(folder).isLessThanOrEqualTo(Integer.parseInt(Database.SCHEMA_VERSION));
                newestOfAll = Math.max(newestOfAll, newest);
            }
        }
        // a version may live in common or in both vendor folders, never in common and a vendor folder
        assertThat(newestOfAll).isEqualTo(Integer.parseInt(Database.SCHEMA_VERSION));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anOlderDatabaseIsMigratedOnOpen(Vendor vendor) throws SQLException {
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        try (Store store = Store.open(settings); Connection c = store.database().connection();
             Statement st = c.createStatement()) {
            // as if versions 2 and 3 had never been applied
            st.execute("DELETE FROM flyway_schema_history WHERE version IN ('2', '3', '4', '5', '6', '7', '8', '9',"
                    + " '10', '11')");
            undoVersion11(st);
            undoVersion10(st);
            undoVersion9(st);
            undoVersion7(st);
            undoVersion6(st);
            undoVersion5(st);
            undoVersion4(st);
            undoVersion3(st);
            st.execute(vendor == Vendor.POSTGRESQL
                    ? "DROP TRIGGER audit_log_append_only ON audit_log" : "DROP TRIGGER audit_log_append_only");
            if (vendor == Vendor.POSTGRESQL) {
                st.execute("DROP FUNCTION audit_log_refuse_change()");
            }
        }
        try (Store again = Store.open(settings)) {
            assertThat(versions(again)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
            assertVersion3Objects(again);
            again.audit().append("alice", "a.b", "c", "");
            try (Connection c = again.database().connection(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log"))
                        .hasMessageContaining("append-only");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aVersion2DatabaseGainsVersion3AndKeepsItsRiskEvents(Vendor vendor) throws SQLException {
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        try (Store store = Store.open(settings); Connection c = store.database().connection();
             Statement st = c.createStatement()) {
            st.execute("DELETE FROM flyway_schema_history WHERE version IN ('3', '4', '5', '6', '7', '8', '9', '10', '11')");
            undoVersion11(st);
            undoVersion10(st);
            undoVersion9(st);
            undoVersion7(st);
            undoVersion6(st);
            undoVersion5(st);
            undoVersion4(st);
            undoVersion3(st);
            // a rejection recorded by a version-2 store
            st.execute("INSERT INTO risk_events (event_time, rule_id, event_type, code, message)"
                    + " VALUES (CURRENT_TIMESTAMP, 'limits', 'REJECT', 'TOO_BIG', 'order too big')");
        }
        try (Store again = Store.open(settings)) {
            assertThat(versions(again)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
            assertVersion3Objects(again);
            try (Connection c = again.database().connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT code, event_values FROM risk_events")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("TOO_BIG");
                assertThat(rs.getString(2)).isNull();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aVersion3DatabaseGainsVersion4AndItsRunsAreSingle(Vendor vendor) throws SQLException {
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        try (Store store = Store.open(settings); Connection c = store.database().connection();
             Statement st = c.createStatement()) {
            st.execute("DELETE FROM flyway_schema_history WHERE version IN ('4', '5', '6', '7', '8', '9', '10', '11')");
            undoVersion11(st);
            undoVersion10(st);
            undoVersion9(st);
            undoVersion7(st);
            undoVersion6(st);
            undoVersion5(st);
            undoVersion4(st);
            // a run recorded by a version-3 store
            st.execute("INSERT INTO runs (mode, strategy, instrument_id, timeframe, parameters, status, created_at,"
                    + " created_by, host, pid, config) VALUES ('BACKTEST', 'sma-crossover', 'BTCUSDT.BINANCE', '1m',"
                    + " '{}', 'FAILED', CURRENT_TIMESTAMP, 'alice', 'h', 1, '{}')");
        }
        try (Store again = Store.open(settings)) {
            assertThat(versions(again)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
            assertThat(again.runs().list()).extracting(RunStore.RunSummary::kind)
                    .containsExactly(RunStore.Kind.SINGLE);
            try (Connection c = again.database().connection(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE runs SET kind = 'BASKET'"))
                        .isInstanceOf(SQLException.class);
                st.executeUpdate("UPDATE runs SET instrument_id = '" + "X".repeat(2048) + "'");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aVersion7DatabaseGainsVersion8AndTakesVolumeAndDollarBarLabels(Vendor vendor) throws SQLException {
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        try (Store store = Store.open(settings); Connection c = store.database().connection();
             Statement st = c.createStatement()) {
            st.execute("DELETE FROM flyway_schema_history WHERE version IN ('8', '9', '10', '11')");
            undoVersion11(st);
            undoVersion10(st);
            undoVersion9(st);
            st.execute("ALTER TABLE runs ALTER COLUMN timeframe SET DATA TYPE VARCHAR(8)"); // as version 1 made it
            assertThat(timeframeWidth(c)).isEqualTo(8);
        }
        try (Store again = Store.open(settings); Connection c = again.database().connection()) {
            assertThat(versions(again)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
            assertThat(timeframeWidth(c)).isEqualTo(32); // "dollar:2000000" is 14
        }
    }

    /** The declared width of {@code runs.timeframe} (H2 may keep names in upper case, PostgreSQL in lower). */
    private static int timeframeWidth(Connection c) throws SQLException {
        for (String[] name : new String[][] {{"runs", "timeframe"}, {"RUNS", "TIMEFRAME"}}) {
            try (ResultSet rs = c.getMetaData().getColumns(null, null, name[0], name[1])) {
                if (rs.next()) {
                    return rs.getInt("COLUMN_SIZE");
                }
            }
        }
        throw new AssertionError("no column runs.timeframe");
    }

    /** Removes what version 11 adds. */
    private static void undoVersion11(Statement st) throws SQLException {
        st.execute("ALTER TABLE runs DROP COLUMN perpetual");
    }

    /** Removes what version 10 adds. */
    private static void undoVersion10(Statement st) throws SQLException {
        st.execute("ALTER TABLE runs DROP COLUMN study");
        st.execute("ALTER TABLE runs DROP CONSTRAINT runs_kind");
        st.execute("ALTER TABLE runs ADD CONSTRAINT runs_kind CHECK (kind IN ('SINGLE', 'PORTFOLIO'))");
    }

    /** Removes what version 9 adds. */
    private static void undoVersion9(Statement st) throws SQLException {
        st.execute("ALTER TABLE runs DROP COLUMN executions");
    }

    /** Removes what version 7 adds, leaving a version-6 schema. */
    private static void undoVersion7(Statement st) throws SQLException {
        st.execute("ALTER TABLE bar_series DROP COLUMN bar_count");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aVersion6DatabaseGainsVersion7AndCountsItsStoredBars(Vendor vendor) throws SQLException {
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        BarSeries three = BarSeries.of(Timeframe.M1, new long[] {0, 60_000, 120_000}, new double[] {1, 1, 1},
                new double[] {2, 2, 2}, new double[] {1, 1, 1}, new double[] {1.5, 1.5, 1.5}, new double[] {1, 1, 1});
        Instrument eth = Instrument.spot(InstrumentId.of("ETHUSDT", "BINANCE"), "ETH", "USDT",
                new BigDecimal("0.01"), new BigDecimal("0.0001"), BigDecimal.ONE);
        try (Store store = Store.open(settings); Connection c = store.database().connection();
             Statement st = c.createStatement()) {
            store.bars().importBars(eth, three);
            st.execute("DELETE FROM flyway_schema_history WHERE version IN ('7', '8', '9', '10', '11')");
            undoVersion11(st);
            undoVersion10(st);
            undoVersion9(st);
            undoVersion7(st);
        }
        try (Store again = Store.open(settings); Connection c = again.database().connection();
             Statement st = c.createStatement()) {
            assertThat(versions(again)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
            try (ResultSet rs = st.executeQuery("SELECT bar_count FROM bar_series")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(3); // counted by the migration
            }
            again.bars().importBars(eth, BarSeries.of(Timeframe.M1, new long[] {120_000, 180_000},
                    new double[] {1, 1}, new double[] {2, 2}, new double[] {1, 1}, new double[] {1.5, 1.5},
                    new double[] {1, 1}));
            try (ResultSet rs = st.executeQuery("SELECT bar_count FROM bar_series")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(4); // one new bar; the one already there is not counted twice
            }
        }
    }

    /** Removes what version 6 adds, leaving a version-5 schema. */
    private static void undoVersion6(Statement st) throws SQLException {
        st.execute("ALTER TABLE runs DROP COLUMN last_trade_id");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aVersion5DatabaseGainsVersion6AndKeepsItsRuns(Vendor vendor) throws SQLException {
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        try (Store store = Store.open(settings); Connection c = store.database().connection();
             Statement st = c.createStatement()) {
            st.execute("DELETE FROM flyway_schema_history WHERE version IN ('6', '7', '8', '9', '10', '11')");
            undoVersion11(st);
            undoVersion10(st);
            undoVersion9(st);
            undoVersion7(st);
            undoVersion6(st);
            st.execute("INSERT INTO runs (mode, strategy, instrument_id, timeframe, parameters, status, created_at,"
                    + " created_by, host, pid, config) VALUES ('LIVE', 's', 'BTCUSDT.BINANCE', '1m', '{}', 'STOPPED',"
                    + " CURRENT_TIMESTAMP, 'a', 'h', 1, '{}')");
        }
        try (Store again = Store.open(settings); Connection c = again.database().connection();
             Statement st = c.createStatement()) {
            assertThat(versions(again)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
            try (ResultSet rs = st.executeQuery("SELECT mode, last_trade_id FROM runs")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("LIVE");
                assertThat(rs.getObject(2)).isNull();
            }
        }
    }

    /** Removes what version 4 adds, leaving a version-3 schema. */
    /** Version 5's status check back to version 1's, unnamed as there (H2 names it itself). */
    private static void undoVersion5(Statement st) throws SQLException {
        st.execute("ALTER TABLE runs DROP CONSTRAINT runs_status_check");
        st.execute("ALTER TABLE runs ADD CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED'))");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aVersion4DatabaseGainsVersion5AndRunsMayBeStopped(Vendor vendor) throws SQLException {
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        try (Store store = Store.open(settings); Connection c = store.database().connection();
             Statement st = c.createStatement()) {
            st.execute("DELETE FROM flyway_schema_history WHERE version IN ('5', '6', '7', '8', '9', '10', '11')");
            undoVersion11(st);
            undoVersion10(st);
            undoVersion9(st);
            undoVersion7(st);
            undoVersion6(st);
            undoVersion5(st);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("INSERT INTO runs (mode, strategy,"
                    + " instrument_id, timeframe, parameters, status, created_at, created_by, host, pid, config)"
                    + " VALUES ('PAPER', 's', 'i', '1m', '{}', 'STOPPED', CURRENT_TIMESTAMP, 'a', 'h', 1, '{}')"))
                    .isInstanceOf(SQLException.class);
        }
        try (Store again = Store.open(settings); Connection c = again.database().connection();
             Statement st = c.createStatement()) {
            assertThat(versions(again)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
            st.execute("INSERT INTO runs (mode, strategy, instrument_id, timeframe, parameters, status, created_at,"
                    + " created_by, host, pid, config) VALUES ('PAPER', 's', 'i', '1m', '{}', 'STOPPED',"
                    + " CURRENT_TIMESTAMP, 'a', 'h', 1, '{}')");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("INSERT INTO runs (mode, strategy,"
                    + " instrument_id, timeframe, parameters, status, created_at, created_by, host, pid, config)"
                    + " VALUES ('PAPER', 's', 'i', '1m', '{}', 'PAUSED', CURRENT_TIMESTAMP, 'a', 'h', 1, '{}')"))
                    .isInstanceOf(SQLException.class);
        }
    }

    private static void undoVersion4(Statement st) throws SQLException {
        st.execute("ALTER TABLE runs DROP CONSTRAINT runs_kind");
        st.execute("ALTER TABLE runs DROP COLUMN kind");
        st.execute("ALTER TABLE runs DROP COLUMN breakdown");
        st.execute("ALTER TABLE runs ALTER COLUMN instrument_id SET DATA TYPE VARCHAR(64)");
        st.execute("ALTER TABLE runs ALTER COLUMN strategy SET DATA TYPE VARCHAR(128)");
    }

    /** Removes what version 3 adds, leaving a version-2 schema. */
    private static void undoVersion3(Statement st) throws SQLException {
        st.execute("DROP TABLE signal_decisions");
        st.execute("ALTER TABLE orders DROP COLUMN reason");
        st.execute("ALTER TABLE risk_events DROP COLUMN event_values");
    }

    private static void assertVersion3Objects(Store store) throws SQLException {
        try (Connection c = store.database().connection(); Statement st = c.createStatement()) {
            st.executeQuery("SELECT event_values FROM risk_events").close();
            st.executeQuery("SELECT reason FROM orders").close();
            st.executeQuery("SELECT group_id, policy, direction, score, threshold, outcome, votes"
                    + " FROM signal_decisions").close();
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO signal_decisions (id, run_id, seq, decision_time,"
                    + " group_id, policy, score, threshold, outcome, votes) VALUES (1, 1, 1, CURRENT_TIMESTAMP,"
                    + " 'group', 'PLURALITY', 0.5, 0.5, 'x', '[]')")).isInstanceOf(SQLException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void auditLogRefusesUpdateAndDelete(Vendor vendor) throws SQLException {
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            store.audit().append("alice", "test.action", "thing/1", "first");
            try (Connection c = store.database().connection(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_log SET details = 'x' WHERE id = 1"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log WHERE id = 1"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
            assertThat(store.audit().verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void checkConstraintsRefuseUnknownStates(Vendor vendor) throws SQLException {
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp));
             Connection c = store.database().connection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO users (username, password_hash, role)"
                    + " VALUES ('bob', 'x', 'ROOT')")).isInstanceOf(SQLException.class);
        }
    }

    private static List<String> versions(Store store) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = store.database().connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history"
                     + " WHERE success AND version IS NOT NULL"
                     + " ORDER BY installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
