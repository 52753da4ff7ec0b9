package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.runtime.internal.portfolio.Portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Venue} simulated on bars: accepts orders, fills them on later bars by the rules of {@link FillPrice},
 * charges fees and slippage, and checks funds against the portfolio at the moment of the fill. Also the paper venue:
 * the same matching fed live bars.
 *
 * <p>No look-ahead: an order is matched only against bars that open after it was accepted (in a tick session, an
 * order placed on a trade inside a bar waits for the next bar). Orders submitted while
 * a bar is being matched (from a fill callback) wait for the next bar. Fills are complete (no volume-based partial
 * fills). A buy whose cost plus fee exceeds the cash, or a spot sell of more than the position, is refused with
 * {@code INSUFFICIENT_FUNDS} / {@code INSUFFICIENT_BALANCE} when it would fill. Owned by the engine thread.
 *
 * <p>Somewhat over 400 lines: the {@link Venue} port's queries, the matching and the end-of-data close all work on
 * the same two lists of working orders, which no other class should see; the price and money rules are classes of
 * their own ({@link FillPrice}, {@link FundsCheck}, {@link OrderRounding}).
 */
public final class SimulatedVenue implements Venue {

    private static final long DAY_MILLIS = 86_400_000L;

    private final Map<InstrumentId, Instrument> instruments;
    /** The instrument looked up last, checked by identity before hashing: a session has one instrument object. */
    private Instrument lastInstrument;
    private final FeeModel fees;
    private final SlippageModel slippage;
    private final Portfolio portfolio;
    private final FundsCheck funds;
    private Listener listener;
    private final List<WorkingOrder> working = new ArrayList<>();
    private final List<WorkingOrder> arrivedDuringMatch = new ArrayList<>();
    private boolean matching;
    /** Set when the instrument is a perpetual traded on margin; null for cash (spot) accounting. */
    private MarginRequirement margin;

    /**
     * Creates the venue; the session {@linkplain #connect connects} to it before its first order.
     *
     * @param instruments the tradable instruments by id
     * @param fees        fee model
     * @param slippage    slippage model for taker fills
     * @param portfolio   the account, read for funds checks (the caller books fills into it)
     */
    public SimulatedVenue(Map<InstrumentId, Instrument> instruments, FeeModel fees, SlippageModel slippage,
                          Portfolio portfolio) {
        this.instruments = Map.copyOf(instruments);
        this.fees = Objects.requireNonNull(fees);
        this.slippage = Objects.requireNonNull(slippage);
        this.portfolio = Objects.requireNonNull(portfolio);
        this.funds = new FundsCheck(this.fees, portfolio);
    }

    /**
     * Creates the venue connected to a listener.
     *
     * @param instruments the tradable instruments by id
     * @param fees        fee model
     * @param slippage    slippage model for taker fills
     * @param portfolio   the account, read for funds checks (the caller books fills into it)
     * @param listener    where fills, expiries and fill-time refusals go
     */
    public SimulatedVenue(Map<InstrumentId, Instrument> instruments, FeeModel fees, SlippageModel slippage,
                          Portfolio portfolio, Listener listener) {
        this(instruments, fees, slippage, portfolio);
        connect(listener);
    }

    /**
     * Makes the venue check a perpetual's fills against the margin ({@link MarginRequirement}) instead of the cash:
     * a quote-sized order is cut to what the margin covers, and a fill that opens more than the margin covers is
     * refused. Call before the first order.
     *
     * @param requirement the account's margin requirement
     */
    public void tradeOnMargin(MarginRequirement requirement) {
        this.margin = Objects.requireNonNull(requirement, "requirement");
    }

    @Override
    public void connect(Listener listener) {
        this.listener = VenueEvents.connectOnce(this.listener, listener);
    }

    /**
     * Accepts or refuses an order. An accepted order is rounded to its instrument and waits for the next bar.
     *
     * @param order          the order (after risk rules)
     * @param referencePrice the last price of the instrument, for minimum-notional checks
     * @param timeMillis     now, UTC epoch milliseconds
     * @return {@link OrderAccepted} or {@link OrderRejected} (source {@code VALIDATION})
     */
    public OrderEvent submit(Order order, double referencePrice, long timeMillis) {
        return submit(order, referencePrice, timeMillis, null);
    }

