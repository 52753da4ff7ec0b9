package io.quantplug.runtime.margin;

import java.math.BigDecimal;

/** The unit a file writes funding rates in. */
public enum FundingUnit {
    /** A decimal fraction, as Binance's API returns it: 0.0001 is 0.01 %. */
    FRACTION,
    /** Percent: 0.01 is 0.01 %, a fraction of 0.0001. */
    PERCENT;

    /**
     * The rate as a fraction.
     *
     * @param value the rate in this unit
     * @return the decimal fraction, exact
     */
    public BigDecimal toFraction(BigDecimal value) {
        return this == PERCENT ? value.movePointLeft(2) : value;
    }
}
