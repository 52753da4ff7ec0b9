package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Fill;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Round trips rebuilt from fills, per instrument, by the average-cost method. A round trip starts with the fill that
 * opens a position from flat and ends with the fill that brings it back to zero or reverses it. Its P&amp;L is
 * <pre>
 *   sum over closing fills of  q_close x (P_fill - P_avg) x sign(position)   -   fees of its fills
 * </pre>
 * where {@code P_avg} is the quantity-weighted average entry price of the open quantity (unchanged by closing fills).
 * A fill that reverses the position splits: the part that closes ends the trip, the remainder opens the next one at
 * the fill price, and the fill's fee is shared in proportion to the two quantities. Fees count when charged in the
 * account currency; a fee in another asset (e.g. BNB) is left out, since no conversion price is at hand.
 *
 * <p>Kept by the rule itself rather than read from the portfolio so that it needs nothing but the fills and carries
 * across a hot swap in the rule's snapshot.
 */
final class RoundTripTracker {

    /** A round trip that just ended. */
    record ClosedTrip(InstrumentId instrument, BigDecimal pnl, long probeGeneration) {
    }

    private static final class Trip {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal averagePrice = BigDecimal.ZERO;
        BigDecimal pnl = BigDecimal.ZERO;
        long probeGeneration;
    }

    private final Map<InstrumentId, Trip> trips = new HashMap<>();

    /**
     * Books one fill.
     *
     * @param fill            the fill
     * @param fee             its fee in the account currency (zero when charged in another asset)
     * @param probeGeneration non-zero while the breaker is HALF_OPEN: a fill that adds exposure marks the trip as
     *                        that probe's
     * @return the round trip the fill ended, or null
     */
    ClosedTrip onFill(Fill fill, BigDecimal fee, long probeGeneration) {
        Trip t = trips.computeIfAbsent(fill.instrument(), id -> new Trip());
        BigDecimal signed = fill.side().sign() > 0 ? fill.quantity() : fill.quantity().negate();
        if (t.quantity.signum() == 0 || t.quantity.signum() == signed.signum()) {
            BigDecimal held = t.quantity.abs();
            BigDecimal total = held.add(fill.quantity());
            t.averagePrice = t.averagePrice.multiply(held).add(fill.price().multiply(fill.quantity()))
                    .divide(total, MathContext.DECIMAL128);
            t.quantity = t.quantity.add(signed);
            t.pnl = t.pnl.subtract(fee);
            if (probeGeneration != 0) {
                t.probeGeneration = probeGeneration;
            }
            return null;
        }
        BigDecimal held = t.quantity.abs();
        BigDecimal closing = fill.quantity().min(held);
        BigDecimal realized = closing.multiply(fill.price().subtract(t.averagePrice))
                .multiply(BigDecimal.valueOf(t.quantity.signum()));
        BigDecimal closingFee = closing.compareTo(fill.quantity()) == 0 ? fee
                : fee.multiply(closing).divide(fill.quantity(), MathContext.DECIMAL128);
        t.pnl = t.pnl.add(realized).subtract(closingFee);
        BigDecimal after = t.quantity.add(signed);
        if (after.signum() == t.quantity.signum()) {
            t.quantity = after;
            return null;
        }
        ClosedTrip closed = new ClosedTrip(fill.instrument(), t.pnl, t.probeGeneration);
        Trip next = new Trip();
        if (after.signum() != 0) {
            next.quantity = after;
            next.averagePrice = fill.price();
            next.pnl = closingFee.subtract(fee);
            next.probeGeneration = probeGeneration;
        }
        trips.put(fill.instrument(), next);
        return closed;
    }

    /** Whether a round trip marked with this probe generation is still open. */
    boolean hasOpenProbe(long probeGeneration) {
        for (Trip t : trips.values()) {
            if (t.quantity.signum() != 0 && t.probeGeneration == probeGeneration) {
                return true;
            }
        }
        return false;
    }

    void writeTo(Map<String, String> out) {
        trips.forEach((id, t) -> {
            if (t.quantity.signum() != 0) {
                out.put("roundTrip." + id, t.quantity.toPlainString() + "," + t.averagePrice.toPlainString() + ","
                        + t.pnl.toPlainString() + "," + t.probeGeneration);
            }
        });
    }

    static RoundTripTracker readFrom(Map<String, String> in) {
        RoundTripTracker tracker = new RoundTripTracker();
        for (Map.Entry<String, String> e : in.entrySet()) {
            if (e.getKey().startsWith("roundTrip.")) {
                String[] parts = e.getValue().split(",", -1);
                if (parts.length != 4) {
                    throw new IllegalArgumentException("round trip '" + e.getKey() + "' needs 4 fields");
                }
                Trip t = new Trip();
                t.quantity = new BigDecimal(parts[0]);
                t.averagePrice = new BigDecimal(parts[1]);
                t.pnl = new BigDecimal(parts[2]);
                t.probeGeneration = Long.parseLong(parts[3]);
                tracker.trips.put(InstrumentId.parse(e.getKey().substring("roundTrip.".length())), t);
            }
        }
        return tracker;
    }
}
