package io.quantplug.sdk.marketdata;

import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Streams depth events from a CSV file in the flat Binance USD&#9416;-M depth layout, one price level a line, plain
 * or gzip: the header {@code symbol,timestamp,first_update_id,last_update_id,side,update_type,price,qty,pu}, then
 * rows with {@code timestamp} in epoch milliseconds, {@code side} {@code b} or {@code a}, {@code update_type}
 * {@code snap} (a level of a depth snapshot) or {@code set} (a level's new absolute quantity in a diff, {@code 0}
 * removing it) and {@code pu} the previous diff's final update id ({@code -1} on snapshot rows). The layout is that
 * of the samples in {@code ../shared/data/orderbook-small-samples} (see its PROVENANCE.md).
 *
 * <p>Consecutive rows with the same timestamp, update ids and update type are one event: a {@link DepthSnapshot}
 * ({@link MarketMessageKind#DEPTH_SNAPSHOT}, its {@code lastUpdateId} the rows' {@code last_update_id}) or a
 * {@link DepthUpdate} ({@link MarketMessageKind#DEPTH_UPDATE}: {@code U}, {@code u} and {@code pu} from the rows,
 * event time the timestamp), which the SDK's {@link io.quantplug.sdk.book.DepthSequencer} applies by Binance's
 * rules.
 *
 * <p>Refused with a {@link MarketDataFileException} naming file, line and reason: another header, a line without 9
 * columns, an empty field, a timestamp or update id that is not an integer, a timestamp that goes back, update ids
 * without {@code 0 < first_update_id <= last_update_id}, a side other than {@code b}/{@code a}, an update type
 * other than {@code snap}/{@code set}, a price that is not a number &gt; 0, a quantity that is not a number &ge; 0
 * ({@code > 0} in a snapshot), a symbol that changes. Memory holds one event. Not thread-safe.
 */
public final class BinanceDepthCsvReader implements AutoCloseable {

    private static final String[] COLUMNS = {"symbol", "timestamp", "first_update_id", "last_update_id", "side",
        "update_type", "price", "qty", "pu"};

    private final DataLines lines;
    private final CsvFields row;
    private final DepthUpdate update = new DepthUpdate();
    private String symbol;
    private MarketMessageKind kind;
    private DepthSnapshot snapshot;
    private long timeMillis;
    private long eventLine;
    private long lastTime = Long.MIN_VALUE;
    private boolean pending; // the row read ahead opens the next event
    private boolean ended;
    // the row read ahead
    private long time;
    private long first;
    private long last;
    private long previous;
    private boolean bid;
    private boolean snap;
    private double price;
    private double quantity;
    // a snapshot's levels as they come
    private double[] bidPrices = new double[64];
    private double[] bidQuantities = new double[64];
    private double[] askPrices = new double[64];
    private double[] askQuantities = new double[64];
    private int bids;
    private int asks;

    private BinanceDepthCsvReader(Path file) {
        this.lines = new DataLines(List.of(file));
        try {
            this.row = new CsvFields(lines, lines.next(), COLUMNS, "Binance depth CSV");
        } catch (RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    /**
     * Opens a file and checks its header.
     *
     * @param file a Binance depth CSV, plain or gzip, not null
     * @return the reader, to be closed
     * @throws MarketDataFileException if the file cannot be read or its header is not this layout
     */
    public static BinanceDepthCsvReader open(Path file) {
        return new BinanceDepthCsvReader(file);
    }

    /**
     * Advances to the next event: all the rows of one snapshot or one diff.
     *
     * @return false after the last one
     * @throws MarketDataFileException if a row is malformed or the file cannot be read
     */
    public boolean next() {
        if (!pending && !readRow()) {
            return false;
        }
        kind = snap ? MarketMessageKind.DEPTH_SNAPSHOT : MarketMessageKind.DEPTH_UPDATE;
        timeMillis = time;
        eventLine = lines.line();
        long eventFirst = first;
        long eventLast = last;
        long eventPrevious = previous;
        update.reset();
        update.ids(first, last, previous);
        update.eventTimeMillis(time);
        bids = 0;
        asks = 0;
        do {
            addLevel();
        } while (readRow() && time == timeMillis && first == eventFirst && last == eventLast
                && previous == eventPrevious && snap == (kind == MarketMessageKind.DEPTH_SNAPSHOT));
        pending = !ended;
        if (kind == MarketMessageKind.DEPTH_SNAPSHOT) {
            snapshot = new DepthSnapshot(eventLast, Arrays.copyOf(bidPrices, bids), Arrays.copyOf(bidQuantities, bids),
                    Arrays.copyOf(askPrices, asks), Arrays.copyOf(askQuantities, asks));
        }
        return true;
    }

    private void addLevel() {
        if (kind == MarketMessageKind.DEPTH_UPDATE) {
            if (bid) {
                update.addBid(price, quantity);
            } else {
                update.addAsk(price, quantity);
            }
        } else if (bid) {
            if (bids == bidPrices.length) {
                bidPrices = Arrays.copyOf(bidPrices, bids * 2);
                bidQuantities = Arrays.copyOf(bidQuantities, bids * 2);
            }
            bidPrices[bids] = price;
            bidQuantities[bids++] = quantity;
        } else {
            if (asks == askPrices.length) {
                askPrices = Arrays.copyOf(askPrices, asks * 2);
                askQuantities = Arrays.copyOf(askQuantities, asks * 2);
            }
            askPrices[asks] = price;
            askQuantities[asks++] = quantity;
        }
    }

    /** Reads and checks the next row into the read-ahead fields; false at the end of the file. */
    private boolean readRow() {
        if (ended || !row.next()) {
            ended = true;
            return false;
        }
        String s = row.text(0);
        if (symbol == null) {
            symbol = s;
        } else if (!symbol.equals(s)) {
            throw row.refuse("symbol '" + CsvFields.clip(s) + "' in a file of " + symbol + "; give one symbol a file");
        }
        time = integer(1);
        if (time < 0 || time < lastTime) {
            throw row.refuse("column 'timestamp' " + (time < 0 ? "is negative: " + time
                    : "goes back: " + time + " ms after " + lastTime + " ms"));
        }
        lastTime = time;
        first = integer(2);
        last = integer(3);
        if (!(0 < first && first <= last)) {
            throw row.refuse("update ids must satisfy 0 < first_update_id <= last_update_id, got " + first + " and "
                    + last);
        }
        bid = side(row.text(4));
        String type = row.text(5);
        if (!type.equals("snap") && !type.equals("set")) {
            throw row.refuse("column 'update_type' must be snap or set, got '" + CsvFields.clip(type) + "'");
        }
        snap = type.equals("snap");
        price = row.positive(6);
        quantity = number(7);
        if (snap && quantity == 0) {
            throw row.refuse("column 'qty' of a snapshot level must be > 0, got 0");
        }
        previous = integer(8);
        return true;
    }

    private boolean side(String s) {
        if (s.equals("b") || s.equals("a")) {
            return s.equals("b");
        }
        throw row.refuse("column 'side' must be b or a, got '" + CsvFields.clip(s) + "'");
    }

    private long integer(int column) {
        String s = row.text(column);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw row.refuse("column '" + COLUMNS[column] + "' is not an integer: '" + CsvFields.clip(s) + "'");
        }
    }

    private double number(int column) {
        String s = row.text(column);
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw row.refuse("column '" + COLUMNS[column] + "' is not a number >= 0: '" + CsvFields.clip(s) + "'");
        }
        return v;
    }

    /**
     * The current event's kind.
     *
     * @return {@link MarketMessageKind#DEPTH_SNAPSHOT} or {@link MarketMessageKind#DEPTH_UPDATE}; null before the
     *         first {@link #next()}
     */
    public MarketMessageKind kind() {
        return kind;
    }

    /**
     * The current diff.
     *
     * @return the holder, refilled by the next {@link #next()}; meaningful when {@link #kind()} is a depth update
     */
    public DepthUpdate update() {
        return update;
    }

    /**
     * The current snapshot.
     *
     * @return a new snapshot each event (its arrays its own); meaningful when {@link #kind()} is a depth snapshot
     */
    public DepthSnapshot snapshot() {
        return snapshot;
    }

    /**
     * The symbol of the file's rows.
     *
     * @return e.g. {@code BTCUSDT}; null before the first {@link #next()}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The current event's timestamp.
     *
     * @return UTC epoch milliseconds
     */
    public long timeMillis() {
        return timeMillis;
    }

    /**
     * The line of the current event's first row.
     *
     * @return its 1-based number (the header is line 1)
     */
    public long line() {
        return eventLine;
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
