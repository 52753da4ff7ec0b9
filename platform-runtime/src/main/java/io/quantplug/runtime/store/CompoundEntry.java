package io.quantplug.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A journal entry that writes several rows itself, after everything appended before it, in the batch's transaction. */
interface CompoundEntry extends JournalEntry {

    @Override
    default String sql() {
        return null;
    }

    @Override
    default void bind(PreparedStatement ps, long seq) {
        throw new UnsupportedOperationException("a compound entry writes itself");
    }

    @Override
    void write(Connection c, long seq) throws SQLException;
}
