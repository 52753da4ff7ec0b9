package io.quantplug.runtime.store;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.QuantplugException;
import io.quantplug.runtime.data.BarSeries;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Bars per instrument and timeframe, and the instruments they belong to. An import is one transaction: it either
 * stores every new bar or nothing. PostgreSQL imports stream through {@code COPY}; H2 takes JDBC batches. Thread-safe.
 * Over 400 lines because the two import paths (binary {@code COPY}, JDBC batches) and the column reader belong
 * with the SQL they serve.
 */
public final class BarStore {

    private static final int H2_BATCH = 5_000;
    private static final int COPY_CHUNK = 1 << 16;
    private static final int FETCH_SIZE = 20_000;
    private static final byte[] COPY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int COPY_ROW_BYTES = 2 + 7 * (4 + 8);

    private final Database db;
    private final SeriesCopies copies;

    BarStore(Database db, Path copiesFolder) {
        this.db = db;
        this.copies = copiesFolder == null ? null : new SeriesCopies(copiesFolder, db.settings());
    }

    /**
     * What an import did.
     *
     * @param instrument   the instrument
     * @param timeframe    the bar length
     * @param inserted     bars added
     * @param alreadyThere bars skipped because the store held the same bar (same time and values)
     */
    public record ImportResult(InstrumentId instrument, Timeframe timeframe, int inserted, int alreadyThere) {
    }

    /**
     * A stored series.
     *
     * @param instrument the instrument
     * @param timeframe  the bar length
     * @param bars       bars stored
     * @param first      open time of the first bar
     * @param last       open time of the last bar
     */
    public record SeriesInfo(InstrumentId instrument, Timeframe timeframe, long bars, Instant first, Instant last) {
    }

