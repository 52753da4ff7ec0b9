package io.quantplug.app;

import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;

/**
 * A cursor over the market events of a recording, in recorded order: trades, aggregate trades, depth diffs and
 * depth snapshots. Read from the recording's JSON ({@link RecordedEvents}), a Tardis trades CSV
 * ({@link TradeCsvEvents}) or book snapshot CSV ({@link BookSnapshotCsvEvents}), a Binance depth CSV
 * ({@link BinanceDepthCsvEvents}), or from the compact copy of any of them ({@link TickFile}); a file and its copy give the same events with the same fields.
 *
 * <p>The accessors describe the current event, and their holders are reused by the next {@link #next()}. Not
 * thread-safe.
 */
interface MarketEvents extends AutoCloseable {

    /**
     * Moves to the next event.
     *
     * @return false after the last one
     * @throws io.quantplug.sdk.marketdata.MarketDataFileException when the recording is malformed (file and line)
     */
    boolean next();

    /** @return TRADE, AGG_TRADE, DEPTH_UPDATE or DEPTH_SNAPSHOT */
    MarketMessageKind kind();

    /** @return the event's symbol as the exchange names it, or null for a snapshot (which carries none) */
    String symbol();

    /** @return the recorder's receive time, UTC epoch nanoseconds */
    long localTimeNanos();

    /** @return the exchange's event time {@code E}, UTC epoch milliseconds, 0 when absent */
    long eventTimeMillis();

    /** @return the trade (or futures transaction) time {@code T}, UTC epoch milliseconds, 0 when absent */
    long tradeTimeMillis();

    /**
     * The exchange time of a depth snapshot that is a whole book on its own (a row of a Tardis
     * {@code book_snapshot_N} CSV: the top N levels, replacing the book), as opposed to a REST snapshot that depth
     * diffs continue.
     *
     * @return UTC epoch milliseconds for a stand-alone snapshot; 0 for any other event
     */
    default long snapshotTimeMillis() {
        return 0;
    }

    /**
     * Whether the source has no trades by its format (a book snapshot CSV or a depth CSV): a replay then makes its
     * time bars of the book's mid price.
     *
     * @return true for a source of order-book events only; known before the first event for the files themselves,
     *         from the first {@link #next()} for a compact copy
     */
    default boolean bookOnly() {
        return false;
    }

    /** @return a trade's price, quote per base */
    double price();

    /** @return a trade's quantity, base units */
    double quantity();

    /** @return whether a trade's buyer was the maker ({@code m}), i.e. the seller was the aggressor */
    boolean buyerMaker();

    /** @return a trade's id */
    long tradeId();

    /** @return a depth diff's ids and levels, reused by the next event */
    DepthUpdate depthUpdate();

    /** @return a depth snapshot */
    DepthSnapshot snapshot();

    /** @return the recording's line the current event was read from, 1-based */
    long line();

    /** @return where the current event was read, {@code FILE:LINE} of the recording, for messages */
    String where();

    @Override
    void close();
}
