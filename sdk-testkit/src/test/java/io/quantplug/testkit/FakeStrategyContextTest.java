package io.quantplug.testkit;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeStrategyContextTest {

    private static final InstrumentId BTC_ID = InstrumentId.of("BTCUSDT", "SIM");
    private static final Instrument BTC = Instrument.spot(BTC_ID, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ONE);
    private static final InstrumentId ETH = InstrumentId.of("ETHUSDT", "SIM");

    private static Bar bar(int minute, double close) {
        return new Bar(BTC_ID, Timeframe.M1, minute * 60_000L, close, close, close, close, 1.0);
    }

    @Test
    void theScriptedStrategyEmitsAtTheBarsItsParametersNameWithTheClockAtTheBarsClose() {
        ScriptedStrategyProvider provider = new ScriptedStrategyProvider();
        FakeStrategyContext ctx = new FakeStrategyContext(BTC)
                .parameters(TestParameters.of(provider, "buyAt", "1", "sellAt", "2"));
        Strategy s = provider.create(ctx);
        for (int minute = 0; minute < 4; minute++) {
            ctx.onBar(s, bar(minute, 100 + minute));
        }
        // bar 1 opens at 60,000 ms and closes at 120,000; bar 2 closes at 180,000
        assertThat(ctx.signals()).extracting(Signal::direction, Signal::timeMillis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SignalDirection.LONG, 120_000L),
                        org.assertj.core.groups.Tuple.tuple(SignalDirection.FLAT, 180_000L));
        assertThat(ctx.actions()).containsExactly("emit LONG 1.0", "emit FLAT 1.0");
        assertThat(ctx.timeMillis()).isEqualTo(240_000L);
        assertThat(ctx.clock().millis()).isEqualTo(240_000L);
        // the four bars are in the history, newest first
        assertThat(ctx.history().size()).isEqualTo(4);
        assertThat(ctx.history().get(0).close()).isEqualTo(103.0);
        assertThat(ctx.history().get(3).close()).isEqualTo(100.0);
    }

    @Test
    void ordersCancelsAndTimersAreRecordedInOrderWithFreshIds() {
        FakeStrategyContext ctx = new FakeStrategyContext(BTC).instanceId("grid-1");
        ClientOrderId first = ctx.nextClientOrderId();
        ClientOrderId second = ctx.nextClientOrderId();
        assertThat(first.value()).isEqualTo("grid-1-1");
        assertThat(second.value()).isEqualTo("grid-1-2");
        LimitOrder buy = new LimitOrder(first, BTC_ID, Side.BUY, new BigDecimal("0.01"), new BigDecimal("19956.13"),
                TimeInForce.GTC);
        MarketOrder sell = new MarketOrder(second, BTC_ID, Side.SELL, OrderSize.base(new BigDecimal("0.01")));
        ctx.submit(buy);
        ctx.cancel(first);
        ctx.submit(sell);
        ctx.scheduleTimer("rebalance", 3_600_000L);
        assertThat(ctx.submitted()).containsExactly(buy, sell);
        assertThat(ctx.cancelled()).containsExactly(first);
        assertThat(ctx.timers()).containsExactly(new FakeStrategyContext.ScheduledTimer("rebalance", 3_600_000L));
        assertThat(ctx.actions()).containsExactly("submit grid-1-1", "cancel grid-1-1", "submit grid-1-2",
                "timer rebalance 3600000");
        assertThatThrownBy(() -> ctx.submitted(LimitOrder.class)).isInstanceOf(ClassCastException.class);
        assertThat(ctx.submitted(Order.class)).containsExactly(buy, sell);
        assertThat(ctx.clientOrderIdPrefix("rt-").nextClientOrderId().value()).isEqualTo("rt-3");
        // working: submitted, neither cancelled nor marked finished
        assertThat(ctx.workingOrders(BTC_ID)).containsExactly(sell);
        assertThat(ctx.finished(second).workingOrders(BTC_ID)).isEmpty();
        assertThatThrownBy(() -> ctx.workingOrders(ETH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ETHUSDT");
    }

    @Test
    void whatTheSpiRefusesIsRefused() {
        FakeStrategyContext ctx = new FakeStrategyContext(BTC);
        assertThatThrownBy(() -> ctx.emit(Signal.of(ETH, SignalDirection.LONG, 0L, "other")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ETHUSDT");
        assertThatThrownBy(() -> ctx.submit(new MarketOrder(ctx.nextClientOrderId(), ETH, Side.BUY,
                OrderSize.base(BigDecimal.ONE)))).isInstanceOf(IllegalArgumentException.class);
        ClientOrderId id = ctx.nextClientOrderId();
        ctx.submit(new MarketOrder(id, BTC_ID, Side.BUY, OrderSize.base(BigDecimal.ONE)));
        assertThatThrownBy(() -> ctx.submit(new MarketOrder(id, BTC_ID, Side.SELL, OrderSize.base(BigDecimal.ONE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id.value());
        assertThat(ctx.submitted()).hasSize(1);
        assertThat(ctx.signals()).isEmpty();
        assertThatThrownBy(ctx::parameters).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theViewsAreWhatTheTestSet() {
        FakePortfolio account = new FakePortfolio().equity("10000").withPosition(BTC_ID, "0.5", "20000");
        FakeBarHistory history = new FakeBarHistory(5);
        FakeStrategyContext ctx = new FakeStrategyContext(BTC).portfolio(account).history(history)
                .at("1970-01-01T00:01:00Z");
        assertThat(ctx.portfolio()).isSameAs(account);
        assertThat(ctx.portfolio().position(BTC_ID).quantity()).isEqualTo(new BigDecimal("0.5"));
        assertThat(ctx.history()).isSameAs(history);
        assertThat(ctx.instrument()).isSameAs(BTC);
        assertThat(ctx.instanceId()).isEqualTo("strategy-1");
        assertThat(ctx.clock().millis()).isEqualTo(60_000L);
        assertThat(ctx.logger().getName()).endsWith("strategy-1");
    }

    @Test
    void parametersAreResolvedAgainstTheProvidersSchema() {
        ScriptedStrategyProvider provider = new ScriptedStrategyProvider();
        assertThat(TestParameters.of(provider, "sellAt", "7").getInt("sellAt")).isEqualTo(7);
        assertThat(TestParameters.of(provider, Map.of("buyAt", 4)).getInt("buyAt")).isEqualTo(4);
        assertThat(TestParameters.of(provider).getInt("buyAt")).isEqualTo(1);   // the schema's default
        assertThatThrownBy(() -> TestParameters.of(provider, "buyAt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestParameters.of(provider, "buyAt", "-1"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("buyAt");
        assertThatThrownBy(() -> TestParameters.of(provider, "period", "5"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("unknown parameter 'period'");
    }
}
