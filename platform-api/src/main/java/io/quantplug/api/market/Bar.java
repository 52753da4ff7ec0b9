package io.quantplug.api.market;

import io.quantplug.api.instrument.InstrumentId;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar: the trades of an instrument during {@code [openTime, openTime + timeframe)}.
 *
 * <p>The engine delivers a bar to strategies when it is complete, at {@link #closeTimeMillis()}; an order
 * decided then fills on a later bar at the earliest.
 *
 * @param instrument   the instrument
 * @param timeframe    the bar length
 * @param openTimeMillis bar open time, UTC epoch milliseconds
 * @param open         first trade price, quote per base, &gt; 0
 * @param high         highest trade price, &ge; open, close and low
 * @param low          lowest trade price, &le; open and close, &gt; 0
 * @param close        last trade price, &gt; 0
 * @param volume       traded quantity in base units, &ge; 0
 */
public record Bar(InstrumentId instrument, Timeframe timeframe, long openTimeMillis,
                  double open, double high, double low, double close, double volume) {

    /**
     * Validates the bar.
     *
     * @param instrument the instrument
     * @param timeframe the bar length
     * @param openTimeMillis bar open time, UTC epoch milliseconds
     * @param open first trade price, quote per base, &gt; 0
     * @param high highest trade price, &ge; open, close and low
     * @param low lowest trade price, &le; open and close, &gt; 0
     * @param close last trade price, &gt; 0
     * @param volume traded quantity in base units, &ge; 0
     * @throws IllegalArgumentException when a price is not finite and positive, the volume is negative or not
     *                                  finite, or low &le; open, close &le; high does not hold
     * 
     */
    public Bar {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        String problem = check(open, high, low, close, volume);
        if (problem != null) {
            throw new IllegalArgumentException(instrument + " bar at " + Instant.ofEpochMilli(openTimeMillis)
                    + ": " + problem);
        }
    }

    /**
     * Checks OHLCV values without building a bar, for importers that report their own file and line.
     *
     * @param open   open price
     * @param high   high price
     * @param low    low price
     * @param close  close price
     * @param volume base volume
     * @return null when the values form a valid bar, otherwise the reason
     */
    public static String check(double open, double high, double low, double close, double volume) {
        if (!(open > 0 && high > 0 && low > 0 && close > 0)
                || !Double.isFinite(open + high + low + close)) {
            return "prices must be finite and > 0 (open " + open + ", high " + high + ", low " + low
                    + ", close " + close + ")";
        }
        if (!(volume >= 0) || !Double.isFinite(volume)) {
            return "volume must be finite and >= 0, got " + volume;
        }
        if (low > Math.min(open, close) || high < Math.max(open, close)) {
            return "low <= open, close <= high does not hold (open " + open + ", high " + high + ", low " + low
                    + ", close " + close + ")";
        }
        return null;
    }

    /**
     * The time the bar completes: open time plus the timeframe.
     *
     * @return UTC epoch milliseconds
     */
    public long closeTimeMillis() {
        return openTimeMillis + timeframe.millis();
    }

    /**
     * The open time as an instant.
     *
     * @return the open time
     */
    public Instant openTime() {
        return Instant.ofEpochMilli(openTimeMillis);
    }
}
