package io.quantplug.runtime.internal.venue;

import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderSize;

import java.math.BigDecimal;

/**
 * An order of the {@link BookVenue} from its acceptance until the session hears it ended: where it is on its way
 * (sent, at the venue, ended there with the report in flight), what remains of it, and for a resting limit order its
 * queue position. Mutable; engine thread only.
 */
final class RestingOrder {

    /** Where the order is. */
    enum Stage {
        /** Sent, not at the venue yet (entry latency). */
        SENT,
        /** At the venue: resting (limit), waiting for its trigger (stop). */
        ACTIVE,
        /** Ended at the venue; its last report is on its way to the session. */
        ENDED
    }

    final WorkingOrder working;
    /** When the order reaches the venue, exchange time, UTC epoch milliseconds. */
    final long arrivesAtMillis;
    Stage stage = Stage.SENT;
    /** When a cancel sent for it reaches the venue, or {@link Long#MAX_VALUE} for none. */
    long cancelArrivesAtMillis = Long.MAX_VALUE;
    /** Base quantity still to fill, or null for a quote-sized market order before it arrives. */
    BigDecimal remaining;
    /**
     * Estimated quantity of others ahead of it at its price, base units: negative for traded volume past it not yet
     * a whole lot, infinite while its price is beyond the depth the book shows.
     */
    double ahead;
    /** The level's quantity as last seen, less the trades at its price since. */
    double levelSeen;
    /**
     * Whether a book whose opposite side reaches the limit fills it: false while the book still shows the
     * liquidity the order took on arrival (the replay does not remove it), true once a book shows no such cross.
     */
    boolean crossFills;

    RestingOrder(WorkingOrder working, long arrivesAtMillis) {
        this.working = working;
        this.arrivesAtMillis = arrivesAtMillis;
        this.remaining = working.order().size() instanceof OrderSize.Base b ? b.quantity() : null;
    }

    Order order() {
        return working.order();
    }

    /** Whether the order is still live at the venue (sent or active). */
    boolean live() {
        return stage != Stage.ENDED;
    }

    /** The earliest pending arrival (of the order, or of its cancel) at or before {@code t}, or Long.MAX_VALUE. */
    long dueBy(long t) {
        if (stage == Stage.SENT && arrivesAtMillis <= t) {
            return arrivesAtMillis;
        }
        if (stage != Stage.ENDED && cancelArrivesAtMillis <= t) {
            return cancelArrivesAtMillis;
        }
        return Long.MAX_VALUE;
    }
}
