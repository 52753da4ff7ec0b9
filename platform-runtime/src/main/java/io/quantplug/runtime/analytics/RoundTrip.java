package io.quantplug.runtime.analytics;

import io.quantplug.api.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed round trip: from the fill that opened a position in an instrument to the fill that made it flat again.
 * Money is exact, in the account currency.
 *
 * @param strategy        id of the strategy instance that opened it
 * @param instrument      the instrument
 * @param side            long or short
 * @param entryTimeMillis time of the first entry fill, UTC epoch milliseconds
 * @param exitTimeMillis  time of the last exit fill, UTC epoch milliseconds
 * @param entryPrice      quantity-weighted average entry price
 * @param exitPrice       quantity-weighted average exit price
 * @param quantity        total quantity entered (equal to the quantity exited), base units
 * @param grossPnl        realised P&amp;L before fees
 * @param fees            fees of every fill of the trip
 * @param pnl             {@code grossPnl - fees}
 * @param exitReason      what closed it
 */
public record RoundTrip(String strategy, InstrumentId instrument, PositionSide side, long entryTimeMillis,
                        long exitTimeMillis, BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal quantity,
                        BigDecimal grossPnl, BigDecimal fees, BigDecimal pnl, ExitReason exitReason) {

    /**
     * Checks that no component is null.
     *
     * @param strategy id of the strategy instance that opened it
     * @param instrument the instrument
     * @param side long or short
     * @param entryTimeMillis time of the first entry fill, UTC epoch milliseconds
     * @param exitTimeMillis time of the last exit fill, UTC epoch milliseconds
     * @param entryPrice quantity-weighted average entry price
     * @param exitPrice quantity-weighted average exit price
     * @param quantity total quantity entered (equal to the quantity exited), base units
     * @param grossPnl realised P&amp;L before fees
     * @param fees fees of every fill of the trip
     * @param pnl {@code grossPnl - fees}
     * @param exitReason what closed it
     */
    public RoundTrip {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(grossPnl, "grossPnl");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(exitReason, "exitReason");
    }

    /**
     * Net P&amp;L as a fraction of the entry value ({@code pnl / (entryPrice * quantity)}), in {@code double}: an
     * analytics ratio, not money.
     *
     * @return the trade's return, e.g. 0.012 for +1.2 %
     */
    public double returnOnEntry() {
        double entryValue = entryPrice.doubleValue() * quantity.doubleValue();
        return entryValue == 0 ? 0.0 : pnl.doubleValue() / entryValue;
    }

    /**
     * The entry time as an instant.
     *
     * @return entry time
     */
    public Instant entryTime() {
        return Instant.ofEpochMilli(entryTimeMillis);
    }

    /**
     * The exit time as an instant.
     *
     * @return exit time
     */
    public Instant exitTime() {
        return Instant.ofEpochMilli(exitTimeMillis);
    }
}
