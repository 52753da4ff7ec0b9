package io.quantplug.runtime.session;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A non-flat position of a running session after its last fill.
 *
 * @param instrument  the instrument
 * @param quantity    base units, positive long (spot sessions are long-only)
 * @param costBasis   what the open quantity cost, quote asset, fees not included
 * @param realizedPnl P&amp;L realised on this instrument so far, quote asset, fees not included
 */
public record OpenPosition(InstrumentId instrument, BigDecimal quantity, BigDecimal costBasis,
                           BigDecimal realizedPnl) {

    /**
     * Checks that no component is null.
     *
     * @param instrument  the instrument
     * @param quantity    base units
     * @param costBasis   quote asset
     * @param realizedPnl quote asset
     */
    public OpenPosition {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(costBasis, "costBasis");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
    }

    /**
     * The average entry price: cost basis over quantity, computed when asked (not on the engine thread's fill path).
     *
     * @return quote per base, to 34 significant digits ({@link MathContext#DECIMAL128}), trailing zeros stripped
     */
    public BigDecimal averageEntryPrice() {
        return costBasis.divide(quantity, MathContext.DECIMAL128).stripTrailingZeros();
    }
}
