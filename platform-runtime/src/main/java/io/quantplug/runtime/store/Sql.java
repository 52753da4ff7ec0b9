package io.quantplug.runtime.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * JDBC conversions that behave the same on H2 and PostgreSQL: times as {@link OffsetDateTime} in UTC (pgjdbc
 * refuses {@link Instant}), decimals at the columns' scale of 18.
 */
final class Sql {

    /** Scale of every NUMERIC(38, 18) column. */
    static final int SCALE = 18;

    private Sql() {
    }

    static OffsetDateTime utc(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static void setTime(PreparedStatement ps, int index, long epochMillis) throws SQLException {
        ps.setObject(index, utc(epochMillis));
    }

    static void setTime(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, utc(instant));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Binds a decimal at the column scale; a value with more than 18 decimals is rounded half-even (no quantity,
     * price or amount the engine produces has that many).
     */
    static void setDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NUMERIC);
        } else {
            ps.setBigDecimal(index, value.scale() > SCALE ? value.setScale(SCALE, RoundingMode.HALF_EVEN) : value);
        }
    }

    /** Reads a decimal without the trailing zeros the column scale adds (10.500000000000000000 is 10.5). */
    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /**
     * Whether an error means the database is (perhaps briefly) unreachable rather than refusing the data: a
     * transient or recoverable exception, an SQL state of class 08 (connection), 40 (transaction rollback), 53
     * (insufficient resources) or 57 (operator intervention), or an I/O error, anywhere in the cause chain.
     */
    static boolean isConnectionError(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57")) {
                    return true;
                }
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
