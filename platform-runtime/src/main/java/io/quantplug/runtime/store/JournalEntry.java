package io.quantplug.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One record the journal writes. A plain entry is one row of one insert statement, batched with the other entries
 * of the same statement; a compound entry writes several rows itself, after everything queued before it. Every
 * insert is {@code ON CONFLICT DO NOTHING} on a key that includes the sequence number, so a batch retried after a
 * commit whose acknowledgement was lost inserts nothing twice.
 */
interface JournalEntry {

    /**
     * The journal sequence number, assigned at append.
     *
     * @return the sequence number
     */
    long seq();

    /**
     * The insert statement of a plain entry.
     *
     * @return the SQL, or null for a compound entry
     */
    String sql();

    /**
     * Binds this entry's row to the statement of {@link #sql()}.
     *
     * @param ps the statement
     * @throws SQLException when binding fails
     */
    void bind(PreparedStatement ps) throws SQLException;

    /**
     * Writes a compound entry inside the batch's transaction.
     *
     * @param c the connection, auto-commit off
     * @throws SQLException when a statement fails
     */
    default void write(Connection c) throws SQLException {
        throw new UnsupportedOperationException("plain entry");
    }
}