    /**
     * Accepts or refuses an order, remembering a tag of the submitter that comes back with its events: the session
     * keeps no map of its own from order id to owner.
     *
     * @param order          the order (after risk rules)
     * @param referencePrice the last price of the instrument, for minimum-notional checks
     * @param timeMillis     now, UTC epoch milliseconds
     * @param owner          the submitter's tag, or null
     * @return {@link OrderAccepted} or {@link OrderRejected} (source {@code VALIDATION})
     */
    public OrderEvent submit(Order order, double referencePrice, long timeMillis, Object owner) {
        return submit(order, referencePrice, timeMillis, owner, false);
    }

    /**
     * Accepts or refuses an order that may be reduce-only: such an order, when it is matched, fills at most the
     * position then open on its opposite side, and is canceled when there is none (e.g. another order closed the
     * position first at the same open).
     *
     * @param order          the order (after risk rules)
     * @param referencePrice the last price of the instrument, for minimum-notional checks
     * @param timeMillis     now, UTC epoch milliseconds
     * @param owner          the submitter's tag, or null
     * @param reduceOnly     whether it may only reduce the position
     * @return {@link OrderAccepted} or {@link OrderRejected} (source {@code VALIDATION})
     */
    @Override
    public OrderEvent submit(Order order, double referencePrice, long timeMillis, Object owner, boolean reduceOnly) {
        Instrument instrument = instrument(order.instrument());
        if (instrument == null) {
            return VenueEvents.unknownInstrument(order, timeMillis);
        }
        OrderRounding.Outcome rounded = OrderRounding.round(order, instrument, referencePrice);
        if (rounded.rejection() != null) {
            return new OrderRejected(order.clientOrderId(), order.instrument(), timeMillis, rounded.rejection());
        }
        WorkingOrder w = new WorkingOrder(rounded.order(), timeMillis, referencePrice, owner, reduceOnly);
        (matching ? arrivedDuringMatch : working).add(w);
        return new OrderAccepted(order.clientOrderId(), order.instrument(), timeMillis);
    }

    private Instrument instrument(InstrumentId id) {
        Instrument last = lastInstrument;
        if (last != null && last.id() == id) {
            return last;
        }
        Instrument found = instruments.get(id);
        if (found != null) {
            lastInstrument = found;
        }
        return found;
    }

    /**
     * The tag a working order was submitted with.
     *
     * @param id the client order id
     * @return the tag, or null when the order is not working (or had no tag)
     */
    @Override
    public Object ownerOf(ClientOrderId id) {
        WorkingOrder w = find(id);
        return w == null ? null : w.owner();
    }

    private WorkingOrder find(ClientOrderId id) {
        for (int i = 0, n = working.size(); i < n; i++) {
            if (working.get(i).order().clientOrderId().equals(id)) {
                return working.get(i);
            }
        }
        for (int i = 0, n = arrivedDuringMatch.size(); i < n; i++) {
            if (arrivedDuringMatch.get(i).order().clientOrderId().equals(id)) {
                return arrivedDuringMatch.get(i);
            }
        }
        return null;
    }

    /**
     * The rounded form of a working order.
     *
     * @param id the client order id
     * @return the order as the venue holds it, or null when it is not working
     */
    @Override
    public Order workingOrder(ClientOrderId id) {
        WorkingOrder w = find(id);
        return w == null ? null : w.order();
    }

    /**
     * Cancels a working order.
     *
     * @param id         the order
     * @param timeMillis now
     * @return the cancel event, or null when the order is not working
     */
    @Override
    public OrderCanceled cancel(ClientOrderId id, long timeMillis) {
        for (List<WorkingOrder> list : List.of(working, arrivedDuringMatch)) {
            for (int i = 0; i < list.size(); i++) {
                Order o = list.get(i).order();
                if (o.clientOrderId().equals(id)) {
                    list.remove(i);
                    return new OrderCanceled(id, o.instrument(), timeMillis);
                }
            }
        }
        return null;
    }

