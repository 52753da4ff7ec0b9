package io.quantplug.runtime.store;

import io.quantplug.runtime.report.ResultDocument;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The packed form of {@code equity_snapshots.data}: per point, the UTC epoch millisecond time then the equity as an
 * IEEE 754 double, 16 bytes, big-endian ({@link ByteBuffer}'s default order).
 */
final class EquityBlocks {

    /** Most points in one block. */
    static final int POINTS = 4096;
    private static final int BYTES_PER_POINT = 16;

    private EquityBlocks() {
    }

    static byte[] pack(List<ResultDocument.EquityPoint> points) {
        ByteBuffer b = ByteBuffer.allocate(points.size() * BYTES_PER_POINT);
        for (ResultDocument.EquityPoint p : points) {
            b.putLong(p.time().toEpochMilli()).putDouble(p.equity());
        }
        return b.array();
    }

    static void unpack(byte[] data, int points, List<ResultDocument.EquityPoint> out) throws SQLException {
        if (data == null || data.length != points * BYTES_PER_POINT) {
            throw new SQLException("equity block of " + points + " points has " + (data == null ? 0 : data.length)
                    + " bytes, expected " + points * BYTES_PER_POINT);
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        for (int i = 0; i < points; i++) {
            out.add(new ResultDocument.EquityPoint(Instant.ofEpochMilli(b.getLong()), b.getDouble()));
        }
    }
}
