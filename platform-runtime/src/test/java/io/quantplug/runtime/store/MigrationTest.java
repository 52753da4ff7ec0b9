package io.quantplug.runtime.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
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
            assertThat(versions(store)).containsExactly("1", "2");
        }
        try (Store again = Store.open(settings)) {
            assertThat(versions(again)).containsExactly("1", "2");
            assertThat(again.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void schemaVersionConstantIsTheNewestMigrationOfEveryFolder() throws IOException, URISyntaxException {
        for (String folder : new String[] {"common", "h2", "postgresql"}) {
            Path dir = Path.of(Database.class.getResource("/db/migration/" + folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                int newest = files.map(f -> f.getFileName().toString())
                        .filter(n -> n.matches("V\\d+__.+\\.sql"))
                        .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                        .max().orElse(0);
                assertThat(newest).as(folder).isLessThanOrEqualTo(Integer.parseInt(Database.SCHEMA_VERSION));
                if (!folder.equals("common")) {
                    assertThat(newest).as(folder).isEqualTo(Integer.parseInt(Database.SCHEMA_VERSION));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anOlderDatabaseIsMigratedOnOpen(Vendor vendor) throws SQLException {
        DatabaseSettings settings = TestDatabases.fresh(vendor, tmp);
        try (Store store = Store.open(settings); Connection c = store.database().connection();
             Statement st = c.createStatement()) {
            // as if version 2 had never been applied
            st.execute("DELETE FROM flyway_schema_history WHERE version = '2'");
            st.execute(vendor == Vendor.POSTGRESQL
                    ? "DROP TRIGGER audit_log_append_only ON audit_log" : "DROP TRIGGER audit_log_append_only");
            if (vendor == Vendor.POSTGRESQL) {
                st.execute("DROP FUNCTION audit_log_refuse_change()");
            }
        }
        try (Store again = Store.open(settings)) {
            assertThat(versions(again)).containsExactly("1", "2");
            again.audit().append("alice", "a.b", "c", "");
            try (Connection c = again.database().connection(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log"))
                        .hasMessageContaining("append-only");
            }
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
             ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                     + " ORDER BY installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
