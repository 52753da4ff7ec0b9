package io.quantplug.sdk.marketdata;

import io.quantplug.api.instrument.InstrumentId;

import java.util.Locale;

/**
 * The fields of one line of a Tardis-style CSV file (RFC 4180 without quoting: Tardis writes no quoted fields) and
 * the typed reading of each, refusing a bad field with its column name. Shared by the CSV readers; holds the
 * current line's fields and the instrument of the last {@code exchange,symbol} pair seen. Not thread-safe.
 */
final class CsvFields {

    private final DataLines lines;
    private final String[] names;
    private final String[] fields;
    private String lastExchange;
    private String lastSymbol;
    private InstrumentId instrument;
    private long lastLocalTime = Long.MIN_VALUE;

    /**
     * Checks that the header line names exactly the expected columns.
     *
     * @param lines    the file's lines, positioned after the header
     * @param header   the header line as read, null if the file is empty
     * @param expected the column names in order
     * @param format   the format's name for messages, e.g. {@code Tardis trades}
     */
    CsvFields(DataLines lines, String header, String[] expected, String format) {
        this.lines = lines;
        this.names = expected.clone();
        this.fields = new String[expected.length];
        if (header == null) {
            throw new MarketDataFileException(lines.file(), 0, "empty file: expected a " + format + " header");
        }
        if (!header.equals(String.join(",", expected))) {
            throw lines.refuse("not a " + format + " header: expected '" + clip(String.join(",", expected))
                    + "', got '" + clip(header) + "'");
        }
    }

    /** Reads the next data line into the fields; false at the end of the file. */
    boolean next() {
        String line = lines.next();
        if (line == null) {
            return false;
        }
        if (line.indexOf('"') >= 0) {
            throw lines.refuse("quoted fields are not supported (Tardis CSV has none)");
        }
        int start = 0;
        for (int i = 0; i < fields.length; i++) {
            int comma = line.indexOf(',', start);
            boolean last = i == fields.length - 1;
            if (last != (comma < 0)) {
                throw lines.refuse("expected " + fields.length + " columns, got " + (line.split(",", -1).length));
            }
            fields[i] = last ? line.substring(start) : line.substring(start, comma);
            start = comma + 1;
        }
        return true;
    }

    String text(int column) {
        String s = fields[column];
        if (s.isEmpty()) {
            throw lines.refuse("column '" + names[column] + "' is empty");
        }
        return s;
    }

    boolean empty(int column) {
        return fields[column].isEmpty();
    }

    /** A timestamp column: a non-negative integer (Tardis: epoch microseconds). */
    long micros(int column) {
        String s = text(column);
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 0) {
            throw lines.refuse("column '" + names[column] + "' is not a non-negative integer of microseconds: '"
                    + clip(s) + "'");
        }
        return v;
    }

    /** A price or amount column: a finite number greater than 0. */
    double positive(int column) {
        String s = text(column);
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw lines.refuse("column '" + names[column] + "' is not a number > 0: '" + clip(s) + "'");
        }
        return v;
    }

    /** The local timestamp column, which must not go back (file order is arrival order). */
    long localMicros(int column) {
        long t = micros(column);
        if (t < lastLocalTime) {
            throw lines.refuse("column '" + names[column] + "' goes back: " + t + " after " + lastLocalTime);
        }
        lastLocalTime = t;
        return t;
    }

    /**
     * The instrument of an {@code exchange,symbol} pair: the symbol upper-cased, the venue the exchange upper-cased
     * with {@code -} as {@code _} (Tardis {@code binance-futures} is venue {@code BINANCE_FUTURES}).
     */
    InstrumentId instrument(int exchangeColumn, int symbolColumn) {
        String exchange = text(exchangeColumn);
        String symbol = text(symbolColumn);
        if (!exchange.equals(lastExchange) || !symbol.equals(lastSymbol)) {
            try {
                instrument = InstrumentId.of(symbol.toUpperCase(Locale.ROOT),
                        exchange.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw lines.refuse("exchange '" + clip(exchange) + "' and symbol '" + clip(symbol)
                        + "' do not make an instrument id: " + e.getMessage());
            }
            lastExchange = exchange;
            lastSymbol = symbol;
        }
        return instrument;
    }

    MarketDataFileException refuse(String reason) {
        return lines.refuse(reason);
    }

    static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
