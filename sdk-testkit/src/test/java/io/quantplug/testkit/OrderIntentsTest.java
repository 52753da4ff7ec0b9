package io.quantplug.testkit;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.risk.OrderIntent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class OrderIntentsTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");

    @Test
    void theNotionalIsQuantityTimesPriceAndTheOrderIsABaseSizedMarketOrder() {
        OrderIntent i = OrderIntents.market(new FakePortfolio(), BTC, Side.BUY, "0.36", "22674.59");
        // 0.36 x 22,674.59 = 8,162.8524
        assertThat(i.notional()).isEqualTo(new BigDecimal("8162.8524"));
        assertThat(i.quantity()).isEqualTo(new BigDecimal("0.36"));
        assertThat(i.referencePrice()).isEqualTo(22674.59);
        assertThat(i.source()).isEqualTo(OrderIntents.SOURCE);
        assertThat(i.order()).isInstanceOfSatisfying(MarketOrder.class, o -> {
            assertThat(o.instrument()).isEqualTo(BTC);
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.size()).isEqualTo(OrderSize.base(new BigDecimal("0.36")));
        });
        assertThat(i.reducesPosition()).isFalse();   // flat: nothing to reduce
    }

    @Test
    void anOrderReducesOnlyWhenOppositeToThePositionAndNotLarger() {
        FakePortfolio longThree = new FakePortfolio().withPosition(BTC, "3");
        assertThat(OrderIntents.market(longThree, BTC, Side.SELL, "2", "200").reducesPosition()).isTrue();
        assertThat(OrderIntents.market(longThree, BTC, Side.SELL, "3", "200").reducesPosition()).isTrue();
        assertThat(OrderIntents.market(longThree, BTC, Side.SELL, "3.001", "200").reducesPosition()).isFalse();
        assertThat(OrderIntents.market(longThree, BTC, Side.BUY, "1", "200").reducesPosition()).isFalse();
        FakePortfolio shortThree = new FakePortfolio().withPosition(BTC, "-3");
        assertThat(OrderIntents.market(shortThree, BTC, Side.BUY, "3", "200").reducesPosition()).isTrue();
        assertThat(OrderIntents.market(shortThree, BTC, Side.SELL, "1", "200").reducesPosition()).isFalse();
    }

    @Test
    void everyIntentHasItsOwnClientOrderId() {
        OrderIntent a = OrderIntents.market(new FakePortfolio(), BTC, Side.BUY, "1", "1");
        OrderIntent b = OrderIntents.market(new FakePortfolio(), BTC, Side.BUY, "1", "1");
        assertThat(a.order().clientOrderId()).isNotEqualTo(b.order().clientOrderId());
    }
}
