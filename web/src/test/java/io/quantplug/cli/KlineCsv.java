package io.quantplug.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The oracle's own reader of kline CSV files, a plain split that shares nothing with the runtime's
 * {@code BarFileReader}: the prices stay the decimal text the file wrote. It knows the layouts of the 1-minute files in
 * {@code ../shared/data}: an optional header row, the open time first (ISO-8601 with or without an offset, which then
 * means UTC, or epoch seconds, milliseconds or microseconds told apart by their digit count), then open, high, low,
 * close and volume; further columns are ignored. A newest-first file is reversed and a row repeating the previous
 * row's open time is dropped, as the runtime documents for its reader.
 */
final class KlineCsv {

    /** One bar as written: open time in UTC epoch milliseconds, prices and volume as decimal text. */
    record Row(long openTimeMillis, String open, String high, String low, String close, String volume) {
    }

    private KlineCsv() {
    }

    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                if (line.isBlank() || !Character.isDigit(f[0].trim().charAt(0))) {
                    continue;                                   // the header
                }
                rows.add(new Row(openTimeMillis(f[0].trim()), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim(),
                        f[5].trim()));
            }
        }
        if (rows.size() > 1 && rows.get(0).openTimeMillis() > rows.get(rows.size() - 1).openTimeMillis()) {
            Collections.reverse(rows);
        }
        List<Row> distinct = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (distinct.isEmpty() || distinct.get(distinct.size() - 1).openTimeMillis() != row.openTimeMillis()) {
                distinct.add(row);
            }
        }
        return distinct;
    }

    static long openTimeMillis(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            long v = Long.parseLong(text);
            return text.length() <= 11 ? v * 1_000 : text.length() <= 14 ? v : v / 1_000;
        }
        TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.replace(' ', 'T'), OffsetDateTime::from,
                LocalDateTime::from);
        Instant instant = t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
        return instant.toEpochMilli();
    }
}
