package io.quantplug.runtime.store;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.data.ColumnFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Columnar copies of stored bar series beside the database: a series read once from its rows is written to a local
 * file ({@link ColumnFiles}: one array per field), and later reads load that file while the series' bar count in
 * {@code bar_series} is the one the copy was made at (bars are only ever added, so the count changes with every
 * change; schema version 7). A copy is made only of a read that saw exactly that many rows, so a copy is never of
 * a series changing under it. One file per database (a hash of its URL and user) and series; deleting the folder is
 * always safe.
 *
 * <p>A missing, stale, unreadable or damaged copy means a read of the rows; a copy that cannot be written is logged
 * and skipped. Thread-safe across threads and processes: files are written whole or not at all.
 */
final class SeriesCopies {

    private static final Logger LOG = LoggerFactory.getLogger(SeriesCopies.class);
    private static final int MAGIC = 0x43535051; // "QPSC" read little-endian
    private static final int VERSION = 1;

    /** The series' id and bar count, or null when it is not stored. */
    @FunctionalInterface
    interface Counter {
        long[] count(InstrumentId instrument, Timeframe timeframe);
    }

    /** Reads a series' rows in a range of open times. */
    @FunctionalInterface
    interface Rows {
        BarSeries read(InstrumentId instrument, Timeframe timeframe, long fromMillis, long toMillis);
    }

    private final Path folder;
    private final String database;

    SeriesCopies(Path folder, DatabaseSettings settings) {
        this.folder = folder.toAbsolutePath();
        // the database's identity as a hash: a URL may carry a password, which no file should
        this.database = sha256(settings.url() + "\n" + (settings.user() == null ? "" : settings.user()));
    }

    /**
     * The whole series, from its copy when that is current, else from its rows (making the copy).
     *
     * @return the series, or null when it is not stored
     */
    BarSeries read(InstrumentId instrument, Timeframe timeframe, Counter counter, Rows rows) {
        long[] counted = counter.count(instrument, timeframe);
        if (counted == null) {
            return null;
        }
        long seriesId = counted[0];
        long bars = counted[1];
        Path file = folder.resolve(key(seriesId) + ".bars");
        if (Files.isRegularFile(file)) {
            try (ColumnFiles.Reader in = new ColumnFiles.Reader(file)) {
                if (in.getInt() == MAGIC && in.getInt() == VERSION && in.string().equals(database)
                        && in.getLong() == seriesId && in.getLong() == bars) {
                    BarSeries copy = in.series();
                    if (copy.size() == bars) {
                        return copy;
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("series copy {} unreadable, reading the rows of {} {}: {}", file, instrument, timeframe,
                        e.toString());
            }
        }
        BarSeries whole = rows.read(instrument, timeframe, Long.MIN_VALUE, Long.MAX_VALUE);
        if (whole.size() == bars) {
            try {
                ColumnFiles.writeAtomically(file, out -> out.putInt(MAGIC).putInt(VERSION).string(database)
                        .putLong(seriesId).putLong(bars).series(whole));
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not keep a copy of {} {} in {}: {}", instrument, timeframe, folder, e.toString());
            }
        }
        return whole;
    }

    /** The file name of a series' copy: from the database's identity and the series id. */
    private String key(long seriesId) {
        return sha256(database + "\n" + seriesId).substring(0, 32);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
