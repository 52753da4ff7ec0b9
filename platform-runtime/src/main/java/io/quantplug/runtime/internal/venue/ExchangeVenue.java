package io.quantplug.runtime.internal.venue;

import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.runtime.session.LiveOptions;

import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Venue} on a real exchange, reached through its {@link ExchangeAdapter}: the live session's venue.
 *
 * <p><b>Threads.</b> The port's methods run on the engine thread and never call the adapter: sends and cancels go to
 * an I/O executor. The exchange's order events arrive on the adapter's threads through {@link #offer}, into an inbox
 * (unbounded: it holds at most a few events per order), and reach the {@link Listener} when the engine thread
 * {@linkplain #poll() polls}; {@code offer} then runs the wake-up action, so the engine thread polls between bars.
 *
 * <p><b>Orders.</b> {@link #submit} checks the order against the instrument as the simulated venue does
 * ({@link OrderRounding}: a refusal is synchronous), records it as working and answers {@link OrderAccepted}:
 * accepted for sending. {@link #flush} (called by the session once the submissions are recorded) takes a mark of
 * the {@link io.quantplug.runtime.session.SendBarrier} and hands the orders to the I/O thread, which waits until the
 * mark is durable and then calls {@code adapter.submit}; a journal that is not durable in time, or a send that fails,
 * ends the order with {@link OrderRejected} ({@code ENGINE}/{@code JOURNAL_NOT_DURABLE}, {@code VENUE}/{@code
 * SEND_FAILED}), and an exchange refusal arrives later as the adapter's {@link OrderRejected}. A fill keeps the order
 * working until it is complete; a cancel, expiry or refusal ends it. The exchange's own acceptance is not passed on
 * (the session heard it from {@code submit}). Fees are put in the quote asset ({@link FillFees}). Events for orders
 * the venue does not know (another session's, or ones already ended) go to the notices.
 *
 * <p><b>Ending.</b> {@link #cancel} sends the cancel and answers null: the cancel event arrives later.
 * {@link #cancelAll} sends every cancel and waits for their events (at most the options' wait time), delivering
 * them and any late fill to the listener. {@link #closeAt} reports acceptance, sends a market order and waits for
 * it to end in the same way.
 */
public final class ExchangeVenue implements Venue {

    private final Instrument instrument;
    private final ExchangeAdapter adapter;
    private final Executor io;
    private final LiveOptions options;
    private final InstantSource clock;
    private final FillFees fees;
    private final LinkedBlockingQueue<OrderEvent> inbox = new LinkedBlockingQueue<>();
    private final Map<ClientOrderId, WorkingOrder> working = new LinkedHashMap<>();
    private final List<Order> unsent = new ArrayList<>();
    private volatile Runnable wake = () -> { };
    private Listener listener;

    /**
     * Creates the venue; the session {@linkplain #connect connects} to it before its first order.
     *
     * @param instrument the instrument traded, as the exchange lists it
     * @param adapter    the exchange, connected so that its order events reach {@link #offer}
     * @param io         runs the adapter calls, in order (a single thread)
     * @param options    the journal barrier, wait time and notices
     * @param clock      the wall clock, for the time of refusals the venue itself makes after acceptance
     */
    public ExchangeVenue(Instrument instrument, ExchangeAdapter adapter, Executor io, LiveOptions options,
                         InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.io = Objects.requireNonNull(io, "io");
        this.options = Objects.requireNonNull(options, "options");
        this.fees = new FillFees(instrument, options.notices());
    }

    /**
     * Sets what wakes the engine thread when an event arrives (e.g. the bar source's wake-up). Any thread.
     *
     * @param wake run on the arriving thread after each event is in the inbox
     */
    public void onArrival(Runnable wake) {
        this.wake = Objects.requireNonNull(wake, "wake");
    }

    /**
     * Takes an order event of the exchange into the inbox and wakes the engine thread. Thread-safe: the adapter's
     * threads and the I/O thread call it.
     *
     * @param event the event
     */
    public void offer(OrderEvent event) {
        inbox.add(Objects.requireNonNull(event, "event"));
        wake.run();
    }

    @Override
    public void connect(Listener listener) {
        this.listener = VenueEvents.connectOnce(this.listener, listener);
    }

    @Override
    public OrderEvent submit(Order order, double referencePrice, long timeMillis, Object owner, boolean reduceOnly) {
        if (!order.instrument().equals(instrument.id())) {
            return new OrderRejected(order.clientOrderId(), order.instrument(), timeMillis,
                    OrderRounding.reject("UNKNOWN_INSTRUMENT", "the venue does not trade " + order.instrument()));
        }
        OrderRounding.Outcome rounded = OrderRounding.round(order, instrument, referencePrice);
        if (rounded.rejection() != null) {
            return new OrderRejected(order.clientOrderId(), order.instrument(), timeMillis, rounded.rejection());
        }
        working.put(order.clientOrderId(), new WorkingOrder(rounded.order(), timeMillis, referencePrice, owner,
                reduceOnly));
        unsent.add(rounded.order());
        return new OrderAccepted(order.clientOrderId(), order.instrument(), timeMillis);
    }

    @Override
    public void flush() {
        if (unsent.isEmpty()) {
            return;
        }
        long mark = options.barrier().mark();
        for (Order order : unsent) {
            io.execute(() -> send(order, mark));
        }
        unsent.clear();
    }

    /** On the I/O thread: waits for the journal, then sends. */
    private void send(Order order, long mark) {
        boolean durable;
        try {
            durable = options.barrier().await(mark, options.waitTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            durable = false;
        }
        if (!durable) {
            offer(refusal(order, RejectSource.ENGINE, "JOURNAL_NOT_DURABLE",
                    "the order was not journaled within " + options.waitTimeout().toMillis() + " ms; not sent"));
            return;
        }
        try {
            adapter.submit(order);
        } catch (RuntimeException e) {
            options.notices().accept("sending order " + order.clientOrderId().value() + " failed: " + e.getMessage());
            offer(refusal(order, RejectSource.VENUE, "SEND_FAILED", "sending the order failed: " + e.getMessage()));
        }
    }

    private OrderRejected refusal(Order order, RejectSource source, String code, String message) {
        return new OrderRejected(order.clientOrderId(), order.instrument(), clock.millis(),
                new RejectReason(source, code, message, null));
    }

    @Override
    public boolean poll() {
        boolean delivered = false;
        OrderEvent e;
        while ((e = inbox.poll()) != null) {
            delivered |= deliver(e);
        }
        return delivered;
    }

    /** Passes one exchange event on; false when it is not passed (an acceptance, or an unknown order). */
    private boolean deliver(OrderEvent event) {
        WorkingOrder w = working.get(event.clientOrderId());
        if (w == null) {
            if (!(event instanceof OrderAccepted)) {
                options.notices().accept("exchange event for an order this session does not have working: " + event);
            }
            return false;
        }
        if (event instanceof OrderAccepted) {
            return false;
        }
        OrderEvent passed = event;
        if (event instanceof OrderFilled f) {
            passed = new OrderFilled(fees.inQuote(f.fill()), f.remainingQuantity());
            if (!f.complete()) {
                listener.onVenueEvent(passed, w.order(), w.owner());
                return true;
            }
        }
        working.remove(event.clientOrderId());
        listener.onVenueEvent(passed, w.order(), w.owner());
        return true;
    }

    @Override
    public void closeAt(MarketOrder order, double lastPrice, long timeMillis, Object owner) {
        working.put(order.clientOrderId(), new WorkingOrder(order, timeMillis, lastPrice, owner, true));
        listener.onVenueEvent(new OrderAccepted(order.clientOrderId(), order.instrument(), timeMillis), order, owner);
        unsent.add(order);
        flush();
        awaitEnd(List.of(order.clientOrderId()));
    }

    @Override
    public OrderCanceled cancel(ClientOrderId id, long timeMillis) {
        if (working.containsKey(id)) {
            io.execute(() -> sendCancel(id));
        }
        return null;
    }

    private void sendCancel(ClientOrderId id) {
        try {
            adapter.cancel(instrument.id(), id);
        } catch (RuntimeException e) {
            options.notices().accept("canceling order " + id.value() + " failed: " + e.getMessage());
        }
    }

    @Override
    public List<Canceled> cancelAll(long timeMillis) {
        List<ClientOrderId> ids = workingIds();
        for (ClientOrderId id : ids) {
            cancel(id, timeMillis);
        }
        awaitEnd(ids);
        return List.of();
    }

    /** Delivers events until none of the orders is working, or the wait time has passed. */
    private void awaitEnd(List<ClientOrderId> ids) {
        long deadline = System.nanoTime() + options.waitTimeout().toNanos();
        poll();
        while (ids.stream().anyMatch(working::containsKey)) {
            long left = deadline - System.nanoTime();
            OrderEvent e;
            try {
                e = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                e = null;
            }
            if (e == null) {
                options.notices().accept("no answer from the exchange within " + options.waitTimeout().toMillis()
                        + " ms for " + ids.stream().filter(working::containsKey).map(ClientOrderId::value).toList());
                return;
            }
            deliver(e);
        }
    }

    @Override
    public Object ownerOf(ClientOrderId id) {
        WorkingOrder w = working.get(id);
        return w == null ? null : w.owner();
    }

    @Override
    public Order workingOrder(ClientOrderId id) {
        WorkingOrder w = working.get(id);
        return w == null ? null : w.order();
    }

    @Override
    public List<ClientOrderId> workingIds() {
        return new ArrayList<>(working.keySet());
    }

    @Override
    public int workingCount() {
        return working.size();
    }

    @Override
    public boolean hasWorking(InstrumentId instrument, Side side) {
        for (WorkingOrder w : working.values()) {
            if (w.order().side() == side && w.order().instrument().equals(instrument)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cash set aside for working buy orders: the amount of quote-sized orders, and quantity times the limit, stop or
     * reference price for the others (the exchange's fee is not known in advance).
     *
     * @return reserved cash in the quote asset
     */
    @Override
    public BigDecimal reservedCash() {
        BigDecimal reserved = BigDecimal.ZERO;
        for (WorkingOrder w : working.values()) {
            Order o = w.order();
            if (o.side() != Side.BUY) {
                continue;
            }
            if (o.size() instanceof OrderSize.Quote q) {
                reserved = reserved.add(q.notional());
            } else {
                BigDecimal price = o instanceof LimitOrder l ? l.limitPrice()
                        : o instanceof StopOrder s ? s.stopPrice() : BigDecimal.valueOf(w.referencePrice());
                reserved = reserved.add(((OrderSize.Base) o.size()).quantity().multiply(price));
            }
        }
        return reserved;
    }

    /** Bars do not fill orders on a real venue: nothing happens. */
    @Override
    public void onBar(Bar bar) {
    }
}
