package io.quantplug.sdk.marketdata;

import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams order-book snapshots from a CSV file in Tardis.dev's {@code book_snapshot_N} layout
 * (https://docs.tardis.dev/downloadable-csv-files, "book_snapshot_25" and "book_snapshot_5"), plain or gzip: the
 * header {@code exchange,symbol,timestamp,local_timestamp} followed by {@code asks[i].price,asks[i].amount,
 * bids[i].price,bids[i].amount} for {@code i = 0..N-1} (N, the depth, is read from the header), then one snapshot
 * per line with times in epoch microseconds, level 0 the best.
 *
 * <p>Each row becomes an {@link OrderBookSnapshot} (instrument as in {@link TradeCsvReader}; time the exchange
 * timestamp in milliseconds, rounded down; bids best first, asks best first). A side may have fewer than N levels:
 * Tardis then leaves the missing levels' fields empty, which is accepted only after the side's last level.
 *
 * <p>Refused with a {@link MarketDataFileException} naming file, line and reason: a header that is not this layout,
 * a line with another column count, a time that is not a non-negative integer, a local time that goes back, a price
 * or amount that is not a number greater than 0, a level after an empty one, bid prices not strictly falling or ask
 * prices not strictly rising with depth. Memory does not grow with the file. Not thread-safe.
 */
public final class BookSnapshotCsvReader implements AutoCloseable {

    private static final int FIRST_LEVEL_COLUMN = 4;

    private final DataLines lines;
    private final CsvFields row;
    private final int depth;
    private OrderBookSnapshot snapshot;
    private long exchangeTimeMicros;
    private long localTimeMicros;

    private BookSnapshotCsvReader(Path file) {
        this.lines = new DataLines(List.of(file));
        try {
            String header = lines.next();
            if (header == null) {
                throw new MarketDataFileException(file, 0, "empty file: expected a Tardis book_snapshot header");
            }
            int levelColumns = header.split(",", -1).length - FIRST_LEVEL_COLUMN;
            if (levelColumns < 4 || levelColumns % 4 != 0) {
                throw lines.refuse("not a Tardis book_snapshot header: expected exchange,symbol,timestamp,"
                        + "local_timestamp and 4 columns per level, got '" + CsvFields.clip(header) + "'");
            }
            this.depth = levelColumns / 4;
            this.row = new CsvFields(lines, header, columns(depth), "Tardis book_snapshot_" + depth);
        } catch (RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    private static String[] columns(int depth) {
        String[] c = new String[FIRST_LEVEL_COLUMN + 4 * depth];
        c[0] = "exchange";
        c[1] = "symbol";
        c[2] = "timestamp";
        c[3] = "local_timestamp";
        for (int i = 0; i < depth; i++) {
            int at = FIRST_LEVEL_COLUMN + 4 * i;
            c[at] = "asks[" + i + "].price";
            c[at + 1] = "asks[" + i + "].amount";
            c[at + 2] = "bids[" + i + "].price";
            c[at + 3] = "bids[" + i + "].amount";
        }
        return c;
    }

    /**
     * Opens a file, reads the depth from its header and checks the header.
     *
     * @param file a Tardis book_snapshot CSV, plain or gzip, not null
     * @return the reader, to be closed
     * @throws MarketDataFileException if the file cannot be read or its header is not a book_snapshot header
     */
    public static BookSnapshotCsvReader open(Path file) {
        return new BookSnapshotCsvReader(file);
    }

    /**
     * Advances to the next snapshot.
     *
     * @return false after the last line
     * @throws MarketDataFileException if the line is malformed or the file cannot be read
     */
    public boolean next() {
        if (!row.next()) {
            return false;
        }
        var instrument = row.instrument(0, 1);
        exchangeTimeMicros = row.micros(2);
        localTimeMicros = row.localMicros(3);
        List<BookLevel> asks = side(0, "asks", 1);
        List<BookLevel> bids = side(2, "bids", -1);
        snapshot = new OrderBookSnapshot(instrument, exchangeTimeMicros / 1000, bids, asks);
        return true;
    }

    /** The levels of one side; {@code direction} +1 if prices must rise with depth, -1 if they must fall. */
    private List<BookLevel> side(int offset, String name, int direction) {
        List<BookLevel> levels = new ArrayList<>(depth);
        double previous = Double.NaN;
        for (int i = 0; i < depth; i++) {
            int price = FIRST_LEVEL_COLUMN + 4 * i + offset;
            if (row.empty(price) && row.empty(price + 1)) {
                for (int j = i + 1; j < depth; j++) {
                    int later = FIRST_LEVEL_COLUMN + 4 * j + offset;
                    if (!row.empty(later) || !row.empty(later + 1)) {
                        throw row.refuse(name + "[" + j + "] follows the empty level " + name + "[" + i + "]");
                    }
                }
                break;
            }
            double p = row.positive(price);
            double q = row.positive(price + 1);
            if (i > 0 && Math.signum(p - previous) != direction) {
                throw row.refuse(name + "[" + i + "].price " + p + " must be " + (direction > 0 ? "above" : "below")
                        + " " + name + "[" + (i - 1) + "].price " + previous);
            }
            levels.add(new BookLevel(p, q));
            previous = p;
        }
        return levels;
    }

    /**
     * The current snapshot.
     *
     * @return the snapshot, null before the first {@link #next()}
     */
    public OrderBookSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Levels a side as the header declares (the N of {@code book_snapshot_N}).
     *
     * @return the depth, at least 1
     */
    public int depth() {
        return depth;
    }

    /**
     * The current snapshot's exchange time ({@code timestamp}).
     *
     * @return UTC epoch microseconds
     */
    public long exchangeTimeMicros() {
        return exchangeTimeMicros;
    }

    /**
     * When the current snapshot was received by the recorder ({@code local_timestamp}).
     *
     * @return UTC epoch microseconds
     */
    public long localTimeMicros() {
        return localTimeMicros;
    }

    /**
     * The current line.
     *
     * @return its 1-based number (the header is line 1)
     */
    public long line() {
        return lines.line();
    }

    /**
     * Closes the file.
     *
     * @throws MarketDataFileException if closing fails
     */
    @Override
    public void close() {
        lines.close();
    }
}
