package io.quantplug.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The journal entry that ends a run without a result (failed), in the batch's transaction. */
record RunEnd(long runId, RunStore.Status status, String error, String actor, AuditLog audit)
        implements CompoundEntry {

    @Override
    public void write(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, finished_at = ?, error = ?"
                + " WHERE id = ? AND status = 'RUNNING'")) {
            ps.setString(1, status.name());
            Sql.setTime(ps, 2, audit.now());
            Sql.setText(ps, 3, error);
            ps.setLong(4, runId);
            if (ps.executeUpdate() == 0) {
                return;
            }
        }
        audit.append(c, actor, "run." + status.name().toLowerCase(java.util.Locale.ROOT), "run/" + runId,
                error == null ? "" : error);
    }
}
