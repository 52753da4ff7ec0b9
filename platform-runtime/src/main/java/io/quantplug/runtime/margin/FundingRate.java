package io.quantplug.runtime.margin;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One recorded funding rate of a perpetual.
 *
 * @param timeMillis the funding time, epoch milliseconds UTC (settlement jitter removed: see {@link FundingRates})
 * @param rate       the rate for the interval, a decimal fraction (0.0001 = 0.01 %); positive: longs pay shorts
 */
public record FundingRate(long timeMillis, BigDecimal rate) {

    /**
     * Checks the rate is present.
     *
     * @param timeMillis the funding time, epoch milliseconds UTC
     * @param rate       the rate, a fraction
     *
     * @throws NullPointerException when it is null
     */
    public FundingRate {
        Objects.requireNonNull(rate, "rate");
    }
}
