package io.quantplug.runtime.margin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A perpetual's recorded funding rates in time order, read from a file.
 *
 * <p>Formats read, told apart by their first character and header:
 * <ul>
 *   <li>CSV with a header naming a time column ({@code timestamp}, {@code fundingTime}, {@code calc_time} or
 *       {@code time}, epoch milliseconds) and a rate column ({@code funding_rate}, {@code fundingRate},
 *       {@code last_funding_rate} or {@code rate}), rates as fractions;</li>
 *   <li>the JSON of Binance's {@code GET /fapi/v1/fundingRate}: objects with {@code fundingTime} and
 *       {@code fundingRate}, fractions;</li>
 *   <li>a JSON array of {@code [timeMillis, rate]} pairs, whose unit the caller must give.</li>
 * </ul>
 * Binance's {@code fundingTime} carries a few milliseconds of settlement jitter ({@code 08:00:00.016}); times are
 * floored to the whole second so that a funding falls at the close of the bar that ends at its hour. Immutable.
 */
public final class FundingRates {

    private static final List<String> TIME_COLUMNS = List.of("timestamp", "fundingtime", "calc_time", "time");
    private static final List<String> RATE_COLUMNS = List.of("funding_rate", "fundingrate", "last_funding_rate",
            "rate");

    private final String source;
    private final long[] times;
    private final BigDecimal[] rates;

