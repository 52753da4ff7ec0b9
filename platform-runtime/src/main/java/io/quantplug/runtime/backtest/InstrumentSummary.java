package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one instrument of a portfolio backtest contributed. Money is exact, in the account currency.
 *
 * @param instrument the instrument
 * @param bars       its bars processed
 * @param trades     its closed round trips, of every strategy
 * @param netPnl     the sum of their P&amp;L after fees
 * @param fees       the sum of their fees
 * @param funding    the funding its positions received (positive) or paid, for a perpetual; null for spot (its
 *                   {@code netPnl} is then the leg's whole contribution, otherwise {@code netPnl + funding} is)
 */
public record InstrumentSummary(InstrumentId instrument, long bars, int trades, BigDecimal netPnl,
                                BigDecimal fees, BigDecimal funding) {

    /**
     * The summary of a spot instrument.
     *
     * @param instrument the instrument
     * @param bars       its bars processed
     * @param trades     its closed round trips
     * @param netPnl     the sum of their P&amp;L after fees
     * @param fees       the sum of their fees
     */
    public InstrumentSummary(InstrumentId instrument, long bars, int trades, BigDecimal netPnl, BigDecimal fees) {
        this(instrument, bars, trades, netPnl, fees, null);
    }

    /**
     * Checks the components.
     *
     * @param instrument the instrument
     * @param bars its bars processed
     * @param trades its closed round trips
     * @param netPnl the sum of their P&amp;L after fees
     * @param fees the sum of their fees
     * @param funding the funding of a perpetual's positions, or null for spot
     */
    public InstrumentSummary {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(netPnl, "netPnl");
        Objects.requireNonNull(fees, "fees");
    }
}
