package io.quantplug.runtime.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives FastCSV's fields for one record at a time. Until {@link #mapColumns(ColumnMapping)} it keeps the fields as
 * text (for banner, header and layout detection); afterwards it parses the mapped fields straight from FastCSV's
 * buffer into a time and five values, allocating nothing for a good row, and remembers the first field that did not
 * parse.
 *
 * <p>{@link #buildRecord()} returns the handler itself: the caller reads the current row from it before asking for
 * the next. Stateful; one instance per import.
 */
final class BarRowHandler extends AbstractBaseCsvCallbackHandler<BarRowHandler> {

    private final TimestampParser timestamps = new TimestampParser();
    private final List<String> texts = new ArrayList<>();
    private final double[] values = new double[6];
    private int[] slots;
    private long time;
    private TimestampFormat timeFormat;
    private int badColumn;
    private String badText;

    /**
     * Switches from keeping text to parsing the columns of a mapping.
     *
     * @param mapping where the time and OHLCV values are
     */
    void mapColumns(ColumnMapping mapping) {
        slots = mapping.slots();
    }

    /**
     * Parses the fields kept as text for the current record, as if it had arrived after {@link #mapColumns}.
     * Used for the first data row of a file without header, which is read before its layout is known.
     */
    void parseKeptTexts() {
        resetRow();
        for (int i = 0; i < texts.size(); i++) {
            char[] chars = texts.get(i).toCharArray();
            parseField(i, chars, 0, chars.length);
        }
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        resetRow();
        if (slots == null) {
            texts.clear();
        }
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        if (slots == null) {
            texts.add(new String(buf, offset, len));
        } else {
            parseField(fieldIdx, buf, offset, len);
        }
    }

    @Override
    protected BarRowHandler buildRecord() {
        return this;
    }

    private void parseField(int column, char[] buf, int offset, int len) {
        if (column >= slots.length) {
            return;
        }
        int slot = slots[column];
        if (slot == ColumnMapping.TIME_SLOT) {
            time = timestamps.parse(buf, offset, len);
            if (time == TimestampParser.INVALID) {
                fail(column, buf, offset, len);
            } else {
                timeFormat = timestamps.lastFormat();
            }
        } else if (slot > 0) {
            double value = DecimalParser.parse(buf, offset, len);
            values[slot] = value;
            if (Double.isNaN(value)) {
                fail(column, buf, offset, len);
            }
        }
    }

    private void fail(int column, char[] buf, int offset, int len) {
        if (badColumn < 0) {
            badColumn = column;
            badText = new String(buf, offset, len);
        }
    }

    private void resetRow() {
        badColumn = -1;
        badText = null;
        time = TimestampParser.INVALID;
        timeFormat = null;
    }

    /** The 1-based line where the current record starts. */
    long line() {
        return getStartingLineNumber();
    }

    /** The number of fields of the current record. */
    int fieldCount() {
        return getFieldCount();
    }

    /** The fields of the current record, while text is kept. */
    List<String> texts() {
        return List.copyOf(texts);
    }

    /** The 0-based column of the first field of the current row that did not parse, or -1. */
    int badColumn() {
        return badColumn;
    }

    /** The text of the field at {@link #badColumn()}. */
    String badText() {
        return badText;
    }

    /** The current row's bar open time, UTC epoch milliseconds. */
    long time() {
        return time;
    }

    /** How the current row's time was written. */
    TimestampFormat timeFormat() {
        return timeFormat;
    }

    /** The current row's open price. */
    double open() {
        return values[1];
    }

    /** The current row's high price. */
    double high() {
        return values[2];
    }

    /** The current row's low price. */
    double low() {
        return values[3];
    }

    /** The current row's close price. */
    double close() {
        return values[4];
    }

    /** The current row's volume. */
    double volume() {
        return values[5];
    }
}
