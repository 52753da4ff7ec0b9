package io.quantplug.runtime.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain: its hash function against an outside computation, and tampering found and named. */
class AuditLogTest {

    @TempDir
    Path tmp;

    @Test
    void hashIsSha256OfTheDocumentedText() {
        // printf '1\n2026-01-02T03:04:05.678Z\n5:alice\n11:run.started\n5:run/1\n12:BACKTEST sma\n<64 zeros>' | sha256sum
        AuditLog.Entry e = AuditLog.withHash(new AuditLog.Entry(1, Instant.parse("2026-01-02T03:04:05.678Z"),
                "alice", "run.started", "run/1", "BACKTEST sma", AuditLog.GENESIS, null));
        assertThat(e.hash()).isEqualTo("5c1e6cfc256e6322d4f822d87f375ea959f1cdd3fb9b40d80d941320108dcf2b");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void rowsAreTimedByTheStoresClock(Vendor vendor) {
        Instant t = Instant.parse("2026-03-04T05:06:07.089Z");
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp), Clock.fixed(t, ZoneOffset.UTC))) {
            assertThat(store.audit().append("alice", "a.one", "t/1", "").time()).isEqualTo(t);
            assertThat(store.audit().page(0, 1)).extracting(AuditLog.Entry::time).containsExactly(t);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void chainLinksEveryRowToTheOneBefore(Vendor vendor) {
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            AuditLog.Entry first = store.audit().append("alice", "a.one", "t/1", "");
            AuditLog.Entry second = store.audit().append("bob", "a.two", "t/2", "détails: ünïcode");
            assertThat(first.id()).isEqualTo(1);
            assertThat(first.prevHash()).isEqualTo(AuditLog.GENESIS);
            assertThat(second.prevHash()).isEqualTo(first.hash());
            assertThat(store.audit().page(0, 10)).containsExactly(first, second);
            AuditLog.Verification v = store.audit().verify();
            assertThat(v.intact()).isTrue();
            assertThat(v.rows()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void changedRowIsNamed(Vendor vendor) throws SQLException {
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            for (int i = 1; i <= 5; i++) {
                store.audit().append("alice", "a.step", "t/" + i, "step " + i);
            }
            tamper(store, vendor, "UPDATE audit_log SET details = 'step 3, but nicer' WHERE id = 3");

            AuditLog.Verification v = store.audit().verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(3L);
            assertThat(v.problem()).startsWith("row 3: content does not match its hash");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void deletedRowIsNamed(Vendor vendor) throws SQLException {
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            for (int i = 1; i <= 4; i++) {
                store.audit().append("alice", "a.step", "t/" + i, "step " + i);
            }
            tamper(store, vendor, "DELETE FROM audit_log WHERE id = 2");
            assertThat(store.audit().verify().firstBrokenId()).isEqualTo(2L);
            assertThat(store.audit().verify().problem()).isEqualTo("row 2 is missing (the next row is 3)");

            tamper(store, vendor, "DELETE FROM audit_log WHERE id >= 2");
            assertThat(store.audit().verify().problem())
                    .isEqualTo("the chain ends at row 1 but its head says 4: rows 2..4 are missing");
        }
    }

    /** What someone with direct database access could do: lift the append-only trigger, change, restore it. */
    static void tamper(Store store, Vendor vendor, String sql) throws SQLException {
        try (Connection c = store.database().connection(); Statement st = c.createStatement()) {
            if (vendor == Vendor.POSTGRESQL) {
                st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
                st.executeUpdate(sql);
                st.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
            } else {
                st.execute("DROP TRIGGER audit_log_append_only");
                st.executeUpdate(sql);
                st.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log FOR EACH ROW"
                        + " CALL 'io.quantplug.runtime.store.AppendOnlyTrigger'");
            }
        }
    }
}
