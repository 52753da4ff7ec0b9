package io.quantplug.plugins.binance;

import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.plugins.binance.testserver.BinanceTestExchange;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import io.quantplug.plugins.binance.testserver.KlineArchive;
import io.quantplug.plugins.binance.testserver.RecordingListener;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BinanceAdapter#connect} through the provider and the SPI alone, against a {@link BinanceTestExchange} on
 * loopback: bars equal the CSV rows they were streamed from (Binance spot BTCUSDT 1m, 2022), trades equal the
 * recording's, a dropped connection loses no bar and repeats none, and a submitted order's events arrive once.
 */
class BinanceAdapterConnectTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final long FROM = Instant.parse("2022-06-20T00:00:00Z").toEpochMilli();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ExchangeAdapter adapter(BinanceTestExchange exchange, Map<String, String> env, String streams) {
        BinanceAdapterProvider provider = new BinanceAdapterProvider(env::get, Clock.systemUTC(), HTTP);
        Map<String, String> params = new HashMap<>(exchange.adapterParameters());
        params.put("streams", streams);
        return provider.create(provider.descriptor().parameters().resolve(params));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for: " + what).isLessThan(deadline);
            LockSupport.parkNanos(5_000_000);
        }
    }

    static void assertBarsAreRows(List<Bar> bars, List<KlineArchive.Row> rows) {
        assertThat(bars).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            KlineArchive.Row r = rows.get(i);
            assertThat(bars.get(i)).as("bar %d", i).isEqualTo(new Bar(BTC, Timeframe.M1, r.openTime(),
                    Double.parseDouble(r.open()), Double.parseDouble(r.high()), Double.parseDouble(r.low()),
                    Double.parseDouble(r.close()), Double.parseDouble(r.volume())));
        }
    }

    private static long klineRequests(BinanceTestExchange exchange) {
        return exchange.rest().requests().stream().filter(r -> r.path().equals("/api/v3/klines")).count();
    }

    @Test
    void closedKlinesArriveAsTheCsvRowsInOrderAndInProgressUpdatesAreIgnored() {
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().klines("BTCUSDT", Fixtures.BTC_2022, FROM)
                .barsPerSecond(100).inProgressUpdates(true).start()) {
            ExchangeAdapter adapter = adapter(exchange, Map.of(), "kline");
            assertThat(adapter.capabilities()).contains(ExchangeCapability.LIVE_BARS)
                    .doesNotContain(ExchangeCapability.LIVE_TRADES, ExchangeCapability.LIVE_ORDER_BOOK);
            RecordingListener listener = new RecordingListener();
            adapter.connect(List.of(BTC), Timeframe.M1, listener);
            await("150 bars", () -> listener.bars.size() >= 150);
            adapter.close();
            adapter.close();   // idempotent

            List<KlineArchive.Row> rows = exchange.streams().klineFeeds().get(0).rows();
            List<Bar> bars = List.copyOf(listener.bars);
            // one in-progress update came before each close: none of them became a bar
            assertBarsAreRows(bars, rows.subList(0, bars.size()));
            assertThat(bars.get(0).openTimeMillis()).isEqualTo(FROM);
            assertThat(exchange.streams().subscribeRequests()).singleElement().asString()
                    .contains("\"btcusdt@kline_1m\"").doesNotContain("@trade", "@depth");
            assertThat(klineRequests(exchange)).isZero();
            assertThat(listener.connection.get(0)).startsWith("up: market stream: connected");
            assertThat(listener.connection.get(listener.connection.size() - 1)).isEqualTo("down: market stream: closed");
            assertThatThrownBy(() -> adapter.connect(List.of(BTC), Timeframe.M1, listener))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void aDroppedConnectionReconnectsAndTheBarsContinueWithoutARepeatOrAGap() {
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().klines("BTCUSDT", Fixtures.BTC_2022, FROM)
                .barsPerSecond(25).inProgressUpdates(false).start();
             ExchangeAdapter adapter = adapter(exchange, Map.of(), "kline")) {
            RecordingListener listener = new RecordingListener();
            adapter.connect(List.of(BTC), Timeframe.M1, listener);
            await("20 bars", () -> listener.bars.size() >= 20);
            exchange.streams().dropConnections();
            await("reconnected", () -> exchange.streams().subscribeRequests().size() == 2
                    && listener.connection.stream().filter(c -> c.startsWith("up:")).count() == 2);
            int sentBeforeResubscribe = exchange.streams().klineFeeds().get(0).closedSent();
            await("120 bars", () -> listener.bars.size() >= 120);
            adapter.close();

            // while down the feed went on (klines missed), and the resubscription repeated the last closed one
            assertThat(sentBeforeResubscribe).isGreaterThan(20);
            List<Bar> bars = List.copyOf(listener.bars);
            assertBarsAreRows(bars, exchange.streams().klineFeeds().get(0).rows().subList(0, bars.size()));
            assertThat(klineRequests(exchange)).as("the missed klines were fetched over REST").isPositive();
            assertThat(listener.connection).anyMatch(c -> c.startsWith("down: market stream: connection failed")
                    || c.startsWith("down: market stream: closed by the server"));
        }
    }

    @Test
    void tradesArriveAsTheRecordedTradeTicksAndDepthAsATenLevelBook() {
        List<String> recorded = Fixtures.recording("spot_btcusdt_20240808.gz");
        int snapshotAt = 0;
        while (!recorded.get(snapshotAt).contains("{\"lastUpdateId\"")) {
            snapshotAt++;
        }
        String firstTrade = recorded.stream().skip(snapshotAt).filter(l -> l.contains("\"btcusdt@trade\""))
                .findFirst().orElseThrow();
        try (BinanceTestExchange exchange = BinanceTestExchange.spot()
                .recording("BTCUSDT", 20, "spot_btcusdt_20240808.gz").start();
             ExchangeAdapter adapter = adapter(exchange, Map.of(), "trade,depth")) {
            assertThat(adapter.capabilities()).contains(ExchangeCapability.LIVE_TRADES,
                    ExchangeCapability.LIVE_ORDER_BOOK).doesNotContain(ExchangeCapability.LIVE_BARS);
            RecordingListener listener = new RecordingListener();
            adapter.connect(List.of(BTC), null, listener);
            await("trades and books", () -> listener.trades.size() >= 50 && listener.books.size() >= 5);
            adapter.close();

            // the first trade replayed (after the snapshot line): {"e":"trade","E":1723161255619,"s":"BTCUSDT",
            // "t":3735683260,"p":"61837.63000000","q":"0.04800000","T":1723161255617,"m":true,"M":true}; the buyer
            // was the maker, so the seller was the aggressor
            assertThat(firstTrade).contains("\"t\":3735683260,\"p\":\"61837.63000000\",\"q\":\"0.04800000\","
                    + "\"T\":1723161255617,\"m\":true");
            assertThat(listener.trades.get(0)).isEqualTo(new TradeTick(BTC, 1_723_161_255_617L, 61837.63, 0.048,
                    Side.SELL, "3735683260"));
            for (OrderBookSnapshot book : listener.books) {
                assertThat(book.bids()).hasSizeLessThanOrEqualTo(10).isNotEmpty();
                assertThat(book.asks()).hasSizeLessThanOrEqualTo(10).isNotEmpty();
                assertThat(book.bids().get(0).price()).isLessThan(book.asks().get(0).price());
            }
            assertThat(exchange.rest().requests()).anyMatch(r -> r.path().equals("/api/v3/depth")
                    && r.rawQuery().equals("symbol=BTCUSDT&limit=1000"));
        }
    }

    @Test
    void aSubmittedOrdersEventsArriveOnceFromTheUserDataStream() {
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().klines("BTCUSDT", Fixtures.BTC_2022, FROM)
                .barsPerSecond(5).start()) {
            exchange.rest().venue().setLastPrice("BTCUSDT", "20000.00");
            exchange.rest().venue().setBalance("USDT", "1000");
            ExchangeAdapter adapter = adapter(exchange, exchange.environment(), "kline");
            RecordingListener listener = new RecordingListener();
            adapter.connect(List.of(BTC), Timeframe.M1, listener);
            await("user data stream up", () -> listener.connection.contains("up: user data stream: connected to "
                    + "127.0.0.1:" + exchange.streamUrl().getPort()));

            adapter.submit(new MarketOrder(new ClientOrderId("qp-m1"), BTC, Side.BUY,
                    OrderSize.base(new BigDecimal("0.01"))));
            await("two order events", () -> listener.orderEvents.size() >= 2);
            adapter.submit(new LimitOrder(new ClientOrderId("qp-l1"), BTC, Side.BUY, new BigDecimal("0.01"),
                    new BigDecimal("19000.00"), TimeInForce.GTC));
            await("the limit order accepted", () -> listener.orderEvents.size() >= 3);
            adapter.cancel(BTC, new ClientOrderId("qp-l1"));
            await("the limit order canceled", () -> listener.orderEvents.size() >= 4);
            adapter.close();

            // 0.01 BTC at 20000 = 200 USDT; the test venue's taker fee 0.1 % = 0.2 USDT. Each event once, though
            // the REST answers said the same (their events were dropped: the stream was up).
            assertThat(listener.orderEvents).hasSize(4);
            assertThat(listener.orderEvents.get(0)).isInstanceOf(OrderAccepted.class);
            OrderFilled filled = (OrderFilled) listener.orderEvents.get(1);
            assertThat(filled.fill().clientOrderId()).isEqualTo(new ClientOrderId("qp-m1"));
            assertThat(filled.fill().price()).isEqualByComparingTo("20000");
            assertThat(filled.fill().quantity()).isEqualByComparingTo("0.01");
            assertThat(filled.fill().fee()).isEqualByComparingTo("0.2");
            assertThat(filled.complete()).isTrue();
            assertThat(listener.orderEvents.get(2)).isEqualTo(new OrderAccepted(new ClientOrderId("qp-l1"), BTC,
                    listener.orderEvents.get(2).timeMillis()));
            assertThat(listener.orderEvents.get(3)).isInstanceOf(OrderCanceled.class)
                    .extracting(e -> ((OrderCanceled) e).clientOrderId()).isEqualTo(new ClientOrderId("qp-l1"));
            // the listen key was created, used by the stream, and closed on close()
            assertThat(exchange.rest().listenKeys()).containsExactly("listenKey-1");
            assertThat(exchange.streams().userDataKeys()).containsExactly("listenKey-1");
            assertThat(exchange.rest().requests()).extracting(BinanceTestServer.Received::method,
                            BinanceTestServer.Received::path)
                    .contains(org.assertj.core.groups.Tuple.tuple("DELETE", "/api/v3/userDataStream"));
        }
    }

    @Test
    void withoutTheUserDataStreamTheRestAnswersEventsAreDelivered() {
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().start()) {
            exchange.rest().venue().setLastPrice("BTCUSDT", "20000.00");
            exchange.rest().venue().setBalance("USDT", "1000");
            BinanceAdapter adapter = (BinanceAdapter) adapter(exchange, exchange.environment(), "kline");
            RecordingListener listener = new RecordingListener();
            adapter.attach(listener);
            adapter.submit(new MarketOrder(new ClientOrderId("qp-r1"), BTC, Side.BUY,
                    OrderSize.base(new BigDecimal("0.01"))));
            adapter.submit(new MarketOrder(new ClientOrderId("qp-r2"), BTC, Side.BUY,
                    OrderSize.base(new BigDecimal("1"))));   // 20000 USDT: more than the balance
            assertThat(listener.orderEvents).hasSize(3);
            assertThat(listener.orderEvents.get(0)).isInstanceOf(OrderAccepted.class);
            assertThat(((OrderFilled) listener.orderEvents.get(1)).fill().quantity()).isEqualByComparingTo("0.01");
            assertThat(listener.orderEvents.get(2)).isInstanceOf(io.quantplug.api.order.OrderRejected.class);
            adapter.close();
        }
    }
}
