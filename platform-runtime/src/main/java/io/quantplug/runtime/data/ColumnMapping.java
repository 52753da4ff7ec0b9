package io.quantplug.runtime.data;

import java.util.Arrays;

/**
 * Where the fields of a bar are in each row of a file: the detected layout, the number of columns every data row
 * must have, and the 0-based column of the time and of each OHLCV value.
 *
 * @param layout         the detected layout
 * @param columnCount    fields per data row, &ge; 6
 * @param timeColumnName the header name of the time column, or {@code column 1} without a header
 * @param time           column of the bar open time
 * @param open           column of the open price
 * @param high           column of the high price
 * @param low            column of the low price
 * @param close          column of the close price
 * @param volume         column of the base volume
 */
record ColumnMapping(BarFileLayout layout, int columnCount, String timeColumnName,
                     int time, int open, int high, int low, int close, int volume) {

    /** Slot of the time in {@link #slots()}; the OHLCV values follow in slots 1 to 5. */
    static final int TIME_SLOT = 0;

    /** Name of the first column of a file without header. */
    static final String FIRST_COLUMN = "column 1";

    /**
     * The mapping of a file without header, known by its column count: Binance's 12-column klines, or
     * {@code time, open, high, low, close, volume} with an optional trade count.
     *
     * @param columnCount fields in the first data row
     * @return the mapping, or null when no headerless layout has that many columns
     */
    static ColumnMapping headerless(int columnCount) {
        if (columnCount == 12) {
            return new ColumnMapping(BarFileLayout.BINANCE_KLINE, 12, FIRST_COLUMN, 0, 1, 2, 3, 4, 5);
        }
        if (columnCount == 6 || columnCount == 7) {
            return new ColumnMapping(BarFileLayout.HEADERLESS_OHLCV, columnCount, FIRST_COLUMN, 0, 1, 2, 3, 4, 5);
        }
        return null;
    }

    /**
     * For each column, the slot its value goes to: {@link #TIME_SLOT}, 1 to 5 for open, high, low, close and volume,
     * or -1 for a column that is ignored.
     *
     * @return a new array of {@link #columnCount()} entries
     */
    int[] slots() {
        int[] slots = new int[columnCount];
        Arrays.fill(slots, -1);
        slots[time] = TIME_SLOT;
        slots[open] = 1;
        slots[high] = 2;
        slots[low] = 3;
        slots[close] = 4;
        slots[volume] = 5;
        return slots;
    }
}
