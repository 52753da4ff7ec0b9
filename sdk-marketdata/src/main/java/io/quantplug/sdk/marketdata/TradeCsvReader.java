package io.quantplug.sdk.marketdata;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;

import java.nio.file.Path;
import java.util.List;

/**
 * Streams trades from a CSV file in Tardis.dev's {@code trades} layout (https://docs.tardis.dev/downloadable-csv-files,
 * "trades"), plain or gzip: the header {@code exchange,symbol,timestamp,local_timestamp,id,side,price,amount}, then
 * one trade per line with times in epoch microseconds, {@code side} the taker's side ({@code buy} or {@code sell})
 * and {@code amount} in the venue's quantity unit (BTC on Binance USD&#9416;-M, USD contracts on BitMEX XBTUSD).
 *
 * <p>Each row becomes a {@link TradeTick} (instrument {@code SYMBOL@EXCHANGE}, the exchange upper-cased with
 * {@code -} as {@code _}; time the exchange timestamp in milliseconds, rounded down; aggressor the taker's side; id
 * as written). The microsecond times stay readable from {@link #exchangeTimeMicros()} and {@link #localTimeMicros()}.
 *
 * <p>Refused with a {@link MarketDataFileException} naming file, line and reason: another header, a line without 8
 * columns, an empty field, a time that is not a non-negative integer, a local time that goes back, a side other than
 * {@code buy}/{@code sell} (Tardis writes {@code unknown} when the venue does not say; such a file cannot feed
 * an aggressor-side model and is refused), a price or amount that is not a number greater than 0. Memory does not
 * grow with the file. Not thread-safe.
 */
public final class TradeCsvReader implements AutoCloseable {

    private static final String[] COLUMNS = {"exchange", "symbol", "timestamp", "local_timestamp", "id", "side",
        "price", "amount"};

    private final DataLines lines;
    private final CsvFields row;
    private TradeTick trade;
    private long exchangeTimeMicros;
    private long localTimeMicros;

    private TradeCsvReader(Path file) {
        this.lines = new DataLines(List.of(file));
        try {
            this.row = new CsvFields(lines, lines.next(), COLUMNS, "Tardis trades");
        } catch (RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    /**
     * Opens a file and checks its header.
     *
     * @param file a Tardis trades CSV, plain or gzip, not null
     * @return the reader, to be closed
     * @throws MarketDataFileException if the file cannot be read or its header is not the trades header
     */
    public static TradeCsvReader open(Path file) {
        return new TradeCsvReader(file);
    }

    /**
     * Advances to the next trade.
     *
     * @return false after the last line
     * @throws MarketDataFileException if the line is malformed or the file cannot be read
     */
    public boolean next() {
        if (!row.next()) {
            return false;
        }
        InstrumentId instrument = row.instrument(0, 1);
        exchangeTimeMicros = row.micros(2);
        localTimeMicros = row.localMicros(3);
        String id = row.text(4);
        Side aggressor = switch (row.text(5)) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw row.refuse("column 'side' must be buy or sell, got '" + CsvFields.clip(row.text(5))
                    + "'");
        };
        trade = new TradeTick(instrument, exchangeTimeMicros / 1000, row.positive(6), row.positive(7), aggressor, id);
        return true;
    }

    /**
     * The current trade.
     *
     * @return the trade, null before the first {@link #next()}
     */
    public TradeTick trade() {
        return trade;
    }

    /**
     * The current trade's exchange time ({@code timestamp}).
     *
     * @return UTC epoch microseconds
     */
    public long exchangeTimeMicros() {
        return exchangeTimeMicros;
    }

    /**
     * When the current trade was received by the recorder ({@code local_timestamp}).
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
