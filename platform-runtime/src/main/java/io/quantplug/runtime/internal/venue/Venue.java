package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where a trading session's orders execute: the port between the engine and a venue, simulated
 * ({@link SimulatedVenue}) or an exchange reached through an adapter ({@link ExchangeVenue}). The session submits and cancels
 * orders and asks what is working; the venue answers each submission at once (accepted or refused) and reports what
 * happens later (fills, expiries, refusals at fill time) to the {@link Listener} the session {@linkplain #connect
 * connects}, on the engine thread, which books the fills. Fees are the venue's: every fill it reports carries them.
 *
 * <p>Each order carries a tag of the submitter's, handed back with every event of the order, so the session keeps
 * no map of its own from order id to owner. Called on the engine thread only; a session has exactly one venue.
 */
public interface Venue {

    /** Receives events that happen at the venue after submission: fills, expiries, refusals and cancels there. */
    interface Listener {
        /**
         * An order event the venue produced after the submission returned. Every such event ends the order, but a
         * partial fill ({@link io.quantplug.api.order.OrderFilled#complete()} false), which only a real venue
         * reports, and an {@link OrderAccepted}, which {@link ExchangeVenue#closeAt} reports before it sends.
         *
         * @param event the event
         * @param order the order it concerns, as rounded by the venue
         * @param owner the tag given at submission (may be null)
         */
        void onVenueEvent(OrderEvent event, Order order, Object owner);
    }

    /**
     * A canceled order with its event and the tag it was submitted with.
     *
     * @param event the cancel event
     * @param order the order
     * @param owner its tag, or null
     */
    record Canceled(OrderCanceled event, Order order, Object owner) {
    }

    /**
     * Connects the session that receives this venue's later events; once, before the first order.
     *
     * @param listener the session's receiver of fills, expiries and refusals
     * @throws IllegalStateException when a listener is connected already
     */
    void connect(Listener listener);

    /**
     * Accepts or refuses an order; an accepted order waits for the market (in a backtest, for a later bar).
     *
     * @param order          the order (after risk rules)
     * @param referencePrice the last price of the instrument, for minimum-notional checks
     * @param timeMillis     now, UTC epoch milliseconds
     * @param owner          the submitter's tag, or null
     * @param reduceOnly     whether it may only reduce the position (filled at most to flat, canceled when flat)
     * @return {@link OrderAccepted} or {@link OrderRejected}
     */
    OrderEvent submit(Order order, double referencePrice, long timeMillis, Object owner, boolean reduceOnly);

    /**
     * Closes a position now at the last price, as a taker: the session's end-of-data close. The fill, with the
     * venue's fee and no slippage, goes to the listener before this returns (or a refusal, for an instrument the
     * venue does not trade); no acceptance event precedes it.
     *
     * @param order      a market order of a base quantity for the whole position, on the side that closes it
     * @param lastPrice  the last price of the instrument (the venue rounds it to the tick)
     * @param timeMillis now, UTC epoch milliseconds
     * @param owner      the submitter's tag
     */
    void closeAt(MarketOrder order, double lastPrice, long timeMillis, Object owner);

    /**
     * Cancels a working order.
     *
     * @param id         the order
     * @param timeMillis now, UTC epoch milliseconds
     * @return the cancel event, or null when the order is not working
     */
    OrderCanceled cancel(ClientOrderId id, long timeMillis);

    /**
     * Cancels every working order, e.g. at the end of a session.
     *
     * @param timeMillis now, UTC epoch milliseconds
     * @return the canceled orders, in submission order
     */
    List<Canceled> cancelAll(long timeMillis);

    /**
     * The tag a working order was submitted with.
     *
     * @param id the client order id
     * @return the tag, or null when the order is not working (or had no tag)
     */
    Object ownerOf(ClientOrderId id);

    /**
     * The venue's form of a working order.
     *
     * @param id the client order id
     * @return the order as the venue holds it (rounded), or null when it is not working
     */
    Order workingOrder(ClientOrderId id);

    /**
     * The ids of the working orders, in submission order.
     *
     * @return a snapshot of the ids
     */
    List<ClientOrderId> workingIds();

    /**
     * How many orders are working.
     *
     * @return the count
     */
    int workingCount();

    /**
     * Whether a working order of this side exists for the instrument.
     *
     * @param instrument the instrument
     * @param side       the side
     * @return true when one exists
     */
    boolean hasWorking(InstrumentId instrument, Side side);

    /**
     * Cash set aside for working buy orders.
     *
     * @return reserved cash in the account currency
     */
    BigDecimal reservedCash();

    /**
     * Hands the orders accepted since the last call to the venue's sender; the session calls it after each batch of
     * work (when the events of the submissions are recorded), so that a real venue sends an order only after it was
     * journaled. The simulated venue needs none of it.
     */
    default void flush() {
    }

    /**
     * Delivers the events that arrived from the venue since the last call to the listener, on the engine thread:
     * a real venue's fills, cancels and refusals, which its I/O threads put in an inbox. The simulated venue has
     * none: its events come from {@link #onBar}.
     *
     * @return whether any event was delivered
     */
    default boolean poll() {
        return false;
    }

    /**
     * A completed bar of market data: a simulated venue matches its working orders against it; a real one may
     * ignore it.
     *
     * @param bar the bar, opening after every working order was accepted
     */
    void onBar(Bar bar);

    /**
     * A trade printed at the exchange, in time order with the book updates: a venue that simulates fills on ticks
     * ({@link BookVenue}) matches its resting orders against it; the others ignore it.
     *
     * @param trade the trade, not null
     */
    default void onTrade(TradeTick trade) {
    }

    /**
     * The L2 order book after a depth update, in time order with the trades: a venue that simulates fills on the
     * book ({@link BookVenue}) walks it for taking orders and reads its levels for queue positions; the others ignore
     * it. The view shows this update's state until the next {@code onBook} (a replay's live book, or an immutable
     * snapshot): a venue may keep it to read the levels later, but only until then.
     *
     * @param book the book as it stands after the update, not null
     */
    default void onBook(OrderBookView book) {
    }
}
