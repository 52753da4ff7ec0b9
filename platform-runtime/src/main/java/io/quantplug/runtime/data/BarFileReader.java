package io.quantplug.runtime.data;

import io.quantplug.api.market.Timeframe;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Imports historical OHLCV bars from a CSV file, plain or gzip-compressed, detecting its layout from the first lines
 * (see {@link BarFileLayout}):
 * <ul>
 *   <li>the first field of the first line is a time: no header; 12 columns are Binance klines, 6 or 7 columns are
 *       {@code time, open, high, low, close, volume[, count]} (Kraken OHLCVT); other counts are refused;</li>
 *   <li>otherwise the line is a header if it names a known column, else it is skipped as a banner (at most one, such
 *       as CryptoDataDownload's URL line) and the next line must be the header.</li>
 * </ul>
 * Header names are matched case-insensitively and trimmed. Time: the first present of {@code unix},
 * {@code open_time}, {@code open time}, {@code timestamp}, {@code ts}, {@code time}, {@code datetime}, {@code date}
 * (so an epoch {@code unix} column wins over a text {@code date} column). Prices: {@code open}/{@code o},
 * {@code high}/{@code h}, {@code low}/{@code l}, {@code close}/{@code c}. Volume: {@code volume}/{@code vol}/{@code v},
 * else the first column whose name starts with {@code volume} (the base volume in CryptoDataDownload files). Other
 * columns are ignored. Times may be epoch seconds, milliseconds, microseconds or nanoseconds, told apart per row by
 * magnitude, or ISO-8601 with or without zone (none means UTC), see {@link TimestampFormat}; they are normalised to
 * UTC epoch milliseconds.
 *
 * <p>A newest-first file (last row older than the first) is reversed; a row repeating its neighbour's time and
 * OHLCV values exactly is dropped and counted; gaps are reported. The timeframe is the expected one, else the most
 * common step between consecutive bars, and every step must be a whole number of it. Anything else fails the import
 * with a {@link DataImportException} whose message starts with {@code FILE:LINE:}: a malformed row (wrong column
 * count, a field that does not parse, values that fail {@link io.quantplug.api.market.Bar#check Bar.check}),
 * conflicting duplicates and rows out of order (summarised together, with the first example of each), a misaligned
 * step, a file without data. The whole file is validated before a series is returned, so nothing half-loaded is ever
 * used.
 *
 * <p>Stateless and thread-safe: each call reads on the calling thread with its own buffers. Tokenising is FastCSV's;
 * numbers and times are parsed straight from its buffer without allocating per field.
 *
 * <pre>{@code
 * LoadedBars loaded = new BarFileReader().read(Path.of("BTCUSDT_1m.csv"));
 * BarSeries bars = loaded.series();           // oldest first, UTC epoch milliseconds
 * ImportReport report = loaded.report();      // layout, timeframe, gaps, duplicates dropped
 * }</pre>
 */
public final class BarFileReader {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int BYTES_PER_ROW_GUESS = 48;

    /** Creates a reader. */
    public BarFileReader() {
    }

    /**
     * Imports a file, detecting its timeframe as the most common step between consecutive bars.
     *
     * @param file a {@code .csv} or gzip-compressed ({@code .csv.gz}, or gzip content under any name) bar file
     * @return the bars, oldest first, and the import report
     * @throws NullPointerException when {@code file} is null
     * @throws DataImportException  when the file cannot be read, has no data rows, has fewer than 2 bars, has a
     *                              malformed, out-of-order or conflicting row, or a step between consecutive bars that
     *                              is not a whole number of the detected timeframe; the message starts with
     *                              {@code FILE:LINE:} ({@code FILE:} when no line is at fault)
     */
    public LoadedBars read(Path file) {
        return importFile(file, null);
    }

    /**
     * Imports a file of a known timeframe; a single-bar file loads too.
     *
     * @param file     a {@code .csv} or gzip-compressed bar file
     * @param expected the bar length the file must have
     * @return the bars, oldest first, and the import report (whose timeframe is {@code expected})
     * @throws NullPointerException when an argument is null
     * @throws DataImportException  as {@link #read(Path)}, except that one bar is enough and steps are checked
     *                              against {@code expected}
     */
    public LoadedBars read(Path file, Timeframe expected) {
        Objects.requireNonNull(expected, "expected");
        return importFile(file, expected);
    }

    private LoadedBars importFile(Path file, Timeframe expected) {
        Objects.requireNonNull(file, "file");
        RowCollector.Collected collected;
        try (InputStream in = open(file)) {
            collected = new RowCollector(file).collect(in, rowsGuess(file));
        } catch (IOException e) {
            throw new DataImportException(file, e);
        }
        RowSequencer.Sequenced sequenced = RowSequencer.sequence(file, collected.rows());
        StepScan.Steps steps = StepScan.scan(file, sequenced.rows(), expected);
        BarSeries series = sequenced.rows().toSeries(steps.timeframe());
        ColumnMapping mapping = collected.mapping();
        ImportReport report = new ImportReport(file, mapping.layout(), mapping.timeColumnName(), collected.formats(),
                collected.rows().size(), series.size(), sequenced.exactDuplicates(), sequenced.reversed(),
                steps.timeframe(), steps.gaps(), steps.missingBars());
        return new LoadedBars(series, report);
    }

    /** Opens the file, decompressing it when its name ends in {@code .gz} or it starts with the gzip magic bytes. */
    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        try {
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            boolean gzipName = file.getFileName() != null
                    && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
            if (gzipName || (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2)) {
                return new GZIPInputStream(in, BUFFER_BYTES);
            }
            return in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static int rowsGuess(Path file) throws IOException {
        long bytes = Files.size(file);
        return (int) Math.min(1 << 24, bytes / BYTES_PER_ROW_GUESS + 1);
    }
}
