package io.quantplug.plugins.binance;

import io.quantplug.api.exchange.Balance;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.exchange.RawMarketListener;
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
import java.net.http.HttpClient;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The Binance exchange adapter (spot or USD&#9416;-M futures, one market per adapter): instruments, historical bars,
 * orders and balances over REST, and live streams through {@link #connect}.
 *
 * <p>{@link #connect} opens one market-stream connection for all instruments (closed klines of the timeframe as
 * bars, trades as trade ticks, the diff-depth stream as a local book reported as its top {@code bookLevels} levels;
 * which of them: the {@code streams} parameter) and, with credentials, the user data stream, whose order events go
 * to the listener. Connections reconnect by themselves (backoff with jitter, silence and 24-hour limits: see
 * {@link io.quantplug.plugins.binance.stream.StreamConnection}); each change reaches
 * {@link ExchangeListener#onConnectionChange}. Bars stay continuous across a reconnect: a repeated kline is dropped,
 * and the klines missed while down (Binance does not replay them) are fetched over REST before the first live one.
 *
 * <p>{@link #connectRaw} (capability {@code RAW_MARKET_STREAMS}, with or without credentials) opens instead one
 * market-stream connection whose messages go to a {@link RawMarketListener} unchanged, for recording: the streams of
 * {@link RawStreamKind} ({@code trade}, {@code aggTrade}, {@code depth}, {@code bookTicker}) and a REST depth
 * snapshot per symbol after the depth stream is subscribed, again after every reconnect (see {@link RawStreams}).
 *
 * <p>Order events: {@link #submit} and {@link #cancel} deliver to the listener given to {@link #attach} or
 * {@link #connect}. No fill is reported twice: while the user data stream is up, an order's events come from the
 * stream only and the REST answer's are dropped; without it (no credentials, not connected, or down at the time of
 * the answer) they come from the REST answer. A refusal is always reported, as an {@link OrderRejected} event with
 * a typed reason, never an exception. {@link #place} returns the REST answer's events to the caller instead.
 *
 * <p>Beyond the SPI, for reconciliation: {@link #workingOrders} (with Binance's order ids) and {@link #tradesSince}
 * (the account's trades since a trade id). Methods block on network I/O and are safe from several threads; failures
 * are {@link io.quantplug.plugins.binance.rest.BinanceException}s ({@link java.io.UncheckedIOException}s). Listener
 * calls come from the stream threads and, for REST answers, from the caller of {@link #submit}/{@link #cancel}.
 */
public final class BinanceAdapter implements ExchangeAdapter {

    /** The default {@code bookLevels}: levels a side in each reported order book. */
    public static final int DEFAULT_BOOK_LEVELS = 10;

    private final BinanceRestClient rest;
    private final URI streamUrl;
    private final HttpClient http;
    private final LongSupplier nanoClock;
    private final Set<MarketStreamKind> streams;
    private final int bookLevels;
    private final Set<ExchangeCapability> capabilities;
    private volatile OrderEventRouter router;
    private LiveStreams live;
    private RawStreams raw;
    private boolean closed;

    /**
     * Creates an adapter with every market stream, {@value #DEFAULT_BOOK_LEVELS} book levels, a new HTTP client for
     * WebSockets and the system's monotonic clock.
     *
     * @param rest      the REST client of the adapter's market
     * @param streamUrl the WebSocket base URL for the stream half
     */
    public BinanceAdapter(BinanceRestClient rest, URI streamUrl) {
        this(rest, streamUrl, HttpClient.newHttpClient(), System::nanoTime, Set.of(MarketStreamKind.values()),
                DEFAULT_BOOK_LEVELS);
    }

    /**
     * Creates an adapter.
     *
     * @param rest       the REST client of the adapter's market
     * @param streamUrl  the WebSocket base URL, without a path (e.g. {@code wss://stream.binance.com:9443}): market
     *                   streams at {@code /stream}, the user data stream at {@code /ws/<listenKey>}
     * @param http       opens the WebSockets, not null
     * @param nanoClock  monotonic nanoseconds for the streams' timers, e.g. {@code System::nanoTime}
     * @param streams    the market streams {@link #connect} subscribes to, at least one
     * @param bookLevels levels a side in each reported order book, 1 to 1000
     * @throws IllegalArgumentException when {@code streams} is empty or {@code bookLevels} is out of range
     */
    public BinanceAdapter(BinanceRestClient rest, URI streamUrl, HttpClient http, LongSupplier nanoClock,
                          Set<MarketStreamKind> streams, int bookLevels) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.streamUrl = Objects.requireNonNull(streamUrl, "streamUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("streams must name at least one of kline, trade, depth");
        }
        if (bookLevels < 1 || bookLevels > BinanceRestClient.SNAPSHOT_LIMIT) {
            throw new IllegalArgumentException("bookLevels must be in 1.." + BinanceRestClient.SNAPSHOT_LIMIT
                    + ", got " + bookLevels);
        }
        this.streams = Set.copyOf(streams);
        this.bookLevels = bookLevels;
        EnumSet<ExchangeCapability> caps = EnumSet.of(ExchangeCapability.INSTRUMENTS,
                ExchangeCapability.HISTORICAL_BARS, ExchangeCapability.RAW_MARKET_STREAMS);
        if (streams.contains(MarketStreamKind.KLINE)) {
            caps.add(ExchangeCapability.LIVE_BARS);
        }
        if (streams.contains(MarketStreamKind.TRADE)) {
            caps.add(ExchangeCapability.LIVE_TRADES);
        }
        if (streams.contains(MarketStreamKind.DEPTH)) {
            caps.add(ExchangeCapability.LIVE_ORDER_BOOK);
        }
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
     * Sets where {@link #submit} and {@link #cancel} deliver order events, without streams: every REST answer's
     * events are delivered. {@link #connect} replaces it.
     *
     * @param listener the session's listener
     */
    public void attach(ExchangeListener listener) {
        this.router = new OrderEventRouter(Objects.requireNonNull(listener, "listener"), () -> false);
    }

    /**
     * Starts the live streams: the chosen market streams of every instrument on one connection, and the user data
     * stream when credentials are set (its listen key is created here). Events arrive on the stream threads.
     *
     * @param instruments the instruments, on this adapter's venue ({@code BINANCE} spot, {@code BINANCE_USDM})
     * @param timeframe   the bar length of the kline streams (one of Binance's intervals), or null for no bars
     * @param listener    receives bars, trades, books, order events and connection changes
     * @throws IllegalArgumentException when an instrument is on another venue, the timeframe is no Binance
     *                                  interval, or nothing is left to stream
     * @throws IllegalStateException    when already connected or closed
     * @throws io.quantplug.plugins.binance.rest.BinanceException when the listen key cannot be created
     */
    @Override
    public void connect(List<InstrumentId> instruments, Timeframe timeframe, ExchangeListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("connect needs at least one instrument");
        }
        synchronized (this) {
            requireUnconnected();
            LiveStreams opened = new LiveStreams(rest, http, streamUrl, nanoClock, streams, bookLevels,
                    List.copyOf(instruments), timeframe, listener, this::historicalBars);
            opened.open();
            live = opened;
            router = opened.router();
        }
    }

    /**
     * Starts passing the market streams of the instruments to a listener unchanged, for recording: one connection to
     * {@code <streamUrl>/stream} subscribed to {@code <symbol>@<stream>} for each instrument and stream
     * ({@link RawStreamKind}), and, when {@code depth} is among them, a REST depth snapshot of
     * {@value BinanceRestClient#SNAPSHOT_LIMIT} levels per symbol after each (re)connect. Receive times are the REST
     * client's local clock, read once, advanced by the monotonic clock ({@link RawStreams}). The connection
     * reconnects by itself (see {@link io.quantplug.plugins.binance.stream.StreamConnection}) until {@link #close()}.
     *
     * @param instruments the instruments, on this adapter's venue
     * @param streams     stream names, case-insensitive: {@code trade}, {@code aggTrade}, {@code depth},
     *                    {@code bookTicker}
     * @param listener    receives messages, snapshots and connection changes, one call at a time
     * @throws IllegalArgumentException when a stream name is unknown (the message lists the allowed ones), an
     *                                  instrument is on another venue, or a list is empty
     * @throws IllegalStateException    when already connected or closed
     */
    @Override
    public void connectRaw(List<InstrumentId> instruments, List<String> streams, RawMarketListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("connectRaw needs at least one instrument");
        }
        List<RawStreamKind> kinds = RawStreamKind.parse(streams);
        synchronized (this) {
            requireUnconnected();
            RawStreams opened = new RawStreams(rest, http, streamUrl, nanoClock, kinds, List.copyOf(instruments),
                    listener);
            opened.open();
            raw = opened;
        }
    }

    private void requireUnconnected() {
        if (closed) {
            throw new IllegalStateException("the adapter is closed");
        }
        if (live != null || raw != null) {
            throw new IllegalStateException("already connected; close the adapter and create another");
        }
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
        return send(order).events();
    }

    /** An order's events from REST, and whether they are a refusal (nothing was placed). */
    private record Outcome(List<OrderEvent> events, boolean refusal) {
    }

    private Outcome send(Order order) {
        requireTrading(ExchangeCapability.ORDER_EXECUTION);
        RejectReason invalid = OrderAnswers.unsupported(order, rest.transport().market());
        if (invalid != null) {
            return new Outcome(List.of(new OrderRejected(order.clientOrderId(), order.instrument(),
                    rest.transport().serverClock().now(), invalid)), true);
        }
        try {
            return new Outcome(rest.newOrder(order), false);
        } catch (BinanceRejectedException e) {
            return new Outcome(List.of(new OrderRejected(order.clientOrderId(), order.instrument(),
                    rest.transport().serverClock().now(), e.reason())), true);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when no listener is attached
     */
    @Override
    public void submit(Order order) {
        OrderEventRouter target = requireRouter();
        Outcome outcome = send(order);
        target.fromRest(order.clientOrderId(), outcome.events(), outcome.refusal());
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
        OrderEventRouter target = requireRouter();
        target.fromRest(clientOrderId, List.of(rest.cancelOrder(instrument, clientOrderId)), false);
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

    /**
     * The account's trades as the SPI lists them ({@link #tradesSince} without Binance's order ids), for the
     * start-up reconciliation of a live session.
     *
     * @param instrument  the instrument
     * @param fromTradeId first trade id wanted
     * @param limit       most rows, 1 to 1000
     * @return the trades, oldest first
     */
    @Override
    public List<io.quantplug.api.exchange.AccountTrade> accountTrades(InstrumentId instrument, long fromTradeId,
                                                                      int limit) {
        return tradesSince(instrument, fromTradeId, limit).stream()
                .map(t -> new io.quantplug.api.exchange.AccountTrade(t.tradeId(), t.instrument(), t.side(), t.price(),
                        t.quantity(), t.commission(), t.commissionAsset(), t.timeMillis()))
                .toList();
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

    private OrderEventRouter requireRouter() {
        OrderEventRouter target = router;
        if (target == null) {
            throw new IllegalStateException("attach a listener (or connect) before submitting or canceling orders");
        }
        return target;
    }

    /**
     * Closes the streams of {@link #connect} or {@link #connectRaw} (sockets, the listen key, the scheduler);
     * idempotent. The REST half holds nothing of its own (the HTTP client is shared). After it, {@link #connect} and
     * {@link #connectRaw} fail.
     */
    @Override
    public void close() {
        LiveStreams opened;
        RawStreams openedRaw;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            opened = live;
            live = null;
            openedRaw = raw;
            raw = null;
        }
        if (opened != null) {
            opened.close();
        }
        if (openedRaw != null) {
            openedRaw.close();
        }
    }

    @Override
    public String toString() {
        return "BinanceAdapter[" + rest.transport().market().parameterValue() + ", " + capabilities + "]";
    }
}
