package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
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
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.Side;
import io.quantplug.runtime.internal.portfolio.Portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link Venue} simulated on trades and the L2 order book: the backtest and paper venue of tick and book replay.
 * It acts only when fed ({@link #onTrade}, {@link #onBook}) and its clock is the exchange time of what it is fed.
 *
 * <p><b>Taking.</b> A market order, when it reaches the venue, walks the opposite side of the book as it stands,
 * level by level: one {@link OrderFilled} per level touched, at the level's price on the tick grid, for at most the
 * level's quantity in whole lots (partial fills until the last, {@code complete()} true only when nothing remains);
 * what the visible book cannot fill <b>expires</b> ({@code OrderExpired} after the last fill, as Binance expires the
 * rest of a market order that exhausts the book). A marketable limit order takes the same way up to its limit. Taker
 * fee. The replay has no market impact: the book is not changed by own fills.
 *
 * <p><b>Resting.</b> The rest of a GTC or DAY limit order rests as a maker, with a queue position: the quantity the
 * book shows at its price when it arrives (0 at a new price level inside the depth shown; at a price beyond the
 * depth shown, the level's quantity when a book first shows it, and until then only a trade through fills it). Trades at its price
 * whose aggressor is on the other side take from the queue ahead first, then fill it (partly when the trade is
 * smaller); a trade through its price (a sell below a buy's limit, a buy above a sell's) or a book whose opposite
 * best reaches its limit fills what remains (once the book has stopped showing the liquidity the order took on
 * arrival, which the replay does not remove). Decreases of its level that no trade explains move the queue by the
 * {@link QueuePositionModel}. Maker fee, at the limit price. IOC expires the rest at once; FOK expires whole unless
 * the book fills all of it. A stop order waits for a trade at or through its stop, then walks the book as a market
 * order. DAY orders expire at the first event of a later UTC day.
 *
 * <p><b>Latency</b> ({@link VenueLatency}). An order submitted at {@code L} reaches the venue at {@code L + entry}
 * (never before the last event fed): events stamped before that do not touch it; at the first trade or book stamped
 * at or after it, it arrives first, against the book as it stood then (the last one fed), and the event is applied
 * after. A cancel likewise takes effect at {@code L + entry}: the order can fill in between, and when it has ended
 * by then the cancel does nothing. Every report reaches the listener at the time it happened plus the response
 * latency, when an event that late is fed, in the order it happened; until an order's last report arrives it counts
 * as working for the session, and funds checks count the fills in flight. With both latencies 0 a cancel takes
 * effect at once and {@link #cancel} answers it; otherwise {@code cancel} answers null and the {@code OrderCanceled}
 * comes to the listener.
 *
 * <p><b>Money.</b> Orders are rounded and checked at submission as {@link SimulatedVenue} does ({@link
 * OrderRounding}); fills are checked against the account when they happen ({@link FundsCheck}): a taking order
 * whose whole walk the cash cannot pay, or a spot sell of more than the balance, is refused
 * ({@code INSUFFICIENT_FUNDS} / {@code INSUFFICIENT_BALANCE}) before any of it fills; a resting order when a fill
 * would overdraw. A quote-sized buy spends at most the cash (refused when that pays for no lot). {@link #onBar}
 * does nothing: the tick session feeds bars made of the same trades, which would fill orders twice.
 * {@link #closeAt} fills at the last price, as {@link SimulatedVenue} does. Owned by the engine thread.
 */
public final class BookVenue implements Venue {

    private final Map<InstrumentId, Instrument> instruments;
    private final Portfolio portfolio;
    private final FeeModel fees;
    private final FundsCheck funds;
    private final VenueLatency latency;
    private final VenueReports reports;
    private final BookMatcher matcher;
    private final Map<InstrumentId, BookLevels> books = new HashMap<>();
    /** The orders the session counts as working, in submission order (including those whose end is in flight). */
    private final List<RestingOrder> orders = new ArrayList<>();
    private Listener listener;
    private long now = Long.MIN_VALUE;

    /**
     * Creates the venue; the session {@linkplain #connect connects} to it before its first order.
     *
     * @param instruments the tradable instruments by id
     * @param fees        maker and taker fees, e.g. {@link BpsFeeModel}
     * @param portfolio   the account, read for funds checks (the listener books fills into it)
     * @param latency     entry and response latency, e.g. {@link VenueLatency#NONE}
     * @param queueModel  how cancels move a resting order's queue position, e.g. {@link RiskAverseQueueModel}
     */
    public BookVenue(Map<InstrumentId, Instrument> instruments, FeeModel fees, Portfolio portfolio,
                     VenueLatency latency, QueuePositionModel queueModel) {
        this.instruments = Map.copyOf(instruments);
        this.fees = Objects.requireNonNull(fees, "fees");
        this.portfolio = Objects.requireNonNull(portfolio, "portfolio");
        this.latency = Objects.requireNonNull(latency, "latency");
        this.funds = new FundsCheck(fees, portfolio);
        this.reports = new VenueReports(latency.responseMillis());
        this.matcher = new BookMatcher(fees, portfolio, Objects.requireNonNull(queueModel, "queueModel"), reports);
    }

    @Override
    public void connect(Listener listener) {
        this.listener = VenueEvents.connectOnce(this.listener, listener);
    }

    /**
     * Accepts or refuses an order; an accepted order reaches the book at {@code timeMillis} plus the entry latency.
     *
     * @param order          the order (after risk rules)
     * @param referencePrice the last price of the instrument, for minimum-notional checks and cash reservation
     * @param timeMillis     now, UTC epoch milliseconds
     * @param owner          the submitter's tag, or null
     * @param reduceOnly     whether it may only reduce the position (a base quantity is capped to it when it fills,
     *                       and the order canceled when flat)
     * @return {@link OrderAccepted} or {@link OrderRejected} (source {@code VALIDATION})
     */
    @Override
    public OrderEvent submit(Order order, double referencePrice, long timeMillis, Object owner, boolean reduceOnly) {
        Instrument instrument = instruments.get(order.instrument());
        if (instrument == null) {
            return VenueEvents.unknownInstrument(order, timeMillis);
        }
        OrderRounding.Outcome rounded = OrderRounding.round(order, instrument, referencePrice);
        if (rounded.rejection() != null) {
            return new OrderRejected(order.clientOrderId(), order.instrument(), timeMillis, rounded.rejection());
        }
        bookOf(instrument.id()).refresh();
        WorkingOrder w = new WorkingOrder(rounded.order(), timeMillis, referencePrice, owner, reduceOnly);
        orders.add(new RestingOrder(w, Math.max(timeMillis, now) + latency.entryMillis()));
        return new OrderAccepted(order.clientOrderId(), order.instrument(), timeMillis);
    }

    /**
     * Cancels a working order: at once when both latencies are 0 (answered here), else when the cancel reaches the
     * venue, {@code timeMillis} plus the entry latency (the {@code OrderCanceled} goes to the listener with the
     * response latency; an order that ends before gets no cancel).
     *
     * @param id         the order
     * @param timeMillis now, UTC epoch milliseconds
     * @return the cancel event when it took effect at once, else null
     */
    @Override
    public OrderCanceled cancel(ClientOrderId id, long timeMillis) {
        RestingOrder r = find(id);
        if (r == null || !r.live()) {
            return null;
        }
        if (latency.isZero()) {
            orders.remove(r);
            return new OrderCanceled(id, r.order().instrument(), timeMillis);
        }
        long arrives = Math.max(timeMillis, now) + latency.entryMillis();
        r.cancelArrivesAtMillis = Math.min(r.cancelArrivesAtMillis, arrives);
        return null;
    }

    /**
     * Ends the session's orders: first every report in flight reaches the listener (what happened at the venue
     * happened), then every order still working is canceled at once.
     *
     * @param timeMillis now, UTC epoch milliseconds
     * @return the canceled orders, in submission order
     */
    @Override
    public List<Canceled> cancelAll(long timeMillis) {
        reports.deliverAll(this::deliver);
        List<Canceled> out = new ArrayList<>();
        for (RestingOrder r : orders) {
            Order o = r.order();
            out.add(new Canceled(new OrderCanceled(o.clientOrderId(), o.instrument(), timeMillis), o,
                    r.working.owner()));
        }
        orders.clear();
        return out;
    }

    @Override
    public void closeAt(MarketOrder order, double lastPrice, long timeMillis, Object owner) {
        listener.onVenueEvent(VenueEvents.closeAtLastPrice(order, instruments.get(order.instrument()), lastPrice,
                timeMillis, fees), order, owner);
    }

    /**
     * Applies a trade at its time: orders and cancels due by then reach the venue first, then resting orders of its
     * instrument meet it (in submission order), then the reports due by then reach the listener.
     *
     * @param trade the trade, not null
     */
    @Override
    public void onTrade(TradeTick trade) {
        Instrument instrument = instruments.get(trade.instrument());
        advance(trade.timeMillis());
        if (instrument != null) {
            BookLevels book = bookOf(instrument.id());
            forActive(instrument, r -> matcher.onTrade(r, trade, book, instrument));
        }
        reports.deliverDue(now, this::deliver);
    }

    /**
     * Applies a book update at its time: orders and cancels due by then reach the venue first (against the previous
     * book), then the book is copied and the resting orders of its instrument read it, then the reports due by then
     * reach the listener.
     *
     * @param book the book after the update, read during the call only
     */
    @Override
    public void onBook(OrderBookView book) {
        Instrument instrument = instruments.get(book.instrument());
        advance(book.timeMillis());
        if (instrument != null) {
            BookLevels levels = bookOf(instrument.id());
            if (orders.isEmpty()) {
                levels.defer(book); // copied when an order comes, before it reads the book
            } else {
                levels.copy(book);
                forActive(instrument, r -> matcher.onBook(r, levels, now, instrument));
            }
        }
        reports.deliverDue(now, this::deliver);
    }

    /**
     * Does nothing: orders fill on the trades and books the bars are made of.
     *
     * @param bar ignored
     */
    @Override
    public void onBar(Bar bar) {
    }

    /** Moves the clock to {@code t}: arrivals and cancels due by then, in time order, then DAY expiries. */
    private void advance(long t) {
        now = Math.max(now, t);
        while (true) {
            RestingOrder next = null;
            long due = Long.MAX_VALUE;
            for (int i = 0; i < orders.size(); i++) {
                long d = orders.get(i).dueBy(now);
                if (d < due) {
                    due = d;
                    next = orders.get(i);
                }
            }
            if (next == null) {
                break;
            }
            Instrument instrument = instruments.get(next.order().instrument());
            if (next.stage == RestingOrder.Stage.SENT && next.arrivesAtMillis == due) {
                if (!matcher.expireDay(next, due)) {
                    matcher.arrive(next, due, bookOf(instrument.id()), instrument);
                }
            } else {
                matcher.end(next, new OrderCanceled(next.order().clientOrderId(), next.order().instrument(), due));
            }
        }
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).stage == RestingOrder.Stage.ACTIVE) {
                matcher.expireDay(orders.get(i), now);
            }
        }
    }

    /** Runs the action on each order of the instrument active at the venue, in submission order. */
    private void forActive(Instrument instrument, Consumer<RestingOrder> action) {
        for (int i = 0; i < orders.size(); i++) {
            RestingOrder r = orders.get(i);
            if (r.stage == RestingOrder.Stage.ACTIVE && r.order().instrument().equals(instrument.id())) {
                action.accept(r);
            }
        }
    }

    private BookLevels bookOf(InstrumentId instrument) {
        return books.computeIfAbsent(instrument, k -> new BookLevels());
    }

    /** Hands a report to the listener; the order stops counting as working with its last report. */
    private void deliver(VenueReports.Report report) {
        RestingOrder r = report.order();
        OrderEvent e = report.event();
        if (!(e instanceof OrderFilled f) || f.complete()) {
            orders.remove(r);
        }
        listener.onVenueEvent(e, r.order(), r.working.owner());
    }

    private RestingOrder find(ClientOrderId id) {
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).order().clientOrderId().equals(id)) {
                return orders.get(i);
            }
        }
        return null;
    }

    @Override
    public Object ownerOf(ClientOrderId id) {
        RestingOrder r = find(id);
        return r == null ? null : r.working.owner();
    }

    @Override
    public Order workingOrder(ClientOrderId id) {
        RestingOrder r = find(id);
        return r == null ? null : r.order();
    }

    @Override
    public List<ClientOrderId> workingIds() {
        List<ClientOrderId> ids = new ArrayList<>(orders.size());
        orders.forEach(r -> ids.add(r.order().clientOrderId()));
        return ids;
    }

    @Override
    public int workingCount() {
        return orders.size();
    }

    @Override
    public boolean hasWorking(InstrumentId instrument, Side side) {
        for (RestingOrder r : orders) {
            if (r.order().side() == side && r.order().instrument().equals(instrument)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cash set aside for the buys still live at the venue, by what remains of them ({@link FundsCheck#reserved}).
     *
     * @return reserved cash in the account currency
     */
    @Override
    public BigDecimal reservedCash() {
        BigDecimal reserved = BigDecimal.ZERO;
        for (RestingOrder r : orders) {
            if (r.live()) {
                reserved = reserved.add(funds.reserved(r.order(), r.remaining, r.working.referencePrice()));
            }
        }
        return reserved;
    }
}
