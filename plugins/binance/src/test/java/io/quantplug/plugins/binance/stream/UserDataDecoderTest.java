package io.quantplug.plugins.binance.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.api.exchange.Balance;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderExpired;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded user data payloads (nautilus fixtures: spot/user_data_json, futures/user_data_json, ws_messages); every
 * expected value is copied from the payload text, quoted beside it.
 */
class UserDataDecoderTest {

    private static final InstrumentId ETH = InstrumentId.of("ETHUSDT", "BINANCE");
    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private final UserDataDecoder decoder = new UserDataDecoder(new ObjectMapper(), "BINANCE");
    private final Captured out = new Captured();

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void spotExecutionReportsBecomeOrderEvents() {
        ClientOrderId id = new ClientOrderId("x-TD67BGP9-T0000000000000");   // "c", with "C": ""
        decoder.decode(Fixtures.read("spot/user_data_json/execution_report_new.json"), out);
        decoder.decode(Fixtures.read("spot/user_data_json/execution_report_trade.json"), out);
        decoder.decode(Fixtures.read("spot/user_data_json/execution_report_canceled.json"), out);
        decoder.decode(Fixtures.read("spot/user_data_json/execution_report_expired.json"), out);
        assertThat(out.events).containsExactly(
                new OrderAccepted(id, ETH, 1709654400000L),                              // "x": "NEW", "T"
                // "S": "BUY", "L": "2500.00000000", "l": "1.00000000", "n": "0.00100000", "N": "ETH", "m": true,
                // "T": 1709654401000; remaining "q" 1.00000000 - "z" 1.00000000
                new OrderFilled(new Fill(id, ETH, Side.BUY, d("2500.00000000"), d("1.00000000"), d("0.00100000"),
                        "ETH", Liquidity.MAKER, 1709654401000L), d("0E-8")),
                new OrderCanceled(id, ETH, 1709654402000L),
                new OrderExpired(id, ETH, 1709654403000L));
        assertThat(((OrderFilled) out.events.get(1)).complete()).isTrue();
    }

    @Test
    void spotRejectionCarriesTheVenuesReasonAndWrappedFormsAreUnwrapped() {
        decoder.decode(Fixtures.read("ws_messages/ws_spot_execution_report_rejected.json"), out);
        decoder.decode(Fixtures.read("spot/user_data_json/execution_report_wrapped.json"), out);
        decoder.decode(Fixtures.read("ws_messages/ws_spot_execution_report_empty_client_id.json"), out);
        assertThat(out.events.get(0)).isEqualTo(new OrderRejected(new ClientOrderId("O-12345-test-reject"),
                InstrumentId.of("BTCUSDT", "BINANCE"), 1759347763167L, new RejectReason(RejectSource.VENUE,
                "GTX_ORDER_REJECT", "Binance rejected the order: GTX_ORDER_REJECT", null)));
        // {"subscriptionId": 0, "event": {... "c": "mUvoqJxFIILMdfAW5iGSOW", "x": "NEW", "T": 1499405658657}}
        assertThat(out.events.get(1)).isEqualTo(new OrderAccepted(new ClientOrderId("mUvoqJxFIILMdfAW5iGSOW"),
                InstrumentId.of("ETHBTC", "BINANCE"), 1499405658657L));
        // "c": "", "i": 1234567890, "l": "0.50000000", "L": "2499.50000000", "q" 1 - "z" 0.5 remaining
        OrderFilled partial = (OrderFilled) out.events.get(2);
        assertThat(partial.clientOrderId()).isEqualTo(new ClientOrderId("binance-1234567890"));
        assertThat(partial.fill().price()).isEqualByComparingTo("2499.5");
        assertThat(partial.remainingQuantity()).isEqualByComparingTo("0.5");
        assertThat(partial.complete()).isFalse();
    }

    @Test
    void aTradeReportWithZeroPriceIsReportedUnusableNotTurnedIntoAFill() {
        decoder.decode(Fixtures.read("ws_messages/ws_spot_execution_report_trade_l_zero.json"), out);
        assertThat(out.events).isEmpty();
        assertThat(out.unusable).singleElement().asString().contains("O-12345-test-trade-l-zero");
    }

