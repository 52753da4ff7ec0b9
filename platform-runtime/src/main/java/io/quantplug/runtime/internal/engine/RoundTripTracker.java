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

    private static final class OpenTrip {
        final String strategy;
        final PositionSide side;
        final long entryTime;
        BigDecimal position = BigDecimal.ZERO;
        BigDecimal entryQty = BigDecimal.ZERO;
        BigDecimal entryValue = BigDecimal.ZERO;
        BigDecimal exitQty = BigDecimal.ZERO;
        BigDecimal exitValue = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        /** The price of the only entry (exit) fill, or null after a second one: saves a division. */
        BigDecimal onlyEntryPrice;
        BigDecimal onlyExitPrice;
        int entryFills;
        int exitFills;

        OpenTrip(String strategy, PositionSide side, long entryTime) {
            this.strategy = strategy;
            this.side = side;
            this.entryTime = entryTime;
        }
    }

    private final Map<InstrumentId, OpenTrip> open = new HashMap<>();
    private final List<RoundTrip> closed = new ArrayList<>();

    /**
     * Books a fill.
     *
     * @param fill       the fill, already booked in the portfolio
     * @param realized   the P&amp;L it realised, before fees
     * @param strategy   the instance that owns the order
     * @param exitReason the reason to record if this fill closes a trip
     */
    void onFill(Fill fill, BigDecimal realized, String strategy, ExitReason exitReason) {
        BigDecimal delta = fill.side().sign() > 0 ? fill.quantity() : fill.quantity().negate();
        OpenTrip trip = open.isEmpty() ? null : open.get(fill.instrument());
        BigDecimal qty = fill.quantity();
        BigDecimal fee = fill.fee();
        if (trip != null && trip.position.signum() != delta.signum()) {
            BigDecimal closing = qty.min(trip.position.abs());
            BigDecimal closingFee = closing.compareTo(qty) == 0 ? fee
                    : fee.multiply(closing).divide(qty, MathContext.DECIMAL128);
            trip.exitQty = trip.exitQty.add(closing);
            trip.exitValue = trip.exitValue.add(closing.multiply(fill.price()));
            trip.onlyExitPrice = ++trip.exitFills == 1 ? fill.price() : null;
            trip.gross = trip.gross.add(realized);
            trip.fees = trip.fees.add(closingFee);
            trip.position = trip.position.add(trip.position.signum() > 0 ? closing.negate() : closing);
            if (trip.position.signum() == 0) {
                closed.add(close(trip, fill, exitReason));
                open.remove(fill.instrument());
            }
            qty = qty.subtract(closing);
            fee = fee.subtract(closingFee);
            delta = delta.signum() > 0 ? qty : qty.negate();
            trip = open.get(fill.instrument());
        }
        if (qty.signum() == 0) {
            return;
        }
        if (trip == null) {
            trip = new OpenTrip(strategy, delta.signum() > 0 ? PositionSide.LONG : PositionSide.SHORT,
                    fill.timeMillis());
            open.put(fill.instrument(), trip);
        }
        trip.position = trip.position.add(delta);
        trip.entryQty = trip.entryQty.add(qty);
        trip.entryValue = trip.entryValue.add(qty.multiply(fill.price()));
        trip.onlyEntryPrice = ++trip.entryFills == 1 ? fill.price() : null;
        trip.fees = trip.fees.add(fee);
    }

    private static RoundTrip close(OpenTrip t, Fill last, ExitReason reason) {
        BigDecimal entryPrice = t.onlyEntryPrice != null ? t.onlyEntryPrice
                : t.entryValue.divide(t.entryQty, MathContext.DECIMAL128).stripTrailingZeros();
        BigDecimal exitPrice = t.onlyExitPrice != null ? t.onlyExitPrice
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
