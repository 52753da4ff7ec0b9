package io.quantplug.runtime.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a header row to bar columns by name, case-insensitively and ignoring surrounding spaces.
 *
 * <ul>
 *   <li>time: the first of {@code unix}, {@code open_time}, {@code open time}, {@code timestamp}, {@code ts},
 *       {@code time}, {@code datetime}, {@code date} that is present, in that order of preference, so an epoch
 *       column such as CryptoDataDownload's {@code unix} wins over its text {@code date} column;</li>
 *   <li>prices: {@code open}/{@code o}, {@code high}/{@code h}, {@code low}/{@code l}, {@code close}/{@code c};</li>
 *   <li>volume: a column named {@code volume}, {@code vol} or {@code v}, else the first whose name starts with
 *       {@code volume} (CryptoDataDownload's {@code Volume BTC} before {@code Volume USDT}).</li>
 * </ul>
 * Other columns are ignored.
 */
final class HeaderColumns {

    private static final List<String> TIME_NAMES =
            List.of("unix", "open_time", "open time", "timestamp", "ts", "time", "datetime", "date");
    private static final List<String> OPEN_NAMES = List.of("open", "o");
    private static final List<String> HIGH_NAMES = List.of("high", "h");
    private static final List<String> LOW_NAMES = List.of("low", "l");
    private static final List<String> CLOSE_NAMES = List.of("close", "c");
    private static final List<String> VOLUME_NAMES = List.of("volume", "vol", "v");
    private static final String VOLUME_PREFIX = "volume";

    private HeaderColumns() {
    }

    /**
     * Whether a row reads as a header: at least one of its fields is a known column name.
     *
     * @param fields the row's fields
     * @return true when some field names a time, price or volume column
     */
    static boolean looksLikeHeader(List<String> fields) {
        for (String field : fields) {
            String name = normalise(field);
            if (TIME_NAMES.contains(name) || OPEN_NAMES.contains(name) || HIGH_NAMES.contains(name)
                    || LOW_NAMES.contains(name) || CLOSE_NAMES.contains(name) || VOLUME_NAMES.contains(name)
                    || name.startsWith(VOLUME_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Maps a header row.
     *
     * @param file   the file, for the error message
     * @param line   1-based line of the header, for the error message
     * @param fields the header's fields
     * @return the mapping
     * @throws DataImportException when a time, open, high, low, close or volume column is missing; the message names
     *                             what is missing and the columns found
     */
    static ColumnMapping map(Path file, long line, List<String> fields) {
        List<String> names = new ArrayList<>(fields.size());
        for (String field : fields) {
            names.add(normalise(field));
        }
        int time = -1;
        for (int rank = 0; rank < TIME_NAMES.size() && time < 0; rank++) {
            time = names.indexOf(TIME_NAMES.get(rank));
        }
        int open = indexOfAny(names, OPEN_NAMES);
        int high = indexOfAny(names, HIGH_NAMES);
        int low = indexOfAny(names, LOW_NAMES);
        int close = indexOfAny(names, CLOSE_NAMES);
        int volume = indexOfAny(names, VOLUME_NAMES);
        for (int i = 0; i < names.size() && volume < 0; i++) {
            if (names.get(i).startsWith(VOLUME_PREFIX)) {
                volume = i;
            }
        }
        List<String> missing = new ArrayList<>();
        addIfMissing(missing, time, "time (" + String.join("/", TIME_NAMES) + ")");
        addIfMissing(missing, open, "open");
        addIfMissing(missing, high, "high");
        addIfMissing(missing, low, "low");
        addIfMissing(missing, close, "close");
        addIfMissing(missing, volume, "volume");
        if (!missing.isEmpty()) {
            throw new DataImportException(file, line, "header has no " + String.join(", ", missing)
                    + " column; columns found: " + fields);
        }
        boolean kline = names.size() == 12 && time == 0 && isOneOf(names.get(6), "close_time", "close time");
        return new ColumnMapping(kline ? BarFileLayout.BINANCE_KLINE : BarFileLayout.HEADED_OHLCV, names.size(),
                fields.get(time).strip(), time, open, high, low, close, volume);
    }

    private static String normalise(String field) {
        String name = field.strip();
        if (!name.isEmpty() && name.charAt(0) == '\uFEFF') {
            name = name.substring(1).strip();
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static int indexOfAny(List<String> names, List<String> wanted) {
        for (int i = 0; i < names.size(); i++) {
            if (wanted.contains(names.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isOneOf(String name, String a, String b) {
        return name.equals(a) || name.equals(b);
    }

    private static void addIfMissing(List<String> missing, int index, String what) {
        if (index < 0) {
            missing.add(what);
        }
    }
}