    /**
     * Keeps rates given in time order.
     *
     * @param source where they come from, for messages
     * @param rates  the rates, strictly increasing in time
     * @throws IllegalArgumentException when two rates are not in increasing time order
     */
    public FundingRates(String source, List<FundingRate> rates) {
        this.source = source;
        this.times = new long[rates.size()];
        this.rates = new BigDecimal[rates.size()];
        for (int i = 0; i < rates.size(); i++) {
            times[i] = rates.get(i).timeMillis();
            this.rates[i] = rates.get(i).rate();
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException(source + ": funding times must increase: " + Instant.ofEpochMilli(
                        times[i]) + " follows " + Instant.ofEpochMilli(times[i - 1]) + " (record " + (i + 1) + ")");
            }
        }
    }

    /**
     * Reads a file in one of the formats above.
     *
     * @param file the file
     * @param unit the unit of its rates; null for the format's own (fractions), which {@code [time, rate]} pairs
     *             do not have
     * @return the rates
     * @throws IllegalArgumentException naming the file (and line) when it cannot be read, has no rates, has a value
     *                                  that is not a number, is out of time order, or holds pairs without a unit
     */
    public static FundingRates read(Path file, FundingUnit unit) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the funding rates: " + e.getMessage(), e);
        }
        return parse(file.toString(), text, unit);
    }

    /**
     * Reads the text of a file in one of the formats above: what the console uploads.
     *
     * @param source names the text in errors, e.g. a file name or a request's field
     * @param text   the file's whole text
     * @param unit   the unit of its rates; null for the format's own (fractions), which {@code [time, rate]} pairs
     *               do not have
     * @return the rates
     * @throws IllegalArgumentException naming the source (and line) when the text has no rates, has a value that is
     *                                  not a number, is out of time order, or holds pairs without a unit
     */
    public static FundingRates parse(String source, String text, FundingUnit unit) {
        List<FundingRate> rates = text.stripLeading().startsWith("[") ? json(source, text, unit)
                : csv(source, text, unit == null ? FundingUnit.FRACTION : unit);
        if (rates.isEmpty()) {
            throw new IllegalArgumentException(source + ": no funding rates");
        }
        return new FundingRates(source, rates);
    }

    private static List<FundingRate> csv(String file, String text, FundingUnit unit) {
        List<FundingRate> out = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowMissingFields(true).ofCsvRecord(text)) {
            int timeColumn = -1;
            int rateColumn = -1;
            for (CsvRecord r : csv) {
                if (timeColumn < 0) {
                    List<String> header = r.getFields().stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
                    timeColumn = column(header, TIME_COLUMNS);
                    rateColumn = column(header, RATE_COLUMNS);
                    if (timeColumn < 0 || rateColumn < 0) {
                        throw new IllegalArgumentException(file + ":" + r.getStartingLineNumber()
                                + ": the header needs a time column " + TIME_COLUMNS + " and a rate column "
                                + RATE_COLUMNS + ", got " + r.getFields());
                    }
                    continue;
                }
                if (r.getFieldCount() == 1 && r.getField(0).isBlank()) {
                    continue;
                }
                String where = file + ":" + r.getStartingLineNumber();
                out.add(rate(where, r.getFieldCount() > timeColumn ? r.getField(timeColumn) : "",
                        r.getFieldCount() > rateColumn ? r.getField(rateColumn) : "", unit));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the funding rates: " + e.getMessage(), e);
        }
        return out;
    }

    private static int column(List<String> header, List<String> names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<FundingRate> json(String file, String text, FundingUnit unit) {
        ObjectMapper mapper = new ObjectMapper();
        List<FundingRate> out = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            parser.nextToken(); // the array
            while (parser.nextToken() != null && parser.currentToken().isStructStart()) {
                JsonLocation at = parser.currentTokenLocation();
                JsonNode n = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(parser);
                String where = file + ":" + at.getLineNr();
                if (n.isArray() && n.size() == 2) {
                    if (unit == null) {
                        throw new IllegalArgumentException(where + ": [time, rate] pairs carry no unit: say whether "
                                + "the rates are a fraction (0.0001 = 0.01 %) or percent");
                    }
                    out.add(rate(where, n.get(0).asText(), n.get(1).asText(), unit));
                } else if (n.has("fundingTime") && n.has("fundingRate")) {
                    out.add(rate(where, n.get("fundingTime").asText(), n.get("fundingRate").asText(),
                            unit == null ? FundingUnit.FRACTION : unit));
                } else {
                    throw new IllegalArgumentException(where + ": expected {\"fundingTime\", \"fundingRate\"} or "
                            + "[time, rate], got " + n);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not JSON funding rates: " + e.getMessage(), e);
        }
        return out;
    }

    private static FundingRate rate(String where, String time, String rate, FundingUnit unit) {
        long millis;
        BigDecimal value;
        try {
            millis = Long.parseLong(time.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": funding time is not epoch milliseconds: '" + time + "'", e);
        }
        try {
            value = unit.toFraction(new BigDecimal(rate.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": funding rate is not a number: '" + rate + "'", e);
        }
        return new FundingRate(Math.floorDiv(millis, 1000L) * 1000L, value);
    }

    /**
     * How many rates there are.
     *
     * @return &ge; 0
     */
    public int size() {
        return times.length;
    }

    /**
     * One rate.
     *
     * @param i its index, 0 to {@link #size()} − 1
     * @return the rate
     */
    public FundingRate get(int i) {
        return new FundingRate(times[i], rates[i]);
    }

    /**
     * The index of the first rate after a time.
     *
     * @param timeMillis epoch milliseconds
     * @return the index of the first rate with a time &gt; {@code timeMillis}, or {@link #size()}
     */
    public int firstAfter(long timeMillis) {
        int i = Arrays.binarySearch(times, timeMillis);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * Refuses to fund bars the rates do not cover: the first rate must come no later than one funding interval (the
     * smallest gap between rates) after the first bar opens, the last no earlier than one interval before the last
     * bar closes, and no gap between rates inside the bars may exceed twice that interval.
     *
     * @param fromMillis the first bar's open time
     * @param toMillis   the last bar's close time
     * @throws IllegalArgumentException naming the file and the uncovered span
     */
    public void checkCovers(long fromMillis, long toMillis) {
        long interval = Long.MAX_VALUE;
        for (int i = 1; i < times.length; i++) {
            interval = Math.min(interval, times[i] - times[i - 1]);
        }
        if (times.length < 2 || times[0] > fromMillis + interval || times[times.length - 1] < toMillis - interval) {
            throw new IllegalArgumentException(source + ": the funding rates (" + Instant.ofEpochMilli(times[0])
                    + " to " + Instant.ofEpochMilli(times[times.length - 1]) + ") do not cover the bars ("
                    + Instant.ofEpochMilli(fromMillis) + " to " + Instant.ofEpochMilli(toMillis) + ")");
        }
        for (int i = firstAfter(fromMillis); i < times.length && times[i - Math.min(i, 1)] < toMillis; i++) {
            if (i > 0 && times[i] - times[i - 1] > 2 * interval) {
                throw new IllegalArgumentException(source + ": no funding rate between "
                        + Instant.ofEpochMilli(times[i - 1]) + " and " + Instant.ofEpochMilli(times[i])
                        + ", inside the bars");
            }
        }
    }
}
