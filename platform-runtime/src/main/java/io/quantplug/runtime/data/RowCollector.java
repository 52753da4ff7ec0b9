package io.quantplug.runtime.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import io.quantplug.api.market.Bar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the rows of one bar CSV in file order, detecting its layout from the first lines, and stops at the first
 * malformed row. Tokenising is FastCSV's; parsing is {@link BarRowHandler}'s.
 *
 * <p>Layout detection, on the first non-empty line (then on the second, if the first was a banner):
 * <ol>
 *   <li>its first field is an epoch number or ISO-8601 time: no header; 12 fields are Binance klines, 6 or 7 fields
 *       are {@code time, open, high, low, close, volume[, count]}, other counts are refused;</li>
 *   <li>some field is a known column name: a header, mapped by {@link HeaderColumns};</li>
 *   <li>otherwise the line is a banner (such as CryptoDataDownload's URL line) and is skipped; at most one is.</li>
 * </ol>
 * Every data row must then have as many fields as the header (or the first row), parse, and pass {@link Bar#check}.
 */
final class RowCollector {

    /**
     * The rows of a file in file order.
     *
     * @param mapping the detected column mapping
     * @param rows    one entry per data row, in file order
     * @param formats every way the time column was written
     */
    record Collected(ColumnMapping mapping, RowBuffer rows, Set<TimestampFormat> formats) {
    }

    private final Path file;
    private final BarRowHandler row = new BarRowHandler();
    private final TimestampParser probe = new TimestampParser();
    private ColumnMapping mapping;
    private List<String> header;
    private long headerLine;

    /**
     * Creates a collector for one file.
     *
     * @param file the file, for error messages
     */
    RowCollector(Path file) {
        this.file = file;
    }

    /**
     * Reads every row.
     *
     * @param in               the decompressed file content, UTF-8 (a byte-order mark is skipped); not closed
     * @param expectedRows     a guess of the row count, to size the buffers
     * @return the rows
     * @throws DataImportException when the file is empty, has no usable header, or a row is malformed; nothing is
     *                             returned then
     */
    Collected collect(InputStream in, int expectedRows) {
        RowBuffer rows = new RowBuffer(Math.max(16, expectedRows));
        EnumSet<TimestampFormat> formats = EnumSet.noneOf(TimestampFormat.class);
        try {
            CsvReader<BarRowHandler> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                    .detectBomHeader(true).build(row, in, StandardCharsets.UTF_8);
            Iterator<BarRowHandler> records = csv.iterator();
            boolean firstRowPending = detectLayout(records);
            if (firstRowPending) {
                row.parseKeptTexts();
                add(rows, formats);
            }
            while (records.hasNext()) {
                records.next();
                add(rows, formats);
            }
        } catch (UncheckedIOException e) {
            throw new DataImportException(file, e.getCause());
        } catch (CsvParseException e) {
            throw new DataImportException(file, row.line(), "not readable as CSV: " + e.getMessage());
        }
        if (rows.size() == 0) {
            throw new DataImportException(file, headerLine, "no data rows after the header");
        }
        return new Collected(mapping, rows, formats);
    }

    /**
     * Reads banner and header lines, sets {@link #mapping}, and switches the handler to parsing.
     *
     * @return true when the record just read is the first data row (a file without header)
     */
    private boolean detectLayout(Iterator<BarRowHandler> records) {
        List<String> banner = null;
        long bannerLine = 0;
        while (records.hasNext()) {
            records.next();
            List<String> fields = row.texts();
            long line = row.line();
            if (startsWithTime(fields)) {
                mapping = ColumnMapping.headerless(fields.size());
                if (mapping == null) {
                    throw new DataImportException(file, line, "no header row, and " + fields.size()
                            + " columns: a file without header must be Binance klines (12 columns) or time, open,"
                            + " high, low, close, volume with an optional trade count (6 or 7 columns); add a header"
                            + " row naming the columns");
                }
                row.mapColumns(mapping);
                return true;
            }
            if (HeaderColumns.looksLikeHeader(fields)) {
                mapping = HeaderColumns.map(file, line, fields);
                header = fields;
                headerLine = line;
                row.mapColumns(mapping);
                return false;
            }
            if (banner != null) {
                throw new DataImportException(file, bannerLine, "no header found: neither line " + bannerLine + " "
                        + banner + " nor line " + line + " " + fields + " names the time, open, high, low, close"
                        + " and volume columns or starts with a time");
            }
            banner = fields;
            bannerLine = line;
        }
        if (banner != null) {
            throw new DataImportException(file, bannerLine, "no header and no data: the only line " + banner
                    + " is neither a header naming the time, open, high, low, close and volume columns nor a row"
                    + " starting with a time");
        }
        throw new DataImportException(file, 0, "the file is empty");
    }

    private boolean startsWithTime(List<String> fields) {
        String first = fields.get(0);
        return probe.parse(first) != TimestampParser.INVALID;
    }

    private void add(RowBuffer rows, Set<TimestampFormat> formats) {
        long line = row.line();
        if (row.fieldCount() != mapping.columnCount()) {
            throw new DataImportException(file, line, "expected " + mapping.columnCount() + " columns"
                    + (header != null ? " as in the header (line " + headerLine + ")" : " as in the first row")
                    + ", found " + row.fieldCount());
        }
        int bad = row.badColumn();
        if (bad >= 0) {
            throw new DataImportException(file, line, describeBadField(bad, row.badText()));
        }
        String problem = Bar.check(row.open(), row.high(), row.low(), row.close(), row.volume());
        if (problem != null) {
            throw new DataImportException(file, line, problem);
        }
        TimestampFormat format = row.timeFormat();
        rows.add(row.time(), row.open(), row.high(), row.low(), row.close(), row.volume(), line, format);
        formats.add(format);
    }

    private String describeBadField(int column, String text) {
        String name = header != null ? "'" + header.get(column).strip() + "'" : (column + 1) + "";
        if (column == mapping.time()) {
            return "time column " + name + " is neither an epoch number nor an ISO-8601 time such as"
                    + " 2023-03-01 00:00:00+00:00: '" + text + "'";
        }
        return "column " + name + " is not a number: '" + text + "'";
    }
}
