package db.migration.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 5 on H2: {@code runs.status} may be {@code STOPPED}. The CHECK of version 1 has no name, and H2 names
 * it itself ({@code CONSTRAINT_…}), so it is looked up in the information schema by its clause, dropped, and added
 * again under the name PostgreSQL gives it ({@code runs_status_check}; the PostgreSQL migration of the same version is
 * plain SQL). Found by Flyway in {@code classpath:db/migration/h2}, the vendor folder {@code Database} migrates from.
 */
public class V5__runs_stopped extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String name = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT tc.constraint_name"
                + " FROM information_schema.table_constraints tc JOIN information_schema.check_constraints cc"
                + " ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name"
                + " WHERE LOWER(tc.table_name) = 'runs' AND tc.constraint_type = 'CHECK'"
                + " AND cc.check_clause LIKE '%INTERRUPTED%'");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                name = rs.getString(1);
            }
        }
        try (Statement st = c.createStatement()) {
            if (name != null) {
                st.execute("ALTER TABLE runs DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
            }
            st.execute("ALTER TABLE runs ADD CONSTRAINT runs_status_check"
                    + " CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED', 'STOPPED'))");
        }
    }
}
