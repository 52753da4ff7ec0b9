package io.quantplug.runtime.session;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * An instrument's position right after a fill. Built on the engine thread from values the portfolio already holds
 * (no arithmetic), so that a listener that passes it on to another thread costs the engine next to nothing; the
 * average entry price is derived when asked for.
 *
 * @param strategy    the instance whose order filled
 * @param timeMillis  fill time, UTC epoch milliseconds
 * @param instrument  the instrument
 * @param quantity    position after the fill, base asset, signed (negative is short)
 * @param costBasis   what the open quantity cost, quote asset, signed like the quantity; 0 when flat
 * @param realizedPnl P&amp;L realised in the instrument so far, quote asset, before fees
 */
public record PositionChange(String strategy, long timeMillis, InstrumentId instrument, BigDecimal quantity,
                             BigDecimal costBasis, BigDecimal realizedPnl) {

    /**
     * Checks for nulls.
     *
     * @param strategy    the instance whose order filled
     * @param timeMillis  fill time, UTC epoch milliseconds
     * @param instrument  the instrument
     * @param quantity    position after the fill, signed
     * @param costBasis   cost of the open quantity, signed
     * @param realizedPnl realised P&amp;L so far
     */
    public PositionChange {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(costBasis, "costBasis");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
    }

    /**
     * The average entry price: cost basis over quantity, to 34 significant digits (IEEE 754 decimal128, as the
     * portfolio's own position view computes it), without trailing zeros.
     *
     * @return the price, 0 when flat
     */
    public BigDecimal averageEntryPrice() {
        return quantity.signum() == 0 ? BigDecimal.ZERO
                : costBasis.divide(quantity, MathContext.DECIMAL128).stripTrailingZeros();
    }
}
