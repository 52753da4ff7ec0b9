package io.quantplug.plugins.binance.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One symbol's 1-minute klines read from a shared-data CSV ({@code timestamp,open,high,low,close,volume}, UTC open
 * time {@code YYYY-MM-DD HH:MM:SS}); the number texts are kept exactly as in the file.
 */
public final class KlineArchive {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One CSV row. */
    public record Row(long openTime, String open, String high, String low, String close, String volume) {
    }

    private final long[] openTimes;
    private final List<Row> rows;

    private KlineArchive(List<Row> rows) {
        this.rows = rows;
        this.openTimes = rows.stream().mapToLong(Row::openTime).toArray();
    }

    /**
     * Reads a CSV.
     *
     * @param csv the file
     * @return the archive
     */
    public static KlineArchive read(Path csv) {
        List<Row> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(csv)) {
                if (line.isBlank() || line.startsWith("timestamp")) {
                    continue;
                }
                String[] f = line.split(",");
                long t = LocalDateTime.parse(f[0], TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
                rows.add(new Row(t, f[1], f[2], f[3], f[4], f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(csv.toString(), e);
        }
        return new KlineArchive(rows);
    }

    /**
     * All rows.
     *
     * @return the rows in ascending open time
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Rows with open time in {@code [start, end]}, at most {@code limit}, as Binance's klines endpoint selects.
     *
     * @param start first open time, inclusive
     * @param end   last open time, inclusive
     * @param limit most rows
     * @return the rows
     */
    public List<Row> between(long start, long end, int limit) {
        int i = Arrays.binarySearch(openTimes, start);
        if (i < 0) {
            i = -i - 1;
        }
        List<Row> out = new ArrayList<>();
        for (; i < rows.size() && out.size() < limit && openTimes[i] <= end; i++) {
            out.add(rows.get(i));
        }
        return out;
    }
}
