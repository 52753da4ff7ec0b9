package io.quantplug.plugins.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.api.exchange.Balance;
import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.plugins.binance.rest.BinanceMarket;
import io.quantplug.plugins.binance.rest.BinanceRestClient;
import io.quantplug.plugins.binance.rest.Klines;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;
import io.quantplug.plugins.binance.stream.MarketStreamHandler;
import io.quantplug.plugins.binance.stream.StreamConnection;
import io.quantplug.plugins.binance.stream.StreamSettings;
import io.quantplug.plugins.binance.stream.UserDataDecoder;
import io.quantplug.plugins.binance.stream.UserDataListener;
import io.quantplug.plugins.binance.stream.UserDataStream;
import io.quantplug.sdk.book.SequenceRule;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What one {@link BinanceAdapter#connect} opens and {@link #close()} shuts: a scheduler (two daemon threads for
 * reconnects, silence checks and listen-key keep-alives), one market {@link StreamConnection} to
 * {@code <streamUrl>/stream} with every chosen stream of every instrument, and, with credentials, a
 * {@link UserDataStream} to {@code <streamUrl>/ws/<listenKey>} whose order events go through the
 * {@link OrderEventRouter}. Connection changes reach the listener prefixed with {@code market stream: } or
 * {@code user data stream: }.
 */
final class LiveStreams implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LiveStreams.class.getName());
    /** Depth events kept per symbol while its snapshot is awaited. */
    private static final int MAX_BUFFERED = 10_000;
    private static final Duration KEEP_ALIVE = Duration.ofMinutes(30);

    private final ScheduledExecutorService scheduler;
    private final StreamConnection market;
    private final UserDataStream userData;
    private final OrderEventRouter router;

    LiveStreams(BinanceRestClient rest, HttpClient http, URI streamUrl, LongSupplier nanoClock,
                Set<MarketStreamKind> kinds, int bookLevels, List<InstrumentId> instruments, Timeframe timeframe,
                ExchangeListener listener, BarGapFiller.History history) {
        BinanceMarket binance = rest.transport().market();
        List<String> streams = new ArrayList<>();
        String interval = timeframe == null ? null : Klines.interval(timeframe);
        for (InstrumentId id : instruments) {
            if (!id.venue().equals(binance.venue())) {
                throw new IllegalArgumentException("instrument " + id + " is not on venue " + binance.venue()
                        + " of this adapter (market " + binance.parameterValue() + ")");
            }
            String symbol = id.symbol().toLowerCase(Locale.ROOT);
            if (kinds.contains(MarketStreamKind.KLINE) && interval != null) {
                streams.add(symbol + "@kline_" + interval);
            }
            if (kinds.contains(MarketStreamKind.TRADE)) {
                streams.add(symbol + "@trade");
            }
            if (kinds.contains(MarketStreamKind.DEPTH)) {
                streams.add(symbol + "@depth@100ms");
            }
        }
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("nothing to stream: streams " + kinds + (timeframe == null
                    ? " without a timeframe (klines need one)" : "") + " for " + instruments);
        }
        String base = streamUrl.toString().replaceAll("/+$", "");
        boolean trading = rest.transport().credentials().isPresent();
        this.scheduler = Executors.newScheduledThreadPool(2, task -> {
            Thread t = new Thread(task, "binance-streams");
            t.setDaemon(true);
            return t;
        });
        MarketStreamHandler handler = new MarketStreamHandler(new MarketStreamDecoder(new JsonFactory()),
                binance.venue(), binance == BinanceMarket.SPOT ? SequenceRule.SPOT : SequenceRule.FUTURES, rest,
                new BarGapFiller(listener, history), null, nanoClock, bookLevels, MAX_BUFFERED,
                TimeUnit.SECONDS.toNanos(1));
        if (kinds.contains(MarketStreamKind.DEPTH)) {
            instruments.forEach(id -> handler.track(id.symbol()));
        }
        this.market = new StreamConnection(http, () -> URI.create(base + "/stream"), streams, handler,
                (up, detail) -> listener.onConnectionChange(up, "market stream: " + detail), scheduler, nanoClock,
                StreamSettings.defaults());
        if (trading) {
            StreamConnection[] account = new StreamConnection[1];
            this.router = new OrderEventRouter(listener, () -> account[0] != null && account[0].connected());
            this.userData = new UserDataStream(http, URI.create(base + "/ws/"), rest,
                    new UserDataDecoder(new ObjectMapper(), binance.venue()), new OrderEvents(router),
                    (up, detail) -> listener.onConnectionChange(up, "user data stream: " + detail), scheduler,
                    nanoClock, new StreamSettings(StreamSettings.NEVER_STALE, Duration.ofMinutes(23 * 60 + 30),
                    Duration.ofSeconds(1), 2.0, 0.5, Duration.ofSeconds(60), Duration.ofSeconds(10)), KEEP_ALIVE);
            account[0] = userData.connection();
        } else {
            this.router = new OrderEventRouter(listener, () -> false);
            this.userData = null;
        }
    }

    /** Opens the user data stream (creating its listen key, which may throw), then the market stream. */
    void open() {
        try {
            if (userData != null) {
                userData.open();
            }
            market.open();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Where the adapter's REST order events go. */
    OrderEventRouter router() {
        return router;
    }

    /** The market connection (state, reconnects). */
    StreamConnection market() {
        return market;
    }

    @Override
    public void close() {
        try {
            if (userData != null) {
                userData.close();
            }
            market.close();
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** The user data stream's order events into the router; balances are read over REST. */
    private static final class OrderEvents implements UserDataListener {
        private final OrderEventRouter router;

        OrderEvents(OrderEventRouter router) {
            this.router = router;
        }

        @Override
        public void onOrderEvent(OrderEvent event) {
            router.fromStream(event);
        }

        @Override
        public void onBalances(List<Balance> balances, long timeMillis) {
            // BinanceAdapter.balances() reads them over REST
        }

        @Override
        public void onBalanceDelta(String asset, BigDecimal delta, long timeMillis) {
            // as onBalances
        }

        @Override
        public void onUnusable(String reason) {
            LOG.log(System.Logger.Level.WARNING, "user data message not used (reconcile through REST): " + reason);
        }
    }
}
