package io.quantplug.plugins.binance;

import io.quantplug.api.exchange.Balance;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.exchange.UnsupportedCapabilityException;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectReason;
import io.quantplug.plugins.binance.rest.AccountTrade;
import io.quantplug.plugins.binance.rest.BinanceRejectedException;
import io.quantplug.plugins.binance.rest.BinanceRestClient;
import io.quantplug.plugins.binance.rest.OrderAnswers;
import io.quantplug.plugins.binance.rest.WorkingOrder;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Binance exchange adapter (spot or USD&#9416;-M futures, one market per adapter): instruments, historical bars,
 * orders and balances over REST. Live streams ({@link #connect}) belong to the stream half and are not declared yet.
 *
 * <p>{@link #submit} and {@link #cancel} deliver their events to the listener given to {@link #attach}; the stream
 * half attaches the session's listener when it connects. A rejected order is an {@link OrderRejected} event with a
 * typed reason, never an exception. {@link #place} returns the same events to the caller instead.
 *
 * <p>Beyond the SPI, for reconciliation: {@link #workingOrders} (with Binance's order ids) and {@link #tradesSince}
 * (the account's trades since a trade id). Methods block on network I/O and are safe from several threads; failures
 * are {@link io.quantplug.plugins.binance.rest.BinanceException}s ({@link java.io.UncheckedIOException}s).
 */
public final class BinanceAdapter implements ExchangeAdapter {

    private final BinanceRestClient rest;
    private final URI streamUrl;
    private final Set<ExchangeCapability> capabilities;
    private volatile ExchangeListener listener;

    /**
     * Creates an adapter.
     *
     * @param rest      the REST client of the adapter's market
     * @param streamUrl the WebSocket base URL for the stream half
     */
    public BinanceAdapter(BinanceRestClient rest, URI streamUrl) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.streamUrl = Objects.requireNonNull(streamUrl, "streamUrl");
        EnumSet<ExchangeCapability> caps = EnumSet.of(ExchangeCapability.INSTRUMENTS,
                ExchangeCapability.HISTORICAL_BARS);
        if (rest.transport().credentials().isPresent()) {
            caps.add(ExchangeCapability.ORDER_EXECUTION);
            caps.add(ExchangeCapability.BALANCES);
        }
        this.capabilities = Set.copyOf(caps);
    }

    @Override
    public Set<ExchangeCapability> capabilities() {
        return capabilities;
    }

    @Override
    public String id() {
        return BinanceAdapterProvider.ID;
    }

    /**
     * The REST client, for the stream half (depth snapshots, listen keys, server time) and the live session.
     *
     * @return the client
     */
    public BinanceRestClient rest() {
        return rest;
    }

    /**
     * The WebSocket base URL the stream half connects to ({@code streamUrl} parameter or the network's default).
     *
     * @return the URL
     */
    public URI streamUrl() {
        return streamUrl;
    }

    /**
     * Sets where {@link #submit} and {@link #cancel} deliver order events.
     *
     * @param listener the session's listener
     */
    public void attach(ExchangeListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public List<Instrument> instruments() {
        return rest.instruments();
    }

    @Override
    public List<Bar> historicalBars(InstrumentId instrument, Timeframe timeframe, long fromMillis, long toMillis) {
        return rest.klines(instrument, timeframe, fromMillis, toMillis);
    }

    /**
     * Sends an order and returns the events its answer means, a refusal included.
     *
     * @param order the order, on the tick and lot grid
     * @return the events: {@link OrderRejected} (validation or venue, typed), or acceptance, fills and an end state
     */
    public List<OrderEvent> place(Order order) {
        requireTrading(ExchangeCapability.ORDER_EXECUTION);
        RejectReason invalid = OrderAnswers.unsupported(order, rest.transport().market());
        if (invalid != null) {
            return List.of(new OrderRejected(order.clientOrderId(), order.instrument(),
                    rest.transport().serverClock().now(), invalid));
        }
        try {
            return rest.newOrder(order);
        } catch (BinanceRejectedException e) {
            return List.of(new OrderRejected(order.clientOrderId(), order.instrument(),
                    rest.transport().serverClock().now(), e.reason()));
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when no listener is attached
     */
    @Override
    public void submit(Order order) {
        ExchangeListener target = requireListener();
        place(order).forEach(target::onOrderEvent);
    }

    /**
     * {@inheritDoc}
     *
     * @throws BinanceRejectedException when Binance refuses the cancel (reason {@code UNKNOWN_ORDER} for -2011)
     * @throws IllegalStateException    when no listener is attached
     */
    @Override
    public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) {
        requireTrading(ExchangeCapability.ORDER_EXECUTION);
        ExchangeListener target = requireListener();
        target.onOrderEvent(rest.cancelOrder(instrument, clientOrderId));
    }

    @Override
    public List<ClientOrderId> openOrders(InstrumentId instrument) {
        return workingOrders(instrument).stream().map(WorkingOrder::clientOrderId).toList();
    }

    /**
     * The working orders with Binance's order ids, to match account trades to client order ids.
     *
     * @param instrument the instrument
     * @return the open orders
     */
    public List<WorkingOrder> workingOrders(InstrumentId instrument) {
        requireTrading(ExchangeCapability.ORDER_EXECUTION);
        return rest.openOrders(instrument);
    }

    /**
     * The account's trades with id &ge; {@code fromId} (fills missed while down); not part of the SPI.
     *
     * @param instrument the instrument
     * @param fromId     first trade id wanted
     * @param limit      most rows, 1 to 1000
     * @return the trades, oldest first
     */
    public List<AccountTrade> tradesSince(InstrumentId instrument, long fromId, int limit) {
        requireTrading(ExchangeCapability.ORDER_EXECUTION);
        return rest.tradesSince(instrument, fromId, limit);
    }

    @Override
    public List<Balance> balances() {
        requireTrading(ExchangeCapability.BALANCES);
        return rest.balances();
    }

    private void requireTrading(ExchangeCapability capability) {
        if (!capabilities.contains(capability)) {
            throw new UnsupportedCapabilityException(id(), capability);
        }
    }

    private ExchangeListener requireListener() {
        ExchangeListener target = listener;
        if (target == null) {
            throw new IllegalStateException("attach a listener (or connect) before submitting or canceling orders");
        }
        return target;
    }

    /** Nothing to release: the HTTP client is shared and holds no connection the adapter owns. */
    @Override
    public void close() {
        // the REST half holds no resources of its own
    }

    @Override
    public String toString() {
        return "BinanceAdapter[" + rest.transport().market().parameterValue() + ", " + capabilities + "]";
    }
}
