package io.quantplug.plugins.binance.rest;

import io.quantplug.api.exchange.Balance;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.plugins.binance.BinanceAdapter;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signed endpoints against the test server's matching engine (BTCUSDT filters of the nautilus spot fixture). */
class SignedEndpointsTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");

    private static BinanceTestServer spotServer() {
        BinanceTestServer server = BinanceTestServer.spot(Fixtures.text(Fixtures.NAUTILUS_SPOT_INFO_BTC_ETH));
        server.venue().setLastPrice("BTCUSDT", "20000.00");
        server.venue().setBalance("USDT", "1000");
        return server;
    }

    private static BinanceAdapter adapter(BinanceRestClient client) {
        return new BinanceAdapter(client, URI.create("ws://127.0.0.1:9"));
    }

    private static MarketOrder marketBuy(String id, String quantity) {
        return new MarketOrder(new ClientOrderId(id), BTC, Side.BUY, OrderSize.base(new BigDecimal(quantity)));
    }

    @Test
    void marketOrderFillsAndItsTradeIsListedSinceItsId() {
        try (BinanceTestServer server = spotServer()) {
            BinanceAdapter adapter = adapter(TestClients.hmac(server, BinanceMarket.SPOT));
            List<OrderEvent> events = adapter.place(marketBuy("qp-1", "0.01"));
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
            OrderFilled filled = (OrderFilled) events.get(1);
            // 0.01 BTC at 20000 = 200 USDT; taker fee 0.1 % = 0.2 USDT
            assertThat(filled.fill().price()).isEqualByComparingTo("20000");
            assertThat(filled.fill().quantity()).isEqualByComparingTo("0.01");
            assertThat(filled.fill().fee()).isEqualByComparingTo("0.2");
            assertThat(filled.fill().feeAsset()).isEqualTo("USDT");
            assertThat(filled.complete()).isTrue();
            // the request carried our client order id
            assertThat(server.requests()).anyMatch(r -> r.path().equals("/api/v3/order")
                    && r.rawQuery().contains("newClientOrderId=qp-1"));

            assertThat(adapter.balances()).extracting(Balance::asset, b -> b.free().stripTrailingZeros())
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("USDT", new BigDecimal("799.8")),
                            org.assertj.core.groups.Tuple.tuple("BTC", new BigDecimal("0.01")));

            adapter.place(marketBuy("qp-2", "0.02"));
            List<AccountTrade> since2 = adapter.tradesSince(BTC, 2, 1000);
            assertThat(since2).hasSize(1);
            Fill fill = since2.get(0).toFill(new ClientOrderId("qp-2"));
            assertThat(fill.quantity()).isEqualByComparingTo("0.02");
            assertThat(fill.fee()).isEqualByComparingTo("0.4");
            assertThat(adapter.tradesSince(BTC, 0, 1000)).extracting(AccountTrade::tradeId).containsExactly(1L, 2L);
            // the same trades through the SPI, as a restarted live session reconciles them
            List<io.quantplug.api.exchange.AccountTrade> spi = adapter.accountTrades(BTC, 2, 1000);
            assertThat(spi).singleElement().satisfies(t -> {
                assertThat(t.tradeId()).isEqualTo(2L);
                assertThat(t.quantity()).isEqualByComparingTo("0.02");
                assertThat(t.fee()).isEqualByComparingTo("0.4");
                assertThat(t.feeAsset()).isEqualTo("USDT");
                assertThat(t.timeMillis()).isEqualTo(since2.get(0).timeMillis());
            });
        }
    }

    @Test
    void restingLimitOrderIsOpenUntilCanceledAndASecondCancelIsAnUnknownOrder() {
        try (BinanceTestServer server = spotServer()) {
            BinanceRestClient client = TestClients.hmac(server, BinanceMarket.SPOT);
            BinanceAdapter adapter = adapter(client);
            LimitOrder bid = new LimitOrder(new ClientOrderId("qp-bid"), BTC, Side.BUY, new BigDecimal("0.01"),
                    new BigDecimal("19000.00"), TimeInForce.GTC);
            assertThat(adapter.place(bid)).singleElement().isInstanceOf(OrderAccepted.class);
            assertThat(adapter.openOrders(BTC)).containsExactly(new ClientOrderId("qp-bid"));
            assertThat(adapter.balances()).singleElement().satisfies(b -> {
                assertThat(b.free()).isEqualByComparingTo("810");
                assertThat(b.locked()).isEqualByComparingTo("190");
            });
            assertThat(client.cancelOrder(BTC, new ClientOrderId("qp-bid")).clientOrderId().value())
                    .isEqualTo("qp-bid");
            assertThat(adapter.openOrders(BTC)).isEmpty();
            assertThatThrownBy(() -> client.cancelOrder(BTC, new ClientOrderId("qp-bid")))
                    .isInstanceOfSatisfying(BinanceRejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo(-2011);
                        assertThat(e.reason().code()).isEqualTo("UNKNOWN_ORDER");
                        assertThat(e.reason().source()).isEqualTo(RejectSource.VENUE);
                    });
        }
    }

    @Test
    void refusedOrdersBecomeOrderRejectedWithTypedReasons() {
        try (BinanceTestServer server = spotServer()) {
            BinanceAdapter adapter = adapter(TestClients.hmac(server, BinanceMarket.SPOT));
            assertThat(reason(adapter, marketBuy("r-1", "1"))).isEqualTo("INSUFFICIENT_FUNDS");          // -2010
            assertThat(reason(adapter, marketBuy("r-2", "0.000015"))).isEqualTo("FILTER_LOT_SIZE");      // -1013
            assertThat(reason(adapter, marketBuy("r-3", "0.000010001"))).isEqualTo("PRECISION");         // -1111
            assertThat(reason(adapter, marketBuy("r-4", "0.0001"))).isEqualTo("FILTER_MIN_NOTIONAL");    // 2 < 10
            assertThat(reason(adapter, new LimitOrder(new ClientOrderId("r-5"), BTC, Side.BUY,
                    new BigDecimal("0.01"), new BigDecimal("19000.005"), TimeInForce.GTC)))
                    .isEqualTo("FILTER_PRICE_FILTER");
            adapter.place(marketBuy("r-6", "0.001"));
            assertThat(reason(adapter, marketBuy("r-6", "0.001"))).isEqualTo("DUPLICATE_ORDER");
            assertThat(reason(adapter, new LimitOrder(new ClientOrderId("r-7"), BTC, Side.BUY,
                    new BigDecimal("0.01"), new BigDecimal("19000"), TimeInForce.DAY)))
                    .isEqualTo("UNSUPPORTED_TIME_IN_FORCE");
            assertThat(server.requests()).noneMatch(r -> r.rawQuery() != null && r.rawQuery().contains("r-7"));
        }
    }

    @Test
    void immediateOrCancelLimitThatCannotFillExpires() {
        try (BinanceTestServer server = spotServer()) {
            BinanceAdapter adapter = adapter(TestClients.hmac(server, BinanceMarket.SPOT));
            List<OrderEvent> events = adapter.place(new LimitOrder(new ClientOrderId("ioc-1"), BTC, Side.BUY,
                    new BigDecimal("0.01"), new BigDecimal("19000"), TimeInForce.IOC));
            assertThat(events).hasSize(2);
            assertThat(events.get(1)).isInstanceOf(OrderExpired.class);
        }
    }

    private static String reason(BinanceAdapter adapter, io.quantplug.api.order.Order order) {
        List<OrderEvent> events = adapter.place(order);
        assertThat(events).singleElement().isInstanceOf(OrderRejected.class);
        return ((OrderRejected) events.get(0)).reason().code();
    }

    @Test
    void ed25519KeysSignRequestsTheServerVerifies() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        try (BinanceTestServer server = spotServer()) {
            server.acceptEd25519(TestClients.KEY, pair.getPublic());
            BinanceRestClient good = TestClients.client(server, BinanceMarket.SPOT,
                    new BinanceCredentials(TestClients.KEY, new Ed25519Signer(pem)), TestClients.quick());
            assertThat(good.balances()).extracting(Balance::asset).containsExactly("USDT");

            KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String otherPem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(other.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----";
            BinanceRestClient bad = TestClients.client(server, BinanceMarket.SPOT,
                    new BinanceCredentials(TestClients.KEY, new Ed25519Signer(otherPem)), TestClients.quick());
            assertThatThrownBy(bad::balances).isInstanceOfSatisfying(BinanceApiException.class,
                    e -> assertThat(e.code()).isEqualTo(-1022));
        }
    }

    @Test
    void usdmOrderFillsComeFromTheOrdersAccountTradesAndBalancesFromV2() {
        InstrumentId perp = InstrumentId.of("BTCUSDT", "BINANCE_USDM");
        try (BinanceTestServer server = BinanceTestServer.usdm(Fixtures.text(Fixtures.NAUTILUS_USDM_INFO))) {
            server.venue().setLastPrice("BTCUSDT", "30000.0");
            server.venue().setBalance("USDT", "500");
            BinanceAdapter adapter = adapter(TestClients.hmac(server, BinanceMarket.USDM));
            List<OrderEvent> events = adapter.place(new MarketOrder(new ClientOrderId("f-1"), perp, Side.BUY,
                    OrderSize.base(new BigDecimal("0.001"))));
            assertThat(events).hasSize(2);
            Fill fill = ((OrderFilled) events.get(1)).fill();
            // 0.001 BTC at 30000 = 30 USDT notional; 0.1 % fee = 0.03 USDT
            assertThat(fill.price()).isEqualByComparingTo("30000");
            assertThat(fill.fee()).isEqualByComparingTo("0.03");
            assertThat(server.requests()).anyMatch(r -> r.path().equals("/fapi/v1/userTrades")
                    && r.rawQuery().contains("orderId="));
            assertThat(adapter.balances()).singleElement().satisfies(b -> {
                assertThat(b.asset()).isEqualTo("USDT");
                assertThat(b.free()).isEqualByComparingTo("499.97");
            });
            assertThat(server.requests()).anyMatch(r -> r.path().equals("/fapi/v2/balance"));
            // 0.001 BTC at 3000 would be 3 USDT, below the 10 USDT MIN_NOTIONAL: Binance -4164
            List<OrderEvent> small = adapter.place(new LimitOrder(new ClientOrderId("f-2"), perp, Side.BUY,
                    new BigDecimal("0.001"), new BigDecimal("3000.0"), TimeInForce.GTC));
            assertThat(((OrderRejected) small.get(0)).reason().code()).isEqualTo("FILTER_MIN_NOTIONAL");
        }
    }
}
