package io.quantplug.runtime.internal.engine;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Fill;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.PositionSide;
import io.quantplug.runtime.analytics.RoundTrip;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns fills into closed round trips, per instrument. A trip opens on the fill that takes a position away from
 * zero and closes on the fill that returns it to zero; a fill that flips the position closes one trip and opens
 * the next, splitting its fee by quantity. Entry and exit prices are quantity-weighted averages. Owned by the
 * engine thread.
 */
final class RoundTripTracker {

    /**
     * A trip in progress. Sums are only formed once a second entry (or exit) fill arrives: a single fill's price and
     * quantity are the trip's, with no arithmetic.
     */
    private static final class OpenTrip {
        final String strategy;
        final PositionSide side;
        final long entryTime;
        BigDecimal entryQty;
        BigDecimal entryPrice;
        BigDecimal entryValue;
        BigDecimal exitQty;
        BigDecimal exitPrice;
        BigDecimal exitValue;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;

        OpenTrip(String strategy, PositionSide side, long entryTime) {
            this.strategy = strategy;
            this.side = side;
            this.entryTime = entryTime;
        }

        void enter(BigDecimal qty, BigDecimal price) {
            if (entryQty == null) {
                entryQty = qty;
                entryPrice = price;
                return;
            }
            if (entryValue == null) {
                entryValue = entryQty.multiply(entryPrice);
            }
            entryQty = entryQty.add(qty);
            entryValue = entryValue.add(qty.multiply(price));
            entryPrice = null;
        }

        void exit(BigDecimal qty, BigDecimal price) {
            if (exitQty == null) {
                exitQty = qty;
                exitPrice = price;
                return;
            }
            if (exitValue == null) {
                exitValue = exitQty.multiply(exitPrice);
            }
            exitQty = exitQty.add(qty);
            exitValue = exitValue.add(qty.multiply(price));
            exitPrice = null;
        }

        void fee(BigDecimal fee) {
            if (fee.signum() != 0) {
                fees = fees.add(fee);
            }
        }
    }

    private final Map<InstrumentId, OpenTrip> open = new HashMap<>();
    /** The trip of the instrument seen last, checked by identity before hashing. */
    private InstrumentId lastId;
    private OpenTrip lastTrip;
    private final List<RoundTrip> closed = new ArrayList<>();

    /**
     * Books a fill.
     *
     * @param fill          the fill, already booked in the portfolio
     * @param positionAfter the position's signed quantity after the fill
     * @param realized      the P&amp;L it realised, before fees
     * @param strategy      the instance that owns the order
     * @param exitReason    the reason to record if this fill closes a trip
     */
    void onFill(Fill fill, BigDecimal positionAfter, BigDecimal realized, String strategy, ExitReason exitReason) {
        BigDecimal qty = fill.quantity();
        BigDecimal fee = fill.fee();
        OpenTrip trip = open.isEmpty() ? null : fill.instrument() == lastId ? lastTrip : open.get(fill.instrument());
        if (trip != null && (trip.side == PositionSide.LONG) != (fill.side().sign() > 0)) {
            // Position before the fill = after - signed quantity; the closing part is at most its size.
            BigDecimal before = fill.side().sign() > 0 ? positionAfter.subtract(qty) : positionAfter.add(qty);
            BigDecimal closing = qty.min(before.abs());
            BigDecimal closingFee = closing.compareTo(qty) == 0 ? fee
                    : fee.multiply(closing).divide(qty, MathContext.DECIMAL128);
            trip.exit(closing, fill.price());
            trip.gross = trip.gross.signum() == 0 ? realized : trip.gross.add(realized);
            trip.fee(closingFee);
            if (positionAfter.signum() == 0 || positionAfter.signum() != before.signum()) {
                closed.add(close(trip, fill, exitReason));
                open.remove(fill.instrument());
                lastId = null;
                lastTrip = null;
                trip = null;
            }
            qty = qty.subtract(closing);
            fee = closingFee == fee ? BigDecimal.ZERO : fee.subtract(closingFee);
        }
        if (qty.signum() == 0) {
            return;
        }
        if (trip == null) {
            trip = new OpenTrip(strategy, fill.side().sign() > 0 ? PositionSide.LONG : PositionSide.SHORT,
                    fill.timeMillis());
            open.put(fill.instrument(), trip);
            lastId = fill.instrument();
            lastTrip = trip;
        }
        trip.enter(qty, fill.price());
        trip.fee(fee);
    }

    private static RoundTrip close(OpenTrip t, Fill last, ExitReason reason) {
        BigDecimal entryPrice = t.entryPrice != null ? t.entryPrice
                : t.entryValue.divide(t.entryQty, MathContext.DECIMAL128).stripTrailingZeros();
        BigDecimal exitPrice = t.exitPrice != null ? t.exitPrice
                : t.exitValue.divide(t.exitQty, MathContext.DECIMAL128).stripTrailingZeros();
        return new RoundTrip(t.strategy, last.instrument(), t.side, t.entryTime, last.timeMillis(), entryPrice,
                exitPrice, t.entryQty, t.gross, t.fees, t.gross.subtract(t.fees), reason);
    }

    /**
     * The trips closed so far, oldest first.
     *
     * @return a copy of the list
     */
    List<RoundTrip> closed() {
        return List.copyOf(closed);
    }

    /**
     * The strategy that opened the trip still open in an instrument.
     *
     * @param instrument the instrument
     * @return the instance id, or null when no trip is open
     */
    String openedBy(InstrumentId instrument) {
        OpenTrip t = open.get(instrument);
        return t == null ? null : t.strategy;
    }
}
