package io.quantplug.plugins.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.api.exchange.Balance;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.sdk.marketdata.binance.DepthSnapshotDecoder;
import io.quantplug.plugins.binance.stream.DepthSnapshotSource;
import io.quantplug.plugins.binance.stream.ListenKeySource;
import io.quantplug.sdk.book.DepthSnapshot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Binance's REST endpoints for one market, typed: instruments, klines, depth, orders, balances, account trades and
 * the user data stream's listen key. Every call goes through a {@link BinanceTransport} (weights, back-off, signing,
 * time offset); the weights given are those Binance documents for each endpoint. Calls block; thread-safe.
 *
 * <p>For the stream half it is the {@link DepthSnapshotSource} (depth snapshots of {@link #SNAPSHOT_LIMIT} levels,
 * fetched on the snapshot executor, never on the caller's stream thread) and the {@link ListenKeySource} (spot
 * {@code /api/v3/userDataStream}, USD&#9416;-M {@code /fapi/v1/listenKey}, API key header only).
 */
public final class BinanceRestClient implements DepthSnapshotSource, ListenKeySource {

    /** Levels a side asked for in a depth snapshot for a local book: 1000 (spot weight 50, USD&#9416;-M weight 20). */
    public static final int SNAPSHOT_LIMIT = 1000;

    private final BinanceTransport transport;
    private final BinanceMarket market;
    private final Executor snapshotExecutor;
    private final DepthSnapshotDecoder snapshotDecoder = new DepthSnapshotDecoder(new JsonFactory());

    /**
     * Creates a client whose depth snapshots are each fetched on a new daemon thread (they are rare: when a book
     * starts and after a gap).
     *
     * @param transport sends the requests
     */
    public BinanceRestClient(BinanceTransport transport) {
        this(transport, task -> {
            Thread t = new Thread(task, "binance-depth-snapshot");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Creates a client.
     *
     * @param transport        sends the requests
     * @param snapshotExecutor runs the blocking depth-snapshot requests of {@link #fetch}, not null
     */
    public BinanceRestClient(BinanceTransport transport, Executor snapshotExecutor) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.market = transport.market();
        this.snapshotExecutor = Objects.requireNonNull(snapshotExecutor, "snapshotExecutor");
    }

    /**
     * The transport, for endpoints this class does not cover (listen keys, the stream half's REST needs).
     *
     * @return the transport
     */
    public BinanceTransport transport() {
        return transport;
    }

    /**
     * Binance's time ({@code GET /time}, weight 1).
     *
     * @return UTC epoch milliseconds
     */
    public long serverTime() {
        return transport.publicGet(market.path("time"), Map.of(), 1).path("serverTime").asLong();
    }

    /**
     * The market's instruments ({@code GET exchangeInfo}; weight 20 spot, 1 USD&#9416;-M).
     *
     * @return the instruments, see {@link ExchangeInfoParser}
     */
    public List<Instrument> instruments() {
        JsonNode info = transport.publicGet(market.path("exchangeInfo"), Map.of(),
                market == BinanceMarket.SPOT ? 20 : 1);
        return ExchangeInfoParser.parse(info, market);
    }

    /**
     * An order-book snapshot as Binance sends it ({@code GET depth}), for building a local book.
     *
     * @param symbol the symbol, e.g. {@code BTCUSDT}
     * @param limit  levels per side: spot 1..5000, USD&#9416;-M 5, 10, 20, 50, 100, 500 or 1000
     * @return the JSON answer ({@code lastUpdateId}, {@code bids}, {@code asks})
     */
    public JsonNode depth(String symbol, int limit) {
        int weight = market == BinanceMarket.SPOT
                ? (limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250)
                : (limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20);
        return transport.publicGet(market.path("depth"), params("symbol", symbol, "limit", Integer.toString(limit)),
                weight);
    }

    /**
     * A depth snapshot of {@link #SNAPSHOT_LIMIT} levels a side, decoded for a local book; blocks.
     *
     * @param symbol the symbol, e.g. {@code BTCUSDT}
     * @return the snapshot
     * @throws BinanceException when the request fails
     * @throws io.quantplug.sdk.marketdata.binance.MalformedStreamMessageException when the answer is no snapshot
     */
    public DepthSnapshot depthSnapshot(String symbol) {
        return snapshotDecoder.decode(depth(symbol, SNAPSHOT_LIMIT).toString());
    }

    /**
     * Starts fetching a depth snapshot on the snapshot executor ({@link #depthSnapshot}); the request waits for
     * request weight like every other.
     *
     * @param symbol the symbol, e.g. {@code BTCUSDT}
     * @return the snapshot, or a future completed with the request's failure
     */
    @Override
    public CompletableFuture<DepthSnapshot> fetch(String symbol) {
        return CompletableFuture.supplyAsync(() -> depthSnapshot(symbol), snapshotExecutor);
    }

    /**
     * Creates the account's listen key for a user data stream: spot {@code POST /api/v3/userDataStream} (weight 2),
     * USD&#9416;-M {@code POST /fapi/v1/listenKey} (weight 1); API key header only, no signature.
     *
     * @return the listen key
     * @throws BinanceException when no credentials are set or the request fails (the message never holds a key)
     */
    @Override
    public String create() {
        String key = transport.keyed("POST", listenKeyPath(), Map.of(), listenKeyWeight()).path("listenKey")
                .asText("");
        if (key.isEmpty()) {
            throw new BinanceException("POST " + listenKeyPath() + " answered without a listenKey");
        }
        return key;
    }

    /**
     * Extends a listen key by 60 minutes: {@code PUT} on the same path (spot names the key in {@code listenKey};
     * USD&#9416;-M takes none, the API key identifies it).
     *
     * @param listenKey the key
     * @throws BinanceException when the request fails, e.g. -1125 for a key that no longer exists
     */
    @Override
    public void keepAlive(String listenKey) {
        transport.keyed("PUT", listenKeyPath(), listenKeyParams(listenKey), listenKeyWeight());
    }

    /**
     * Closes a listen key: {@code DELETE} on the same path.
     *
     * @param listenKey the key
     * @throws BinanceException when the request fails
     */
    @Override
    public void close(String listenKey) {
        transport.keyed("DELETE", listenKeyPath(), listenKeyParams(listenKey), listenKeyWeight());
    }

    private String listenKeyPath() {
        return market == BinanceMarket.SPOT ? market.path("userDataStream") : market.path("listenKey");
    }

    private int listenKeyWeight() {
        return market == BinanceMarket.SPOT ? 2 : 1;
    }

    private Map<String, String> listenKeyParams(String listenKey) {
        return market == BinanceMarket.SPOT ? params("listenKey", Objects.requireNonNull(listenKey, "listenKey"))
                : Map.of();
    }

    /**
     * Closed bars with open times in {@code [fromMillis, toMillis)}, fetched page by page (spot 1000, USD&#9416;-M
     * 1500 klines per request, each request taking its documented weight from the limiter, so a long download waits
     * for budget instead of exceeding it). A kline still open at Binance's current time is dropped.
     *
     * @param instrument the instrument
     * @param timeframe  the bar length; one of Binance's intervals ({@link Klines#interval(Timeframe)})
     * @param fromMillis first open time, inclusive, UTC epoch milliseconds
     * @param toMillis   last open time, exclusive, UTC epoch milliseconds
     * @return the bars in ascending open time
     * @throws IllegalArgumentException when the range is empty or reversed, or the timeframe is not an interval
     */
    public List<Bar> klines(InstrumentId instrument, Timeframe timeframe, long fromMillis, long toMillis) {
        String interval = Klines.interval(timeframe);
        if (toMillis <= fromMillis) {
            throw new IllegalArgumentException("toMillis (" + toMillis + ") must be after fromMillis (" + fromMillis
                    + ")");
        }
        int limit = market.maxKlines();
        long serverNow = transport.serverClock().now();
        List<Bar> bars = new ArrayList<>();
        long start = fromMillis;
        while (start < toMillis) {
            JsonNode page = transport.publicGet(market.path("klines"), params("symbol", instrument.symbol(),
                    "interval", interval, "startTime", Long.toString(start), "endTime", Long.toString(toMillis - 1),
                    "limit", Integer.toString(limit)), market.klinesWeight(limit));
            long lastOpen = Long.MIN_VALUE;
            for (JsonNode row : page) {
                Bar bar = Klines.toBar(row, instrument, timeframe);
                lastOpen = bar.openTimeMillis();
                if (bar.openTimeMillis() >= fromMillis && bar.openTimeMillis() < toMillis
                        && bar.closeTimeMillis() <= serverNow) {
                    bars.add(bar);
                }
            }
            if (page.size() < limit || lastOpen == Long.MIN_VALUE) {
                break;
            }
            start = lastOpen + timeframe.millis();
        }
        return bars;
    }

    /**
     * Places an order ({@code POST order}, weight 1, one order permit) and maps the answer to events.
     *
     * @param order the order, on the tick and lot grid
     * @return the events the answer means ({@link OrderAnswers#events})
     * @throws BinanceRejectedException when Binance refuses it (typed reason, {@link RejectReasons})
     * @throws BinanceException         on other failures; after a timeout the order's outcome is unknown and must be
     *                                  reconciled ({@link #openOrders}, {@link #tradesSince}) before any resend
     */
    public List<OrderEvent> newOrder(Order order) {
        JsonNode answer;
        try {
            answer = transport.signed("POST", market.path("order"), OrderAnswers.request(order, market), 1, true);
        } catch (BinanceRejectedException e) {
            throw e;
        } catch (BinanceApiException e) {
            throw new BinanceRejectedException(e, RejectReasons.of(e));
        }
        List<Fill> fills;
        if (market == BinanceMarket.SPOT) {
            fills = OrderAnswers.spotFills(order, answer);
        } else {
            fills = new ArrayList<>();
            if (new BigDecimal(answer.path("executedQty").asText("0")).signum() > 0) {
                for (AccountTrade t : orderTrades(order.instrument(), answer.path("orderId").asLong())) {
                    fills.add(t.toFill(order.clientOrderId()));
                }
            }
        }
        return OrderAnswers.events(order, answer, fills);
    }

    /**
     * Cancels an order by client order id ({@code DELETE order}, weight 1).
     *
     * @param instrument    the order's instrument
     * @param clientOrderId the order
     * @return the cancel event, at Binance's time
     * @throws BinanceRejectedException when Binance refuses, e.g. {@code UNKNOWN_ORDER} for -2011
     */
    public OrderCanceled cancelOrder(InstrumentId instrument, ClientOrderId clientOrderId) {
        JsonNode answer;
        try {
            answer = transport.signed("DELETE", market.path("order"), params("symbol", instrument.symbol(),
                    "origClientOrderId", clientOrderId.value()), 1, false);
        } catch (BinanceRejectedException e) {
            throw e;
        } catch (BinanceApiException e) {
            throw new BinanceRejectedException(e, RejectReasons.of(e));
        }
        long time = answer.has("transactTime") ? answer.path("transactTime").asLong()
                : answer.path("updateTime").asLong(transport.serverClock().now());
        return new OrderCanceled(clientOrderId, instrument, time);
    }

    /**
     * The account's open orders on one symbol ({@code GET openOrders}; weight 6 spot, 1 USD&#9416;-M).
     *
     * @param instrument the instrument
     * @return the working orders
     */
    public List<WorkingOrder> openOrders(InstrumentId instrument) {
        JsonNode answer = transport.signed("GET", market.path("openOrders"), params("symbol", instrument.symbol()),
                market == BinanceMarket.SPOT ? 6 : 1, false);
        List<WorkingOrder> out = new ArrayList<>();
        answer.forEach(row -> out.add(WorkingOrder.of(row)));
        return out;
    }

    /**
     * The account's balances: spot {@code GET /api/v3/account} (weight 20), {@code free} and {@code locked} per
     * asset; USD&#9416;-M {@code GET /fapi/v2/balance} (weight 5), free = {@code availableBalance} and locked =
     * {@code balance - availableBalance} (margin in use), never negative. Assets with nothing free or locked are left
     * out.
     *
     * @return one balance per asset held
     */
    public List<Balance> balances() {
        List<Balance> out = new ArrayList<>();
        if (market == BinanceMarket.SPOT) {
            JsonNode account = transport.signed("GET", market.path("account"), Map.of(), 20, false);
            for (JsonNode b : account.path("balances")) {
                add(out, b.path("asset").asText(), new BigDecimal(b.path("free").asText("0")),
                        new BigDecimal(b.path("locked").asText("0")));
            }
        } else {
            JsonNode answer = transport.signed("GET", "/fapi/v2/balance", Map.of(), 5, false);
            for (JsonNode b : answer) {
                BigDecimal wallet = new BigDecimal(b.path("balance").asText("0"));
                BigDecimal available = new BigDecimal(b.path("availableBalance").asText("0"));
                add(out, b.path("asset").asText(), available, wallet.subtract(available).max(BigDecimal.ZERO));
            }
        }
        return out;
    }

    private static void add(List<Balance> out, String asset, BigDecimal free, BigDecimal locked) {
        if (free.signum() != 0 || locked.signum() != 0) {
            out.add(new Balance(asset, free, locked));
        }
    }

    /**
     * The account's trades on one symbol with trade id &ge; {@code fromId}, oldest first, for reconciliation
     * (spot {@code GET /api/v3/myTrades}, weight 20; USD&#9416;-M {@code GET /fapi/v1/userTrades}, weight 5; both
     * with {@code fromId}). Call again from the last id + 1 while a full page comes back.
     *
     * @param instrument the instrument
     * @param fromId     the first trade id wanted, &ge; 0
     * @param limit      most rows, 1 to 1000
     * @return the trades
     * @throws IllegalArgumentException when {@code fromId} or {@code limit} is out of range
     */
    public List<AccountTrade> tradesSince(InstrumentId instrument, long fromId, int limit) {
        if (fromId < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("fromId must be >= 0 and limit 1 .. 1000, got " + fromId + ", "
                    + limit);
        }
        return trades(instrument, params("symbol", instrument.symbol(), "fromId", Long.toString(fromId),
                "limit", Integer.toString(limit)));
    }

    /**
     * The account's trades of one order ({@code orderId} filter of the same endpoints).
     *
     * @param instrument the instrument
     * @param orderId    Binance's order id
     * @return the trades, oldest first
     */
    public List<AccountTrade> orderTrades(InstrumentId instrument, long orderId) {
        return trades(instrument, params("symbol", instrument.symbol(), "orderId", Long.toString(orderId)));
    }

    private List<AccountTrade> trades(InstrumentId instrument, Map<String, String> params) {
        String path = market == BinanceMarket.SPOT ? market.path("myTrades") : market.path("userTrades");
        JsonNode answer = transport.signed("GET", path, params, market == BinanceMarket.SPOT ? 20 : 5, false);
        List<AccountTrade> out = new ArrayList<>();
        answer.forEach(row -> out.add(AccountTrade.of(row, instrument)));
        return out;
    }

    private static Map<String, String> params(String... keyValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }
}
