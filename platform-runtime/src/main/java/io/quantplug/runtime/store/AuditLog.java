package io.quantplug.runtime.store;

import io.quantplug.runtime.QuantplugException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The append-only audit log, a hash chain: row {@code n} stores {@code prev_hash} = the hash of row {@code n − 1}
 * (64 zeros for row 1) and {@code hash} = SHA-256 (FIPS 180-4) of its own fields and {@code prev_hash}, so changing,
 * removing or reordering any row breaks every later link. Ids are 1, 2, 3, … without gaps; {@code audit_head} holds
 * the last id and hash and is locked by each append, so concurrent writers extend the chain one at a time.
 *
 * <p>The hashed text is, in UTF-8: {@code id}, {@code time} (ISO-8601 UTC, milliseconds), then {@code actor},
 * {@code action}, {@code target}, {@code details} each written as {@code <length>:<text>}, then {@code prev_hash},
 * separated by {@code '\n'}. Length prefixes keep field boundaries unambiguous. Thread-safe.
 */
public final class AuditLog {

    /** The {@code prev_hash} of the first row. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * One row.
     *
     * @param id       position in the chain, from 1
     * @param time     when, UTC, millisecond precision
     * @param actor    who (a user name)
     * @param action   what, e.g. {@code run.started}
     * @param target   on what, e.g. {@code run/12}
     * @param details  free text
     * @param prevHash hash of the previous row, hex
     * @param hash     this row's hash, hex
     */
    public record Entry(long id, Instant time, String actor, String action, String target, String details,
                        String prevHash, String hash) {
    }

    /**
     * The outcome of {@link #verify()}.
     *
     * @param rows          rows checked
     * @param firstBrokenId the first row that breaks the chain, or null when intact
     * @param problem       what is wrong with it, or null
     */
    public record Verification(long rows, Long firstBrokenId, String problem) {
        /**
         * Whether the chain is intact.
         *
         * @return true when no row breaks it
         */
        public boolean intact() {
            return firstBrokenId == null;
        }
    }

    private final Database db;
    private final Clock clock;

    AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The store's clock, at the millisecond precision every stored time has.
     *
     * @return now, from the clock the store was opened with
     */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Appends a row in its own transaction.
     *
     * @param actor   who
     * @param action  what
     * @param target  on what
     * @param details free text
     * @return the row written
     * @throws QuantplugException when the database fails
     */
    public Entry append(String actor, String action, String target, String details) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                Entry e = append(c, actor, action, target, details);
                c.commit();
                return e;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot write the audit log: " + db.settings().mask(e.getMessage()), e);
        }
    }

    /**
     * Appends a row inside the caller's transaction (auto-commit off), so that a change and its audit entry commit
     * together.
     *
     * @param c       the connection
     * @param actor   who
     * @param action  what
     * @param target  on what
     * @param details free text
     * @return the row written
     * @throws SQLException when the database fails
     */
    Entry append(Connection c, String actor, String action, String target, String details) throws SQLException {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        long lastId;
        String lastHash;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head row is missing");
            }
            lastId = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        Entry e = new Entry(lastId + 1, now(), actor, action,
                target == null ? "" : target, details == null ? "" : details, lastHash, null);
        e = withHash(e);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (id, event_time, actor, action, target,"
                + " details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.id());
            Sql.setTime(ps, 2, e.time());
            ps.setString(3, e.actor());
            ps.setString(4, e.action());
            ps.setString(5, e.target());
            ps.setString(6, e.details());
            ps.setString(7, e.prevHash());
            ps.setString(8, e.hash());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, e.id());
            ps.setString(2, e.hash());
            ps.executeUpdate();
        }
        return e;
    }

    /**
     * Rows in id order.
     *
     * @param afterId return rows with a larger id
     * @param limit   at most this many
     * @return the rows
     */
    public List<Entry> page(long afterId, int limit) {
        return page(afterId, limit, null, null);
    }

    /**
     * Rows in id order that match a filter.
     *
     * @param afterId      return rows with a larger id
     * @param limit        at most this many
     * @param actor        only this actor's rows, or null for all
     * @param actionPrefix only rows whose action starts with this (e.g. {@code plugin.}), or null for all
     * @return the rows
     * @throws QuantplugException when the database fails
     */
    public List<Entry> page(long afterId, int limit, String actor, String actionPrefix) {
        StringBuilder sql = new StringBuilder("SELECT id, event_time, actor, action, target, details, prev_hash, hash"
                + " FROM audit_log WHERE id > ?");
        if (actor != null) {
            sql.append(" AND actor = ?");
        }
        if (actionPrefix != null) {
            sql.append(" AND action LIKE ? ESCAPE '!'");
        }
        sql.append(" ORDER BY id LIMIT ?");
        List<Entry> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, afterId);
            if (actor != null) {
                ps.setString(i++, actor);
            }
            if (actionPrefix != null) {
                ps.setString(i++, actionPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new QuantplugException("cannot read the audit log: " + db.settings().mask(e.getMessage()), e);
        }
    }

    /**
     * Walks the whole chain and names the first row that breaks it: a missing id, a {@code prev_hash} that is not
     * the previous row's hash, a hash that does not match the row's content, or a chain that ends before
     * {@code audit_head} says it does.
     *
     * @return the verification
     * @throws QuantplugException when the database fails
     */
    public Verification verify() {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            long rows = 0;
            long expectedId = 1;
            String expectedPrev = GENESIS;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, event_time, actor, action, target, details,"
                    + " prev_hash, hash FROM audit_log ORDER BY id")) {
                ps.setFetchSize(1_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Entry e = entry(rs);
                        rows++;
                        if (e.id() != expectedId) {
                            return new Verification(rows, expectedId, "row " + expectedId + " is missing (the next"
                                    + " row is " + e.id() + ")");
                        }
                        if (!e.prevHash().equals(expectedPrev)) {
                            return new Verification(rows, e.id(), "row " + e.id() + ": prev_hash is not the hash"
                                    + " of row " + (e.id() - 1) + " (a row was changed, inserted or reordered)");
                        }
                        String recomputed = withHash(e).hash();
                        if (!recomputed.equals(e.hash())) {
                            return new Verification(rows, e.id(), "row " + e.id() + ": content does not match its"
                                    + " hash (changed after it was written: " + e.action() + " " + e.target() + ")");
                        }
                        expectedPrev = e.hash();
                        expectedId++;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) != expectedId - 1) {
                    long headId = rs.getLong(1);
                    return new Verification(rows, expectedId, "the chain ends at row " + (expectedId - 1)
                            + " but its head says " + headId + ": rows " + expectedId + ".." + headId + " are missing");
                }
            }
            c.commit();
            return new Verification(rows, null, null);
        } catch (SQLException e) {
            throw new QuantplugException("cannot read the audit log: " + db.settings().mask(e.getMessage()), e);
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), Sql.instant(rs, "event_time"), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7).strip(), rs.getString(8).strip());
    }

    static Entry withHash(Entry e) {
        StringBuilder sb = new StringBuilder(128 + e.details().length());
        sb.append(e.id()).append('\n').append(e.time()).append('\n');
        for (String field : new String[] {e.actor(), e.action(), e.target(), e.details()}) {
            sb.append(field.length()).append(':').append(field).append('\n');
        }
        sb.append(e.prevHash());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return new Entry(e.id(), e.time(), e.actor(), e.action(), e.target(), e.details(), e.prevHash(),
                    HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
