package io.quantplug.api.market;

import io.quantplug.api.instrument.InstrumentId;

import java.util.Objects;

/**
 * A perpetual's settled funding rate: at {@code timeMillis}, positions paid or received {@code position × mark
 * price × rate} (a positive rate: longs pay shorts).
 *
 * @param instrument the perpetual
 * @param timeMillis the funding time, epoch milliseconds UTC
 * @param rate       the rate of the funding interval, a decimal fraction (0.0001 = 0.01 %)
 * @param intervalMillis the time since the funding before it (Binance: usually 8 hours), or 0 for the first one
 * @since 0.2.0
 */
public record Funding(InstrumentId instrument, long timeMillis, double rate, long intervalMillis) {

    /**
     * Checks the instrument is there.
     *
     * @param instrument     the perpetual
     * @param timeMillis     the funding time
     * @param rate           the rate
     * @param intervalMillis the interval, &ge; 0
     * @throws IllegalArgumentException when the interval is negative
     */
    public Funding {
        Objects.requireNonNull(instrument, "instrument");
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("intervalMillis must be >= 0, got " + intervalMillis);
        }
    }

    /**
     * The rate as a yearly rate: {@code rate × (365 days / interval)}, the simple annualisation funding dashboards
     * show; NaN without an interval.
     *
     * @return a fraction per year, e.g. 0.1095 for 0.01 % every 8 hours
     */
    public double annualized() {
        return intervalMillis == 0 ? Double.NaN : rate * (365.0 * 86_400_000.0 / intervalMillis);
    }
}