    /**
     * Stores an instrument (replacing its rules when it exists) and bars of it. Bars the store already holds with
     * the same values are skipped, so importing a file twice adds nothing.
     *
     * @param instrument the instrument
     * @param series     the bars, of {@code series.timeframe()}
     * @return what was stored
     * @throws QuantplugException when a bar differs from the stored bar of the same open time (nothing is stored),
     *                            or the database fails
     */
    public ImportResult importBars(Instrument instrument, BarSeries series) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                saveInstrument(c, instrument);
                long seriesId = seriesId(c, instrument.id(), series.timeframe());
                boolean[] skip = new boolean[series.size()];
                int already = series.isEmpty() ? 0 : markStored(c, seriesId, instrument.id(), series, skip);
                int inserted = db.vendor() == Vendor.POSTGRESQL ? copy(c, seriesId, series, skip)
                        : batchInsert(c, seriesId, series, skip);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE bar_series SET bar_count = bar_count + ? WHERE id = ?")) {
                    ps.setLong(1, inserted);
                    ps.setLong(2, seriesId);
                    ps.executeUpdate();
                }
                c.commit();
                return new ImportResult(instrument.id(), series.timeframe(), inserted, already);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot store bars of " + instrument.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * An instrument's stored rules.
     *
     * @param id the instrument id
     * @return the instrument, or empty when never stored
     */
    public Optional<Instrument> instrument(InstrumentId id) {
        String sql = "SELECT base_asset, quote_asset, kind, tick_size, lot_size, min_quantity, min_notional"
                + " FROM instruments WHERE id = ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Instrument(id, rs.getString("base_asset"), rs.getString("quote_asset"),
                        Sql.decimal(rs, "tick_size"), Sql.decimal(rs, "lot_size"), Sql.decimal(rs, "min_quantity"),
                        Sql.decimal(rs, "min_notional"), InstrumentKind.valueOf(rs.getString("kind"))));
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot read instrument " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The stored series, by instrument and timeframe.
     *
     * @return one entry per series that holds at least one bar
     */
    public List<SeriesInfo> list() {
        String sql = "SELECT s.instrument_id, s.timeframe, COUNT(*) AS n, MIN(b.open_time) AS first_time,"
                + " MAX(b.open_time) AS last_time FROM bar_series s JOIN bars b ON b.series_id = s.id"
                + " GROUP BY s.instrument_id, s.timeframe ORDER BY s.instrument_id, s.timeframe";
        List<SeriesInfo> out = new ArrayList<>();
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new SeriesInfo(InstrumentId.parse(rs.getString(1)), Timeframe.parse(rs.getString(2)),
                        rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))));
            }
            return out;
        } catch (SQLException e) {
            throw new QuantplugException("cannot list bar series: " + e.getMessage(), e);
        }
    }

    /**
     * Reads bars back, oldest first.
     *
     * @param instrument the instrument
     * @param timeframe  the bar length
     * @param fromMillis first open time to include, UTC epoch milliseconds, or {@code Long.MIN_VALUE}
     * @param toMillis   first open time to exclude, or {@code Long.MAX_VALUE}
     * @return the bars (empty when none are stored in the range)
     * @throws QuantplugException when the database fails
     */
    public BarSeries read(InstrumentId instrument, Timeframe timeframe, long fromMillis, long toMillis) {
        if (copies != null) {
            BarSeries whole = copies.read(instrument, timeframe, this::counted, this::readRows);
            if (whole != null) {
                return whole.slice(fromMillis, toMillis);
            }
        }
        return readRows(instrument, timeframe, fromMillis, toMillis);
    }

    /** The series' id and its bar count, or null when it is not stored. */
    private long[] counted(InstrumentId instrument, Timeframe timeframe) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, bar_count FROM bar_series WHERE instrument_id = ? AND timeframe = ?")) {
            ps.setString(1, instrument.toString());
            ps.setString(2, timeframe.label());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot read the bar count of " + instrument + " " + timeframe + ": "
                    + e.getMessage(), e);
        }
    }

    private BarSeries readRows(InstrumentId instrument, Timeframe timeframe, long fromMillis, long toMillis) {
        Columns cols = new Columns();
        scan(instrument, timeframe, fromMillis, toMillis, "open_time, open_price, high_price, low_price, close_price,"
                + " volume", rs -> cols.add(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                rs.getDouble(5), rs.getDouble(6)), "bars");
        return cols.toSeries(timeframe);
    }

    /**
     * What the store holds of a range of open times and where bars are missing, for a download that fetches only
     * the holes. Streams the open times; holds only the holes in memory.
     *
     * @param instrument the instrument
     * @param timeframe  the bar length
     * @param fromMillis first open time of the range, inclusive, UTC epoch milliseconds
     * @param toMillis   end of the range, exclusive; after {@code fromMillis}
     * @return the stored bar count and the holes ({@link BarCoverage})
     * @throws IllegalArgumentException when the range is empty
     * @throws QuantplugException       when the database fails
     */
    public BarCoverage coverage(InstrumentId instrument, Timeframe timeframe, long fromMillis, long toMillis) {
        BarCoverage.Scan scan = new BarCoverage.Scan(fromMillis, toMillis, timeframe);
        scan(instrument, timeframe, fromMillis, toMillis, "open_time", rs -> scan.add(rs.getLong(1)),
                "the stored open times");
        return scan.result();
    }

    /** One row of a {@link #scan}. */
    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Streams the columns of a series' bars in {@code [fromMillis, toMillis)}, oldest first, to a handler. */
    private void scan(InstrumentId instrument, Timeframe timeframe, long fromMillis, long toMillis, String columns,
                      RowHandler handler, String what) {
        String sql = "SELECT " + columns + " FROM bars WHERE series_id = ? AND open_time >= ? AND open_time < ?"
                + " ORDER BY open_time";
        try (Connection c = db.connection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            Long seriesId = existingSeriesId(c, instrument, timeframe);
            if (seriesId != null) {
                // by series key alone, so that both databases walk the primary key in order
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setFetchSize(FETCH_SIZE);
                    ps.setLong(1, seriesId);
                    ps.setLong(2, fromMillis);
                    ps.setLong(3, toMillis);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            handler.row(rs);
                        }
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new QuantplugException("cannot read " + what + " of " + instrument + " " + timeframe + ": "
                    + e.getMessage(), e);
        }
    }

    private static void saveInstrument(Connection c, Instrument i) throws SQLException {
        String update = "UPDATE instruments SET symbol = ?, venue = ?, base_asset = ?, quote_asset = ?, kind = ?,"
                + " tick_size = ?, lot_size = ?, min_quantity = ?, min_notional = ?, updated_at = CURRENT_TIMESTAMP"
                + " WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(update)) {
            bindInstrument(ps, i);
            ps.setString(10, i.id().toString());
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        String insert = "INSERT INTO instruments (symbol, venue, base_asset, quote_asset, kind, tick_size, lot_size,"
                + " min_quantity, min_notional, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            bindInstrument(ps, i);
            ps.setString(10, i.id().toString());
            ps.executeUpdate();
        }
    }

    private static void bindInstrument(PreparedStatement ps, Instrument i) throws SQLException {
        ps.setString(1, i.id().symbol());
        ps.setString(2, i.id().venue());
        ps.setString(3, i.baseAsset());
        ps.setString(4, i.quoteAsset());
        ps.setString(5, i.kind().name());
        Sql.setDecimal(ps, 6, i.tickSize());
        Sql.setDecimal(ps, 7, i.lotSize());
        Sql.setDecimal(ps, 8, i.minQuantity());
        Sql.setDecimal(ps, 9, i.minNotional());
    }

    private static Long existingSeriesId(Connection c, InstrumentId instrument, Timeframe timeframe)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM bar_series WHERE instrument_id = ? AND timeframe = ?")) {
            ps.setString(1, instrument.toString());
            ps.setString(2, timeframe.label());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long seriesId(Connection c, InstrumentId instrument, Timeframe timeframe) throws SQLException {
        Long existing = existingSeriesId(c, instrument, timeframe);
        if (existing != null) {
            return existing;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bar_series (instrument_id, timeframe) VALUES (?, ?)", new String[] {"id"})) {
            ps.setString(1, instrument.toString());
            ps.setString(2, timeframe.label());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Marks the bars the store already holds; refuses a bar that differs from the stored one. */
    private static int markStored(Connection c, long seriesId, InstrumentId instrument, BarSeries s, boolean[] skip)
            throws SQLException {
        String sql = "SELECT open_time, open_price, high_price, low_price, close_price, volume FROM bars"
                + " WHERE series_id = ? AND open_time >= ? AND open_time <= ?";
        long[] times = new long[s.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = s.openTimeMillis(i);
        }
        int already = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH_SIZE);
            ps.setLong(1, seriesId);
            ps.setLong(2, times[0]);
            ps.setLong(3, times[times.length - 1]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = Arrays.binarySearch(times, rs.getLong(1));
                    if (i < 0) {
                        continue;
                    }
                    double o = rs.getDouble(2);
                    double h = rs.getDouble(3);
                    double l = rs.getDouble(4);
                    double cl = rs.getDouble(5);
                    double v = rs.getDouble(6);
                    if (o != s.open(i) || h != s.high(i) || l != s.low(i) || cl != s.close(i) || v != s.volume(i)) {
                        throw new QuantplugException("bar " + instrument + " " + s.timeframe() + " at "
                                + Instant.ofEpochMilli(times[i]) + " differs from the stored one (stored O/H/L/C/V "
                                + o + "/" + h + "/" + l + "/" + cl + "/" + v + ", new " + s.open(i) + "/" + s.high(i)
                                + "/" + s.low(i) + "/" + s.close(i) + "/" + s.volume(i) + "); nothing was imported");
                    }
                    skip[i] = true;
                    already++;
                }
            }
        }
        return already;
    }

    /**
     * Streams the new bars through {@code COPY ... (FORMAT binary)}: per row a field count, then each field as its
     * byte length and big-endian value (int8 for the key and time, float8 for prices and volume), as the
     * PostgreSQL manual's "Binary Format" section of {@code COPY} describes. Binary spares the server parsing
     * five decimal texts per row.
     */
    private static int copy(Connection c, long seriesId, BarSeries s, boolean[] skip) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY bars (series_id, open_time, open_price, high_price, low_price, close_price, volume)"
                        + " FROM STDIN (FORMAT binary)");
        int inserted = 0;
        try {
            ByteBuffer buf = ByteBuffer.allocate(COPY_CHUNK + COPY_ROW_BYTES);
            buf.put(COPY_SIGNATURE).putInt(0).putInt(0); // signature, flags, header extension length
            for (int i = 0; i < s.size(); i++) {
                if (skip[i]) {
                    continue;
                }
                buf.putShort((short) 7);
                buf.putInt(8).putLong(seriesId);
                buf.putInt(8).putLong(s.openTimeMillis(i));
                buf.putInt(8).putDouble(s.open(i));
                buf.putInt(8).putDouble(s.high(i));
                buf.putInt(8).putDouble(s.low(i));
                buf.putInt(8).putDouble(s.close(i));
                buf.putInt(8).putDouble(s.volume(i));
                inserted++;
                if (buf.position() >= COPY_CHUNK) {
                    copy.writeToCopy(buf.array(), 0, buf.position());
                    buf.clear();
                }
            }
            buf.putShort((short) -1); // trailer
            copy.writeToCopy(buf.array(), 0, buf.position());
            copy.endCopy();
            return inserted;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static int batchInsert(Connection c, long seriesId, BarSeries s, boolean[] skip) throws SQLException {
        String sql = "INSERT INTO bars (series_id, open_time, open_price, high_price, low_price, close_price, volume)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        int inserted = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (int i = 0; i < s.size(); i++) {
                if (skip[i]) {
                    continue;
                }
                ps.setLong(1, seriesId);
                ps.setLong(2, s.openTimeMillis(i));
                ps.setDouble(3, s.open(i));
                ps.setDouble(4, s.high(i));
                ps.setDouble(5, s.low(i));
                ps.setDouble(6, s.close(i));
                ps.setDouble(7, s.volume(i));
                ps.addBatch();
                inserted++;
                if (++pending == H2_BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return inserted;
    }

    /** Growable columns for reading. */
    private static final class Columns {
        long[] time = new long[1024];
        double[] open = new double[1024];
        double[] high = new double[1024];
        double[] low = new double[1024];
        double[] close = new double[1024];
        double[] volume = new double[1024];
        int n;

        void add(long t, double o, double h, double l, double c, double v) {
            if (n == time.length) {
                int cap = n * 2;
                time = Arrays.copyOf(time, cap);
                open = Arrays.copyOf(open, cap);
                high = Arrays.copyOf(high, cap);
                low = Arrays.copyOf(low, cap);
                close = Arrays.copyOf(close, cap);
                volume = Arrays.copyOf(volume, cap);
            }
            time[n] = t;
            open[n] = o;
            high[n] = h;
            low[n] = l;
            close[n] = c;
            volume[n] = v;
            n++;
        }

        BarSeries toSeries(Timeframe timeframe) {
            return BarSeries.of(timeframe, Arrays.copyOf(time, n), Arrays.copyOf(open, n), Arrays.copyOf(high, n),
                    Arrays.copyOf(low, n), Arrays.copyOf(close, n), Arrays.copyOf(volume, n));
        }
    }
}
