package io.quantplug.runtime.session;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A non-flat position of a running session after its last fill.
 *
 * @param instrument        the instrument
 * @param quantity          base units, positive long (spot sessions are long-only)
 * @param averageEntryPrice cost basis over quantity, quote per base (exact decimal, DECIMAL128 division)
 * @param realizedPnl       P&amp;L realised on this instrument so far, quote asset, fees not included
 */
public record OpenPosition(InstrumentId instrument, BigDecimal quantity, BigDecimal averageEntryPrice,
                           BigDecimal realizedPnl) {

    /**
     * Checks that no component is null.
     *
     * @param instrument        the instrument
     * @param quantity          base units
     * @param averageEntryPrice quote per base
     * @param realizedPnl       quote asset
     */
    public OpenPosition {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageEntryPrice, "averageEntryPrice");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
    }
}
