package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The reports of a {@link BookVenue} on their way to the session (response latency): each is due at the time it
 * happened plus the latency, and they are due in the order they happened. Also what the fills in flight change,
 * which the session's portfolio does not know yet: the venue's funds checks count them. Engine thread only.
 */
final class VenueReports {

    /** A report and when it reaches the session. */
    record Report(OrderEvent event, RestingOrder order, long dueMillis) {
    }

    private final ArrayDeque<Report> inFlight = new ArrayDeque<>();
    private final long responseMillis;

    VenueReports(long responseMillis) {
        this.responseMillis = responseMillis;
    }

    /** Sends a report of something that happened at the event's time. */
    void send(OrderEvent event, RestingOrder order) {
        inFlight.add(new Report(event, order, event.timeMillis() + responseMillis));
    }

    /** Hands every report due at or before {@code t} to {@code deliver}, in order; those it causes too. */
    void deliverDue(long t, Consumer<Report> deliver) {
        Report r;
        while ((r = inFlight.peek()) != null && r.dueMillis() <= t) {
            inFlight.poll();
            deliver.accept(r);
        }
    }

    /** Hands every report to {@code deliver} whenever due (the session ends). */
    void deliverAll(Consumer<Report> deliver) {
        deliverDue(Long.MAX_VALUE, deliver);
    }

    /**
     * The cash the fills in flight move, account currency: a buy's cost and fee out (negative), a sell's proceeds
     * less its fee in.
     */
    BigDecimal cashInFlight() {
        BigDecimal cash = BigDecimal.ZERO;
        for (Report r : inFlight) {
            if (r.event() instanceof OrderFilled f) {
                Fill fill = f.fill();
                BigDecimal notional = fill.notional();
                cash = fill.side() == Side.BUY ? cash.subtract(notional).subtract(fill.fee())
                        : cash.add(notional).subtract(fill.fee());
            }
        }
        return cash;
    }

    /** The change of the instrument's position the fills in flight make, base units (a sell negative). */
    BigDecimal positionInFlight(InstrumentId instrument) {
        BigDecimal qty = BigDecimal.ZERO;
        for (Report r : inFlight) {
            if (r.event() instanceof OrderFilled f && f.fill().instrument().equals(instrument)) {
                qty = f.fill().side() == Side.BUY ? qty.add(f.fill().quantity()) : qty.subtract(f.fill().quantity());
            }
        }
        return qty;
    }
}
