package io.quantplug.runtime.store;

import io.quantplug.api.order.Side;
import io.quantplug.runtime.QuantplugException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the store knows of live runs' exchange trades, for the start-up reconciliation of a live session: the venue's
 * highest trade id each live run reconciled at its start ({@code runs.last_trade_id}, schema version 6) and the fills
 * live runs stored. Runs are matched by instrument id (e.g. {@code BTCUSDT.BINANCE}); the store does not know the
 * exchange account. Thread-safe (each call takes its own connection).
 */
public final class LiveTradeMarks {

    /**
     * A fill a live run stored.
     *
     * @param runId         the run
     * @param clientOrderId the order that filled
     * @param side          buy or sell
     * @param price         execution price, quote per base
     * @param quantity      executed quantity, base units
     * @param timeMillis    execution time, UTC epoch milliseconds
     */
    public record StoredFill(long runId, String clientOrderId, Side side, BigDecimal price, BigDecimal quantity,
                             long timeMillis) {
    }

    private final Database db;

    /**
     * Reads and writes through a database.
     *
     * @param db the store's database
     */
    public LiveTradeMarks(Database db) {
        this.db = db;
    }

    /**
     * The highest trade id any live run on the instrument other than {@code runId} noted.
     *
     * @param instrumentId the instrument id as runs store it
     * @param runId        the asking run, left out
     * @return the trade id, or empty when no live run noted one
     * @throws QuantplugException when the database fails
     */
    public OptionalLong lastTradeId(String instrumentId, long runId) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT MAX(last_trade_id) FROM runs"
                     + " WHERE mode = 'LIVE' AND instrument_id = ? AND id <> ? AND last_trade_id IS NOT NULL")) {
            ps.setString(1, instrumentId);
            ps.setLong(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(id);
            }
        } catch (SQLException e) {
            throw failure("read the last trade id", e);
        }
    }

    /**
     * Notes the highest trade id a live run has reconciled.
     *
     * @param runId   the run
     * @param tradeId the venue's trade id, &ge; 0
     * @throws QuantplugException when the database fails
     */
    public void mark(long runId, long tradeId) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE runs SET last_trade_id = ? WHERE id = ?")) {
            ps.setLong(1, tradeId);
            ps.setLong(2, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("note the last trade id of run " + runId, e);
        }
    }

    /**
     * The fills live runs on the instrument stored with an execution time at or after {@code fromMillis}, oldest
     * first.
     *
     * @param instrumentId the instrument id as fills store it
     * @param fromMillis   earliest execution time, UTC epoch milliseconds
     * @return the fills, possibly none
     * @throws QuantplugException when the database fails
     */
    public List<StoredFill> liveFillsSince(String instrumentId, long fromMillis) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT f.run_id, f.client_order_id, f.side, f.price,"
                     + " f.quantity, f.fill_time FROM fills f JOIN runs r ON r.id = f.run_id"
                     + " WHERE r.mode = 'LIVE' AND f.instrument_id = ? AND f.fill_time >= ?"
                     + " ORDER BY f.fill_time, f.id")) {
            ps.setString(1, instrumentId);
            Sql.setTime(ps, 2, fromMillis);
            List<StoredFill> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredFill(rs.getLong("run_id"), rs.getString("client_order_id"),
                            Side.valueOf(rs.getString("side")), Sql.decimal(rs, "price"), Sql.decimal(rs, "quantity"),
                            Sql.instant(rs, "fill_time").toEpochMilli()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read live fills", e);
        }
    }

    private QuantplugException failure(String what, SQLException e) {
        return new QuantplugException("cannot " + what + ": " + db.settings().mask(e.getMessage()), e);
    }
}
