package io.quantplug.runtime.backtest;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One strategy instance subscribed to two instruments of a portfolio: it sees both instruments' bars merged in time
 * order, reads both histories, and its signals trade the instrument they name, in that instrument's session.
 */
class MultiInstrumentPortfolioTest {

    private static final InstrumentId A = InstrumentId.of("AAAUSDT", "BINANCE");
    private static final InstrumentId B = InstrumentId.of("BBBUSDT", "BINANCE");
    private static final long T0 = 1_700_000_000_000L;
    private static final List<String> SEEN = new ArrayList<>();

    /** Records what it sees; LONG A after A's bar 1, LONG B after B's bar 2, FLAT both after B's bar 4. */
    static final class Probe implements StrategyProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("probe", "Probe", "two instruments", ParameterSchema.of());
        }

        @Override
        public Strategy create(StrategyContext context) {
            assertThat(context.instruments()).extracting(Instrument::id).containsExactly(A, B);
            return new Strategy() {
                @Override
                public void onBar(Bar bar) {
                    int index = (int) ((bar.openTimeMillis() - T0) / 60_000L);
                    SEEN.add(bar.instrument().symbol() + index + ":" + context.history(A).size() + "/"
                            + context.history(B).size());
                    long now = context.clock().millis();
                    if (bar.instrument().equals(A) && index == 1) {
                        context.emit(new Signal(A, SignalDirection.LONG, 0.5, 1.0, now, "a", Map.of()));
                    } else if (bar.instrument().equals(B) && index == 2) {
                        context.emit(new Signal(B, SignalDirection.LONG, 0.5, 1.0, now, "b", Map.of()));
                    } else if (bar.instrument().equals(B) && index == 4) {
                        context.emit(Signal.of(A, SignalDirection.FLAT, now, "a out"));
                        context.emit(Signal.of(B, SignalDirection.FLAT, now, "b out"));
                    }
                }
            };
        }
    }

    @Test
    void oneInstanceSeesAndTradesBothInstruments() {
        SEEN.clear();
        PortfolioResult r = run(new PortfolioConfig.Linked(new ExtensionRef("probe", Map.of()), List.of(A, B)));
        assertThat(SEEN).startsWith("AAAUSDT0:1/0", "BBBUSDT0:1/1", "AAAUSDT1:2/1", "BBBUSDT1:2/2");
        assertThat(SEEN).hasSize(12);
        assertThat(r.trades()).extracting(RoundTrip::instrument).containsExactlyInAnyOrder(A, B);
        assertThat(r.trades()).extracting(RoundTrip::strategy).containsOnly("probe-1");
        RoundTrip a = r.trades().stream().filter(t -> t.instrument().equals(A)).findFirst().orElseThrow();
        RoundTrip b = r.trades().stream().filter(t -> t.instrument().equals(B)).findFirst().orElseThrow();
        // each fills at its own instrument's next open: A entered at bar 2, B at bar 3, both left at bar 5
        assertThat(a.entryTimeMillis()).isEqualTo(T0 + 2 * 60_000L);
        assertThat(a.entryPrice()).isEqualByComparingTo("102");
        assertThat(b.entryTimeMillis()).isEqualTo(T0 + 3 * 60_000L);
        assertThat(b.entryPrice()).isEqualByComparingTo("53");
        assertThat(a.exitTimeMillis()).isEqualTo(T0 + 5 * 60_000L);
        assertThat(b.exitTimeMillis()).isEqualTo(T0 + 5 * 60_000L);
    }

    private static final List<String> WORKING = new ArrayList<>();

    /**
     * Lists its working orders in each instrument: a market order on A from its signal until A's next open fills it;
     * a limit buy on B (10.004, rounded by the venue to the 0.01 tick) until it is cancelled.
     */
    static final class OrdersProbe implements StrategyProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("orders-probe", "Orders probe", "two instruments", ParameterSchema.of());
        }

        @Override
        public Strategy create(StrategyContext context) {
            return new Strategy() {
                private ClientOrderId limit;

                @Override
                public void onBar(Bar bar) {
                    int index = (int) ((bar.openTimeMillis() - T0) / 60_000L);
                    String at = bar.instrument().symbol().substring(0, 1) + index;
                    if (at.equals("A1")) {
                        context.emit(new Signal(A, SignalDirection.LONG, 0.5, 1.0, context.clock().millis(), "a",
                                Map.of()));
                    } else if (at.equals("B1")) {
                        limit = context.nextClientOrderId();
                        context.submit(new LimitOrder(limit, B, Side.BUY, new BigDecimal("1"),
                                new BigDecimal("10.004"), TimeInForce.GTC));
                    } else if (at.equals("B3")) {
                        context.cancel(limit);
                    }
                    WORKING.add(at + " " + describe(context.workingOrders(A)) + " "
                            + describe(context.workingOrders(B)));
                }
            };
        }

        private static String describe(List<Order> orders) {
            return orders.stream().map(o -> o instanceof LimitOrder l ? "limit@" + l.limitPrice().toPlainString()
                    : o.getClass().getSimpleName()).toList().toString();
        }
    }

    @Test
    void aStrategyListsItsWorkingOrdersInEachInstrument() {
        WORKING.clear();
        run(new PortfolioConfig.Linked(new ExtensionRef("orders-probe", Map.of()), List.of(A, B)));
        assertThat(WORKING).containsExactly(
                "A0 [] []", "B0 [] []",
                "A1 [MarketOrder] []", "B1 [MarketOrder] [limit@10.00]",
                "A2 [] [limit@10.00]", "B2 [] [limit@10.00]",
                "A3 [] [limit@10.00]", "B3 [] []",
                "A4 [] []", "B4 [] []", "A5 [] []", "B5 [] []");
    }

    @Test
    void aMultiInstrumentStrategyNeedsBooksForItsInstruments() {
        InstrumentId c = InstrumentId.of("CCCUSDT", "BINANCE");
        assertThatThrownBy(() -> run(new PortfolioConfig.Linked(new ExtensionRef("probe", Map.of()), List.of(A, c))))
                .isInstanceOf(BacktestConfigurationException.class)
                .hasMessageContaining("multi-instrument strategy probe trades CCCUSDT.BINANCE, which is not one of");
    }

    private static PortfolioResult run(PortfolioConfig.Linked linked) {
        Instrument a = Instrument.spot(A, "AAA", "USDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
                new BigDecimal("1"));
        Instrument b = Instrument.spot(B, "BBB", "USDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
                new BigDecimal("1"));
        List<Bar> barsA = new ArrayList<>();
        List<Bar> barsB = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            barsA.add(new Bar(A, Timeframe.M1, T0 + i * 60_000L, 100 + i, 100 + i, 100 + i, 100 + i, 1));
            barsB.add(new Bar(B, Timeframe.M1, T0 + i * 60_000L, 50 + i, 50 + i, 50 + i, 50 + i, 1));
        }
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(
                new ExtensionInfo(ExtensionKind.STRATEGY, new Probe(), null),
                new ExtensionInfo(ExtensionKind.STRATEGY, new OrdersProbe(), null)));
        PortfolioConfig config = new PortfolioConfig(new BigDecimal("10000"), BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(new PortfolioConfig.Book(a, Timeframe.M1, barsA, List.of(), null),
                        new PortfolioConfig.Book(b, Timeframe.M1, barsB, List.of(), null)),
                List.of(), null, List.of(), List.of(linked));
        return new PortfolioBacktester(catalog).run(config, (d, t) -> { });
    }
}
