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
     * The insert statement of a plain entry.
     *
     * @return the SQL, or null for a compound entry
     */
    String sql();

    /**
     * Binds this entry's row to the statement of {@link #sql()}.
     *
     * @param ps  the statement
     * @param seq the entry's journal sequence number (given by its place in the ring, so the entry need not carry it)
     * @throws SQLException when binding fails
     */
    void bind(PreparedStatement ps, long seq) throws SQLException;

    /**
     * Another row written with this one, under the same sequence number (e.g. a fill with its order event and the
     * position after it): one append for several rows of different tables.
     *
     * @return the next row of the chain, or null
     */
    default JournalEntry next() {
        return null;
    }

    /**
     * Writes a compound entry inside the batch's transaction.
     *
     * @param c   the connection, auto-commit off
     * @param seq the entry's journal sequence number
     * @throws SQLException when a statement fails
     */
    default void write(Connection c, long seq) throws SQLException {
        throw new UnsupportedOperationException("plain entry");
    }
}
