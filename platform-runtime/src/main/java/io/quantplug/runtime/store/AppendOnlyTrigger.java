package io.quantplug.runtime.store;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2 trigger that refuses UPDATE and DELETE on the audit log (the PostgreSQL migration does the same in PL/pgSQL).
 * Public only because H2 instantiates it by name; not part of the API.
 */
@SuppressWarnings("exports") // H2 reads it by class name; the H2 type is no part of the API
public final class AppendOnlyTrigger implements Trigger {

    /** Creates the trigger; H2 calls this. */
    public AppendOnlyTrigger() {
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                "42501");
    }
}
