package io.quantplug.sdk.execution;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.BarHistory;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderAccepted;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.portfolio.PortfolioView;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.strategy.ExecutionReport;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.TimerEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** TWAP, VWAP and iceberg driven by hand through a hand-written context; every figure worked in the comments. */
class ExecutionAlgorithmsTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    private static final Instrument SPOT = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ZERO);
    /** 2023-03-01T00:00:00Z, a whole minute. */
    private static final long T0 = 1_677_628_800_000L;

    /** Records what the algorithms do; the test moves the clock and answers with fills. */
    static final class Context implements StrategyContext {
        long now = T0;
        int ids;
        final List<Order> submitted = new ArrayList<>();
        final List<ClientOrderId> canceled = new ArrayList<>();
        final Map<String, Long> timers = new LinkedHashMap<>();
        final List<ExecutionReport> reports = new ArrayList<>();

        @Override public String instanceId() { return "test-1"; }
        @Override public InstantSource clock() { return () -> Instant.ofEpochMilli(now); }
        @Override public Instrument instrument() { return SPOT; }
        @Override public BarHistory history() { throw new UnsupportedOperationException(); }
        @Override public PortfolioView portfolio() { throw new UnsupportedOperationException(); }
        @Override public Parameters parameters() { throw new UnsupportedOperationException(); }
        @Override public System.Logger logger() { return System.getLogger("test"); }
        @Override public void emit(Signal signal) { throw new UnsupportedOperationException(); }
        @Override public void submit(Order order) { submitted.add(order); }
        @Override public void cancel(ClientOrderId id) { canceled.add(id); }
        @Override public ClientOrderId nextClientOrderId() { return new ClientOrderId("c" + ++ids); }
        @Override public void scheduleTimer(String name, long timeMillis) { timers.put(name, timeMillis); }
        @Override public void reportExecution(ExecutionReport report) { reports.add(report); }

        BigDecimal quantity(int i) {
            Order o = submitted.get(i);
            return o instanceof MarketOrder m ? ((OrderSize.Base) m.size()).quantity() : ((LimitOrder) o).quantity();
        }

        OrderFilled fill(int i, String qty, String price, boolean complete) {
            Order o = submitted.get(i);
            BigDecimal q = new BigDecimal(qty);
            return new OrderFilled(new Fill(o.clientOrderId(), BTC, o.side(), new BigDecimal(price), q,
                    BigDecimal.ZERO, "USDT", Liquidity.TAKER, now), complete ? BigDecimal.ZERO : BigDecimal.ONE);
        }
    }

    @Test
    void twapSendsEqualSlicesOnItsTimersAndReportsItsSlippage() {
        Context ctx = new Context();
        Twap twap = new Twap(ctx, "entry", Side.BUY, new BigDecimal("1.000"), 60_000, 3);
        twap.start(100.0);
        // 1.000 / 3 rounded down to the lot: 0.333, 0.333, and the last takes 0.334; the first goes now
        assertThat(ctx.submitted).hasSize(1);
        assertThat(ctx.timers).containsExactly(Map.entry("entry#1", T0 + 20_000), Map.entry("entry#2", T0 + 40_000));
        assertThat(twap.onOrderEvent(ctx.fill(0, "0.333", "100.10", true))).isTrue();
        ctx.now = T0 + 20_000;
        assertThat(twap.onTimer(new TimerEvent("entry#1", ctx.now))).isTrue();
        twap.onOrderEvent(ctx.fill(1, "0.333", "100.20", true));
        ctx.now = T0 + 40_000;
        twap.onTimer(new TimerEvent("entry#2", ctx.now));
        assertThat(twap.done()).isFalse();
        twap.onOrderEvent(ctx.fill(2, "0.334", "100.60", true));
        assertThat(List.of(ctx.quantity(0), ctx.quantity(1), ctx.quantity(2)))
                .containsExactly(new BigDecimal("0.333"), new BigDecimal("0.333"), new BigDecimal("0.334"));
        assertThat(twap.onTimer(new TimerEvent("other", ctx.now))).isFalse();

        // average (0.333 x 100.10 + 0.333 x 100.20 + 0.334 x 100.60) / 1 = 33.3333 + 33.3666 + 33.6004 = 100.3003;
        // slippage (100.3003 - 100) / 100 x 10,000 = 30.03 bps
        ExecutionReport r = ctx.reports.get(0);
        assertThat(twap.done()).isTrue();
        assertThat(r.algorithm()).isEqualTo("twap");
        assertThat(r.averagePrice()).isEqualByComparingTo("100.3003");
        assertThat(r.filledQuantity()).isEqualByComparingTo("1");
        assertThat(r.slippageBps()).isCloseTo(30.03, within(1e-9));
        assertThat(r.childOrders()).isEqualTo(3);
        assertThat(r.startMillis()).isEqualTo(T0);
        assertThat(r.endMillis()).isEqualTo(T0 + 40_000);
    }

    @Test
    void vwapSizesItsSlicesByTheVolumeCurve() {
        Context ctx = new Context();
        VolumeCurve curve = new VolumeCurve(60_000, 3); // three 20-second buckets of each minute
        curve.add(T0 - 60_000 + 5_000, 1);   // bucket 0
        curve.add(T0 - 60_000 + 25_000, 3);  // bucket 1
        curve.add(T0 - 120_000 + 45_000, 6); // bucket 2 (an earlier minute)
        Vwap vwap = new Vwap(ctx, "exit", Side.SELL, new BigDecimal("1.000"), 60_000, 3, curve);
        vwap.start(100.0);
        // shares 1/10, 3/10, 6/10: 0.1, 0.3, and the last 1 - 0.4 = 0.6
        vwap.onOrderEvent(ctx.fill(0, "0.1", "99.90", true));
        ctx.now = T0 + 20_000;
        vwap.onTimer(new TimerEvent("exit#1", ctx.now));
        vwap.onOrderEvent(ctx.fill(1, "0.3", "99.80", true));
        ctx.now = T0 + 40_000;
        vwap.onTimer(new TimerEvent("exit#2", ctx.now));
        vwap.onOrderEvent(ctx.fill(2, "0.6", "99.50", true));
        assertThat(List.of(ctx.quantity(0), ctx.quantity(1), ctx.quantity(2)))
                .containsExactly(new BigDecimal("0.100"), new BigDecimal("0.300"), new BigDecimal("0.600"));
        // average 9.99 + 29.94 + 59.70 = 99.63; a sell: -(99.63 - 100) / 100 x 10,000 = 37 bps
        ExecutionReport r = ctx.reports.get(0);
        assertThat(r.algorithm()).isEqualTo("vwap");
        assertThat(r.averagePrice()).isEqualByComparingTo("99.63");
        assertThat(r.slippageBps()).isCloseTo(37.0, within(1e-9));
    }

    @Test
    void icebergShowsOneClipAtATimeUntilFilled() {
        Context ctx = new Context();
        Iceberg iceberg = new Iceberg(ctx, Side.BUY, new BigDecimal("1.0"), new BigDecimal("99.955"),
                new BigDecimal("0.4"));
        iceberg.start(100.0);
        // clips of 0.4, 0.4 and 0.2 at 99.95 (a buy's price rounded down to the 0.01 tick)
        LimitOrder first = (LimitOrder) ctx.submitted.get(0);
        assertThat(first.limitPrice()).isEqualByComparingTo("99.95");
        iceberg.onOrderEvent(new OrderAccepted(first.clientOrderId(), BTC, T0));
        iceberg.onOrderEvent(ctx.fill(0, "0.1", "99.95", false));
        assertThat(ctx.submitted).hasSize(1); // a partial fill shows no new clip
        iceberg.onOrderEvent(ctx.fill(0, "0.3", "99.95", true));
        assertThat(ctx.submitted).hasSize(2);
        iceberg.onOrderEvent(ctx.fill(1, "0.4", "99.95", true));
        iceberg.onOrderEvent(ctx.fill(2, "0.2", "99.95", true));
        assertThat(List.of(ctx.quantity(0), ctx.quantity(1), ctx.quantity(2))).extracting(BigDecimal::toPlainString)
                .containsExactly("0.400", "0.400", "0.200");
        // bought at 99.95 against 100 on arrival: (99.95 - 100) / 100 x 10,000 = -5 bps, a gain
        ExecutionReport r = ctx.reports.get(0);
        assertThat(r.algorithm()).isEqualTo("iceberg");
        assertThat(r.slippageBps()).isCloseTo(-5.0, within(1e-9));
        assertThat(r.childOrders()).isEqualTo(3);
    }

    @Test
    void aCanceledIcebergReportsWhatFilled() {
        Context ctx = new Context();
        Iceberg iceberg = new Iceberg(ctx, Side.SELL, new BigDecimal("1.0"), new BigDecimal("101"),
                new BigDecimal("0.5"));
        iceberg.start(100.0);
        iceberg.onOrderEvent(ctx.fill(0, "0.2", "101", false));
        iceberg.cancel();
        assertThat(ctx.canceled).containsExactly(ctx.submitted.get(0).clientOrderId());
        assertThat(ctx.reports).isEmpty(); // until the cancel is confirmed
        iceberg.onOrderEvent(new OrderCanceled(ctx.submitted.get(0).clientOrderId(), BTC, T0 + 1));
        ExecutionReport r = ctx.reports.get(0);
        assertThat(r.filledQuantity()).isEqualByComparingTo("0.2");
        // sold 0.2 at 101 against 100: -(101 - 100) / 100 x 10,000 = -100 bps, a gain
        assertThat(r.slippageBps()).isCloseTo(-100.0, within(1e-9));
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        Context ctx = new Context();
        assertThatIllegalArgumentException().isThrownBy(() -> new Twap(ctx, "t", Side.BUY, BigDecimal.ONE, 1000, 0))
                .withMessageContaining("slices must be 1 to 10,000, got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new Iceberg(ctx, Side.BUY, BigDecimal.ONE,
                BigDecimal.TEN, new BigDecimal("0.0001"))).withMessageContaining("display quantity must be at least");
        assertThatIllegalArgumentException().isThrownBy(() -> new VolumeCurve(10, 20))
                .withMessageContaining("cycle must be at least one ms per bucket");
        assertThatIllegalArgumentException().isThrownBy(() -> new Twap(ctx, "t", Side.BUY, BigDecimal.ONE, 1000, 2)
                .start(Double.NaN)).withMessageContaining("arrival price");
    }
}