    /**
     * Cancels every working order, e.g. at the end of a session.
     *
     * @param timeMillis now
     * @return the canceled orders, in submission order
     */
    @Override
    public List<Canceled> cancelAll(long timeMillis) {
        List<Canceled> out = new ArrayList<>();
        for (List<WorkingOrder> list : List.of(working, arrivedDuringMatch)) {
            for (WorkingOrder w : list) {
                out.add(new Canceled(new OrderCanceled(w.order().clientOrderId(), w.order().instrument(), timeMillis),
                        w.order(), w.owner()));
            }
            list.clear();
        }
        return out;
    }

    /**
     * The ids of the working orders, in submission order.
     *
     * @return a snapshot of the ids
     */
    @Override
    public List<ClientOrderId> workingIds() {
        List<ClientOrderId> ids = new ArrayList<>();
        working.forEach(w -> ids.add(w.order().clientOrderId()));
        arrivedDuringMatch.forEach(w -> ids.add(w.order().clientOrderId()));
        return ids;
    }

    /**
     * How many orders are working.
     *
     * @return the count
     */
    @Override
    public int workingCount() {
        return working.size() + arrivedDuringMatch.size();
    }

    /**
     * Whether a working order of this side exists for the instrument.
     *
     * @param instrument the instrument
     * @param side       the side
     * @return true when one exists
     */
    @Override
    public boolean hasWorking(InstrumentId instrument, Side side) {
        return hasWorking(working, instrument, side) || hasWorking(arrivedDuringMatch, instrument, side);
    }

