package io.quantplug.plugins.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;

import java.util.Set;

/**
 * Binance klines: the interval names Binance accepts and the row format of {@code GET /api/v3/klines} and
 * {@code GET /fapi/v1/klines} ({@code [openTime, open, high, low, close, volume, closeTime, quoteVolume, trades,
 * takerBuyBase, takerBuyQuote, ignore]}, prices and volumes as decimal strings).
 */
public final class Klines {

    /** Kline intervals Binance documents ("ENUM definitions: Kline/Candlestick chart intervals"), except 1M. */
    private static final Set<String> INTERVALS = Set.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h",
            "8h", "12h", "1d", "3d", "1w");

    private Klines() {
    }

    /**
     * Binance's interval name for a timeframe.
     *
     * @param timeframe the bar length
     * @return e.g. {@code 1m}, {@code 4h}, {@code 1w}
     * @throws IllegalArgumentException when Binance has no such interval (e.g. 2m or 90s)
     */
    public static String interval(Timeframe timeframe) {
        String label = timeframe.label();
        if (!INTERVALS.contains(label)) {
            throw new IllegalArgumentException("timeframe " + label + " is not a Binance kline interval; allowed "
                    + String.join(", ", new java.util.TreeSet<>(INTERVALS)));
        }
        return label;
    }

    /**
     * One kline row as a bar (open time, OHLC, base volume).
     *
     * @param row        the JSON array
     * @param instrument the instrument
     * @param timeframe  the bar length
     * @return the bar
     * @throws IllegalArgumentException when the row does not form a valid bar
     */
    public static Bar toBar(JsonNode row, InstrumentId instrument, Timeframe timeframe) {
        return new Bar(instrument, timeframe, row.get(0).asLong(), Double.parseDouble(row.get(1).asText()),
                Double.parseDouble(row.get(2).asText()), Double.parseDouble(row.get(3).asText()),
                Double.parseDouble(row.get(4).asText()), Double.parseDouble(row.get(5).asText()));
    }
}