    @Test
    void spotAccountPositionAndBalanceUpdate() {
        decoder.decode(Fixtures.read("spot/user_data_json/account_position.json"), out);
        decoder.decode(Fixtures.read("spot/user_data_json/balance_update_wrapped.json"), out);
        // "B": [{"a": "USDT", "f": "10000.00000000", "l": "2500.00000000"}, {"a": "ETH", "f": "5.00000000", ...}]
        assertThat(out.balances).containsExactly(new Balance("USDT", d("10000.00000000"), d("2500.00000000")),
                new Balance("ETH", d("5.00000000"), d("0.00000000")));
        assertThat(out.balanceTimes).containsExactly(1709654400000L);
        // {"e": "balanceUpdate", "a": "BTC", "d": "100.00000000", "T": 1573200697068}
        assertThat(out.deltas).containsExactly("BTC 100.00000000 1573200697068");
    }

    @Test
    void usdmOrderTradeUpdatesAndAccountUpdate() {
        decoder.decode(Fixtures.read("futures/user_data_json/order_update_new.json"), out);
        decoder.decode(Fixtures.read("futures/user_data_json/order_update_trade_partial.json"), out);
        decoder.decode(Fixtures.read("futures/user_data_json/order_update_calculated.json"), out);
        decoder.decode(Fixtures.read("futures/user_data_json/account_update.json"), out);
        ClientOrderId test = new ClientOrderId("TEST");
        assertThat(out.events).containsExactly(
                new OrderAccepted(test, BTC, 1568879465651L),
                // "S": "BUY", "L": "7100.50", "l": "0.001", "n": "0.01000000", "N": "USDT", "m": true;
                // remaining "q" 0.002 - "z" 0.001
                new OrderFilled(new Fill(test, BTC, Side.BUY, d("7100.50"), d("0.001"), d("0.01000000"), "USDT",
                        Liquidity.MAKER, 1568879465651L), d("0.001")),
                // liquidation fill: "x": "CALCULATED", "c": "autoclose-1234567890", "S": "SELL", "L": "9910.12",
                // "l": "0.014", "n": "0.06937084", "m": false
                new OrderFilled(new Fill(new ClientOrderId("autoclose-1234567890"), BTC, Side.SELL, d("9910.12"),
                        d("0.014"), d("0.06937084"), "USDT", Liquidity.TAKER, 1568879465651L), d("0.000")));
        // "B": [{"a": "USDT", "wb": "122624.12345678", "cw": "100.12345678"}], "E": 1564745798939
        assertThat(out.balances).containsExactly(new Balance("USDT", d("122624.12345678"), BigDecimal.ZERO));
        assertThat(out.balanceTimes).containsExactly(1564745798939L);
    }

    @Test
    void malformedUserDataIsReportedUnusable() {
        decoder.decode("{\"e\":\"executionReport\"", out);
        decoder.decode("{\"e\":\"listenKeyExpired\",\"E\":1}", out);
        assertThat(out.unusable).hasSize(1);
        assertThat(out.expired).isEqualTo(1);
    }

    private static final class Captured implements UserDataListener {
        final List<OrderEvent> events = new ArrayList<>();
        final List<Balance> balances = new ArrayList<>();
        final List<Long> balanceTimes = new ArrayList<>();
        final List<String> deltas = new ArrayList<>();
        final List<String> unusable = new ArrayList<>();
        int expired;

        @Override
        public void onOrderEvent(OrderEvent event) {
            events.add(event);
        }

        @Override
        public void onBalances(List<Balance> b, long timeMillis) {
            balances.addAll(b);
            balanceTimes.add(timeMillis);
        }

        @Override
        public void onBalanceDelta(String asset, BigDecimal delta, long timeMillis) {
            deltas.add(asset + " " + delta.toPlainString() + " " + timeMillis);
        }

        @Override
        public void onListenKeyExpired() {
            expired++;
        }

        @Override
        public void onUnusable(String reason) {
            unusable.add(reason);
        }
    }
}