    private static boolean hasWorking(List<WorkingOrder> list, InstrumentId instrument, Side side) {
        for (int i = 0, n = list.size(); i < n; i++) {
            Order o = list.get(i).order();
            if (o.side() == side && o.instrument().equals(instrument)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cash set aside for working buy orders: the amount of quote-sized orders, and quantity times the limit, stop
     * or reference price plus the taker fee for the others.
     *
     * @return reserved cash in the account currency
     */
    @Override
    public BigDecimal reservedCash() {
        if (working.isEmpty() && arrivedDuringMatch.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal reserved = BigDecimal.ZERO;
        for (List<WorkingOrder> list : List.of(working, arrivedDuringMatch)) {
            for (WorkingOrder w : list) {
                Order o = w.order();
                BigDecimal qty = o.size() instanceof OrderSize.Base b ? b.quantity() : null;
                reserved = reserved.add(funds.reserved(o, qty, w.referencePrice()));
            }
        }
        return reserved;
    }

    /**
     * Fills a market order at once at the last price, rounded to the instrument's tick, as a taker with the fee model's
     * taker fee and no slippage: the session's end-of-data close. Minimums and funds are not checked: the order only
     * reduces the position to flat, and a close the data's end forces cannot be refused. An instrument the venue does
     * not trade is refused ({@code UNKNOWN_INSTRUMENT}). The event goes to the listener before this returns.
     *
     * @param order      a market order of a base quantity, on the side that closes the position
     * @param lastPrice  the last price of the instrument
     * @param timeMillis now, UTC epoch milliseconds
     * @param owner      the submitter's tag
     */
    @Override
    public void closeAt(MarketOrder order, double lastPrice, long timeMillis, Object owner) {
        listener.onVenueEvent(VenueEvents.closeAtLastPrice(order, instrument(order.instrument()), lastPrice,
                timeMillis, fees), order, owner);
    }

    /**
     * Matches the working orders of the bar's instrument against the bar, in submission order. Fills, expiries and
     * refusals go to the listener, which books fills before the next order is matched.
     *
     * @param bar a bar that opened after every working order was accepted
     */
    @Override
    public void onBar(Bar bar) {
        if (!working.isEmpty()) {
            matchAll(bar);
        }
    }

    private void matchAll(Bar bar) {
        matching = true;
        try {
            int kept = 0;
            for (int i = 0; i < working.size(); i++) {
                WorkingOrder w = working.get(i);
                if (!w.order().instrument().equals(bar.instrument()) || w.acceptedAtMillis() > bar.openTimeMillis()
                        || !match(w, bar)) {
                    working.set(kept++, w);
                }
            }
            for (int i = working.size() - 1; i >= kept; i--) {
                working.remove(i); // from the end: no copying, no sub-list object per bar
            }
        } finally {
            matching = false;
            if (!arrivedDuringMatch.isEmpty()) { // addAll copies even an empty list into a new array
                working.addAll(arrivedDuringMatch);
                arrivedDuringMatch.clear();
            }
        }
    }

    /** @return true when the order is finished (filled, expired or refused) */
    private boolean match(WorkingOrder w, Bar bar) {
        Order order = w.order();
        long now = bar.openTimeMillis();
        if (order.timeInForce() == TimeInForce.DAY
                && Math.floorDiv(now, DAY_MILLIS) > Math.floorDiv(w.acceptedAtMillis(), DAY_MILLIS)) {
            listener.onVenueEvent(new OrderExpired(order.clientOrderId(), order.instrument(), now), order, w.owner());
            return true;
        }
        Instrument instrument = instrument(order.instrument());
        FillPrice fp = FillPrice.on(order, bar, instrument, slippage);
        if (fp == null) {
            if (order.timeInForce() == TimeInForce.IOC || order.timeInForce() == TimeInForce.FOK) {
                listener.onVenueEvent(new OrderExpired(order.clientOrderId(), order.instrument(), now), order,
                        w.owner());
                return true;
            }
            return false;
        }
        BigDecimal qty = funds.quantityAt(order, fp, instrument);
        if (w.reduceOnly()) {
            BigDecimal open = portfolio.position(order.instrument()).quantity();
            if (open.signum() == 0 || open.signum() == order.side().sign()) {
                listener.onVenueEvent(new OrderCanceled(order.clientOrderId(), order.instrument(), now), order,
                        w.owner());
                return true;
            }
            qty = qty.min(open.abs());
        }
        BigDecimal notional = qty.multiply(fp.price());
        BigDecimal fee = fees.fee(notional, fp.liquidity());
        BigDecimal cost = fee.signum() == 0 ? notional : notional.add(fee);
        RejectReason problem = null;
        if (margin != null) {
            if (order.size() instanceof OrderSize.Quote && qty.signum() > 0) {
                qty = qty.min(margin.maxQuantity(instrument, order.side(), fp.price()));
                notional = qty.multiply(fp.price());
                fee = fees.fee(notional, fp.liquidity());
            }
            problem = OrderRounding.checkMinimums(qty, notional, instrument);
            if (problem == null) {
                problem = margin.problem(order.instrument(), order.side(), qty, fp.price(), fee);
            }
        } else if (qty.signum() > 0 && order.size() instanceof OrderSize.Quote && order.side() == Side.BUY
                && cost.compareTo(portfolio.spendableCash()) > 0) {
            // Rare: the amount exceeds the cash (or the fee's rounding tips it over): cut to what the cash pays.
            BigDecimal affordable = funds.capToCash(qty, fp, instrument);
            if (affordable.signum() == 0) {
                problem = funds.problem(order, qty, fp, cost, instrument);
            }
            qty = affordable;
            notional = qty.multiply(fp.price());
            fee = fees.fee(notional, fp.liquidity());
            cost = notional.add(fee);
        }
        if (problem == null && margin == null) {
            problem = OrderRounding.checkMinimums(qty, notional, instrument);
            if (problem == null) {
                problem = funds.problem(order, qty, fp, cost, instrument);
            }
        }
        if (problem != null) {
            listener.onVenueEvent(new OrderRejected(order.clientOrderId(), order.instrument(), now, problem), order,
                    w.owner());
            return true;
        }
        Fill fill = new Fill(order.clientOrderId(), order.instrument(), order.side(), fp.price(), qty, fee,
                instrument.quoteAsset(), fp.liquidity(), now);
        listener.onVenueEvent(new OrderFilled(fill, BigDecimal.ZERO), order, w.owner());
        return true;
    }
}
