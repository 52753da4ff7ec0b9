package io.quantplug.app;

import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import io.quantplug.sdk.marketdata.BookSnapshotCsvReader;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;

import java.nio.file.Path;
import java.util.List;

/**
 * The rows of a Tardis {@code book_snapshot_N} CSV ({@link BookSnapshotCsvReader}) as replay events: each row a
 * full top-N book that stands alone ({@link #snapshotTimeMillis()}), at its exchange time, received at its local
 * time. No trades, no update ids (0).
 */
final class BookSnapshotCsvEvents implements BookEvents {

    private static final String HEADER_START = "exchange,symbol,timestamp,local_timestamp,asks[0].price,";

    private final BookSnapshotCsvReader reader;
    private final Path file;
    private OrderBookSnapshot row;

    BookSnapshotCsvEvents(Path file) {
        this.reader = BookSnapshotCsvReader.open(file);
        this.file = file;
    }

    /**
     * Whether a file is a Tardis book_snapshot CSV: its first line starts as that header does.
     *
     * @param file the file, plain or gzip
     * @return true when it is
     */
    static boolean isBookSnapshotCsv(Path file) {
        String first = TradeCsvEvents.firstLine(file);
        return first != null && first.startsWith(HEADER_START);
    }

    @Override
    public boolean next() {
        if (!reader.next()) {
            return false;
        }
        row = reader.snapshot();
        return true;
    }

    @Override
    public MarketMessageKind kind() {
        return MarketMessageKind.DEPTH_SNAPSHOT;
    }

    @Override
    public String symbol() {
        return row.instrument().symbol();
    }

    @Override
    public long localTimeNanos() {
        return reader.localTimeMicros() * 1_000;
    }

    @Override
    public long eventTimeMillis() {
        return row.timeMillis();
    }

    @Override
    public long tradeTimeMillis() {
        return 0;
    }

    @Override
    public long snapshotTimeMillis() {
        return row.timeMillis();
    }

    @Override
    public DepthUpdate depthUpdate() {
        throw new IllegalStateException("a book snapshot CSV has no depth diffs");
    }

    /** A new snapshot each row: a replay may hold several while it orders them. */
    @Override
    public DepthSnapshot snapshot() {
        List<BookLevel> bids = row.bids();
        List<BookLevel> asks = row.asks();
        double[] bp = new double[bids.size()];
        double[] bq = new double[bids.size()];
        double[] ap = new double[asks.size()];
        double[] aq = new double[asks.size()];
        for (int i = 0; i < bp.length; i++) {
            bp[i] = bids.get(i).price();
            bq[i] = bids.get(i).quantity();
        }
        for (int i = 0; i < ap.length; i++) {
            ap[i] = asks.get(i).price();
            aq[i] = asks.get(i).quantity();
        }
        return new DepthSnapshot(0, bp, bq, ap, aq);
    }

    @Override
    public long line() {
        return reader.line();
    }

    @Override
    public String where() {
        return file + ":" + reader.line();
    }

    @Override
    public void close() {
        reader.close();
    }
}
