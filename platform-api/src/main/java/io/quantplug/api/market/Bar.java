package io.quantplug.api.market;

import io.quantplug.api.instrument.InstrumentId;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar: the trades of an instrument during {@code [openTime, openTime + timeframe)}, or, for a bar that
 * closes on traded activity rather than on the clock, from its first trade to the trade that completed it.
 *
 * <p>The engine delivers a bar to strategies when it is complete, at {@link #closeTimeMillis()}; an order
 * decided then fills on a later bar at the earliest.
 *
 * <p><b>Time bars</b> (the usual kind, made with the eight-value constructor) close at
 * {@code openTimeMillis + timeframe.millis()}. <b>Activity bars</b> such as volume bars and dollar bars (López de
 * Prado, <i>Advances in Financial Machine Learning</i>, Wiley 2018, §2.3.1) close when the traded base volume or
 * quote notional reaches a threshold, so their length varies: they are made with the nine-value constructor, their
 * open time is their first trade's time and their close time the time of the trade that completed them, which may
 * equal the open time. Their {@code timeframe} is then a nominal length chosen by whoever made the series (the
 * command line gives the series' mean bar duration), for code that needs one, such as annualising returns; it does
 * not fix the close time.
 *
 * @param instrument   the instrument
 * @param timeframe    the bar length; for an activity bar, the series' nominal bar length
 * @param openTimeMillis bar open time, UTC epoch milliseconds
 * @param open         first trade price, quote per base, &gt; 0
 * @param high         highest trade price, &ge; open, close and low
 * @param low          lowest trade price, &le; open and close, &gt; 0
 * @param close        last trade price, &gt; 0
 * @param volume       traded quantity in base units, &ge; 0
 * @param closeTimeMillis the time the bar completes, UTC epoch milliseconds, &ge; {@code openTimeMillis}: open time
 *                     plus the timeframe for a time bar, the completing trade's time for an activity bar
 */
public record Bar(InstrumentId instrument, Timeframe timeframe, long openTimeMillis,
                  double open, double high, double low, double close, double volume, long closeTimeMillis) {

    /**
     * Validates a bar of any kind; use it for activity bars, whose close time is their own.
     *
     * @param instrument the instrument
     * @param timeframe the bar length; for an activity bar, the series' nominal bar length
     * @param openTimeMillis bar open time, UTC epoch milliseconds
     * @param open first trade price, quote per base, &gt; 0
     * @param high highest trade price, &ge; open, close and low
     * @param low lowest trade price, &le; open and close, &gt; 0
     * @param close last trade price, &gt; 0
     * @param volume traded quantity in base units, &ge; 0
     * @param closeTimeMillis the time the bar completes, UTC epoch milliseconds, &ge; {@code openTimeMillis}
     * @throws IllegalArgumentException when a price is not finite and positive, the volume is negative or not
     *                                  finite, low &le; open, close &le; high does not hold, or the close time is
     *                                  before the open time
     */
    public Bar {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        String problem = check(open, high, low, close, volume);
        if (problem == null && closeTimeMillis < openTimeMillis) {
            problem = "close time " + Instant.ofEpochMilli(closeTimeMillis) + " is before the open time";
        }
        if (problem != null) {
            throw new IllegalArgumentException(instrument + " bar at " + Instant.ofEpochMilli(openTimeMillis)
                    + ": " + problem);
        }
    }

    /**
     * Validates a time bar, which closes at its open time plus its timeframe.
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
     */
    public Bar(InstrumentId instrument, Timeframe timeframe, long openTimeMillis,
               double open, double high, double low, double close, double volume) {
        this(instrument, timeframe, openTimeMillis, open, high, low, close, volume,
                openTimeMillis + Objects.requireNonNull(timeframe, "timeframe").millis());
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
     * The time the bar completes: open time plus the timeframe for a time bar, the completing trade's time for an
     * activity bar.
     *
     * @return UTC epoch milliseconds
     */
    @Override
    public long closeTimeMillis() {
        return closeTimeMillis;
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
