package io.quantplug.runtime.backtest;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.strategy.ExecutionReport;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.TickSink;
import io.quantplug.runtime.session.TickSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A backtest on a replay of ticks, from the public API: {@link Backtester#open} on a {@link TickSource}, with orders
 * filled on the replayed book ({@link BacktestRun#fillOnBook}) or on the bars. Every figure is worked by hand in the
 * comments.
 */
class TickBacktestTest {

    private static final long T0 = 1_677_628_800_000L;
    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    private static final Instrument SPOT = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.001"), BigDecimal.ZERO);

    /** Buys 1.5 BTC at market on the first trade it sees. */
    static final class BuyOnFirstTrade implements StrategyProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("buy-on-first-trade", "Buy on the first trade", "A test strategy.",
                    ParameterSchema.empty());
        }

        @Override
        public Strategy create(StrategyContext ctx) {
            return new Strategy() {
                private boolean bought;

                @Override
                public void onBar(Bar bar) {
                }

                @Override
                public void onTrade(TradeTick trade) {
                    if (!bought) {
                        bought = true;
                        ctx.submit(new MarketOrder(ctx.nextClientOrderId(), BTC, Side.BUY,
                                OrderSize.base(new BigDecimal("1.5"))));
                    }
                }
            };
        }
    }

    /** Buys 1.5 BTC at market on the first trade and reports the execution against the mid then, 99.75. */
    static final class ReportingBuy implements StrategyProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("reporting-buy", "Reporting buy", "A test strategy.",
                    ParameterSchema.empty());
        }

        @Override
        public Strategy create(StrategyContext ctx) {
            return new Strategy() {
                private long start = -1;
                private BigDecimal filled = BigDecimal.ZERO;
                private BigDecimal notional = BigDecimal.ZERO;

                @Override
                public void onBar(Bar bar) {
                }

                @Override
                public void onTrade(TradeTick trade) {
                    if (start < 0) {
                        start = ctx.clock().millis();
                        ctx.submit(new MarketOrder(ctx.nextClientOrderId(), BTC, Side.BUY,
                                OrderSize.base(new BigDecimal("1.5"))));
                    }
                }

                @Override
                public void onOrderEvent(OrderEvent event) {
                    if (event instanceof OrderFilled f) {
                        filled = filled.add(f.fill().quantity());
                        notional = notional.add(f.fill().quantity().multiply(f.fill().price()));
                        if (f.complete()) {
                            ctx.reportExecution(new ExecutionReport("market", BTC, Side.BUY, new BigDecimal("1.5"),
                                    filled, 99.75, notional.divide(filled, java.math.MathContext.DECIMAL64), start,
                                    ctx.clock().millis(), 1));
                        }
                    }
                }
            };
        }
    }

    /** A scripted replay: trades, books and bars in the order given. */
    static final class Scripted implements TickSource {
        private final List<Object> events;
        private int next;

        Scripted(Object... events) {
            this.events = List.of(events);
        }

        @Override
        public long startMillis() {
            return T0;
        }

        @Override
        public Bar next(TickSink sink) {
            while (next < events.size()) {
                Object e = events.get(next++);
                if (e instanceof Bar b) {
                    return b;
                } else if (e instanceof TradeTick t) {
                    sink.onTrade(t);
                } else {
                    sink.onOrderBook((OrderBookSnapshot) e);
                }
            }
            return null;
        }

        @Override
        public boolean paced() {
            return false;
        }
    }

    private static OrderBookSnapshot book(long t, double firstAskQuantity) {
        return new OrderBookSnapshot(BTC, t, List.of(new BookLevel(99.5, 3)),
                List.of(new BookLevel(100, firstAskQuantity), new BookLevel(100.5, 0.4), new BookLevel(101, 2)));
    }

    private static Scripted replay() {
        return new Scripted(
                book(T0 + 10, 1.0),
                new TradeTick(BTC, T0 + 100, 99.5, 0.1, Side.SELL, "1"), // the strategy buys here
                book(T0 + 120, 0.2), // 0.8 of the best ask taken by someone else
                new TradeTick(BTC, T0 + 200, 100, 0.8, Side.BUY, "2"),
                new Bar(BTC, Timeframe.M1, T0, 99.5, 100, 99.5, 100, 0.9),
                new TradeTick(BTC, T0 + 60_100, 102, 0.5, Side.BUY, "3"),
                new Bar(BTC, Timeframe.M1, T0 + 60_000, 102, 102, 102, 102, 0.5));
    }

    /** The fills of the run, in order. */
    private final List<Fill> fills = new ArrayList<>();

    private BacktestRun open(io.quantplug.runtime.session.BarSource source) {
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(new ExtensionInfo(ExtensionKind.STRATEGY,
                new BuyOnFirstTrade(), "test")));
        BacktestConfig config = new BacktestConfig(SPOT, new BigDecimal("1000"), new BigDecimal("10"),
                BigDecimal.ZERO, new ExtensionRef("buy-on-first-trade", Map.of()), List.of(), null, List.of());
        return new Backtester(catalog).open(config, Timeframe.M1, source, new SessionListener() {
            @Override
            public void onOrderEvent(String strategy, OrderEvent event) {
                if (event instanceof OrderFilled f) {
                    fills.add(f.fill());
                }
            }
        });
    }

    @Test
    void aMarketOrderWalksTheReplayedBookLevelByLevel() {
        BacktestResult r = open(replay()).fillOnBook(BookFills.of(new BigDecimal("10"))).run(BacktestProgress.NONE);

        // at T0+100 the asks are 100 x 1.0, 100.5 x 0.4, 101 x 2: 1.5 takes 1.0 @ 100, 0.4 @ 100.5, 0.1 @ 101
        List<Fill> entry = fills.subList(0, 3);
        assertThat(entry).extracting(f -> f.price().toPlainString() + " x " + f.quantity().toPlainString())
                .containsExactly("100.00 x 1.000", "100.50 x 0.400", "101.00 x 0.100");
        // taker fee 10 bps of each: 0.1, 0.0402, 0.0101
        assertThat(entry).extracting(f -> f.fee().stripTrailingZeros().toPlainString())
                .containsExactly("0.1", "0.0402", "0.0101");
        assertThat(entry).allSatisfy(f -> assertThat(f.timeMillis()).isEqualTo(T0 + 100));
        // average entry (100 + 40.2 + 10.1) / 1.5 = 100.2; the round trip closes at the end at 102
        assertThat(r.trades()).singleElement().satisfies(t ->
                assertThat(t.entryPrice()).isEqualByComparingTo("100.2"));
    }

    @Test
    void withEntryLatencyTheOrderWalksTheBookAsItStandsWhenItArrives() {
        BookFills latency = new BookFills(new BigDecimal("10"), new BigDecimal("10"), 20, 30, 0,
                BookFills.Queue.RISK_AVERSE, 1);
        BacktestResult r = open(replay()).fillOnBook(latency).run(BacktestProgress.NONE);

        // decided at T0+100, it reaches the venue at T0+150 (20 ms feed + 30 ms entry), after the book of T0+120
        // left 0.2 at 100: 0.2 @ 100, 0.4 @ 100.5, 0.9 @ 101; average (20 + 40.2 + 90.9) / 1.5 = 100.7333...
        List<Fill> entry = fills.subList(0, 3);
        assertThat(entry).extracting(f -> f.price().toPlainString() + " x " + f.quantity().toPlainString())
                .containsExactly("100.00 x 0.200", "100.50 x 0.400", "101.00 x 0.900");
        assertThat(entry).allSatisfy(f -> assertThat(f.timeMillis()).isEqualTo(T0 + 150));
    }

    @Test
    void withoutBookFillsTheOrderFillsAtTheNextBarsOpen() {
        BacktestResult r = open(replay()).run(BacktestProgress.NONE);

        // placed inside bar 0 (opened at T0, before the order): it fills at bar 1's open, 102
        assertThat(fills.get(0).price()).isEqualByComparingTo("102");
        assertThat(fills.get(0).quantity()).isEqualByComparingTo("1.5");
        assertThat(r.barCount()).isEqualTo(2);
    }

    @Test
    void anExecutionReportGoesIntoTheResultAndResultJson() throws Exception {
        ExtensionCatalog catalog = ExtensionCatalog.of(List.of(new ExtensionInfo(ExtensionKind.STRATEGY,
                new ReportingBuy(), "test")));
        BacktestConfig config = new BacktestConfig(SPOT, new BigDecimal("1000"), new BigDecimal("10"),
                BigDecimal.ZERO, new ExtensionRef("reporting-buy", Map.of()), List.of(), null, List.of());
        BacktestResult r = new Backtester(catalog).open(config, Timeframe.M1, replay(), new SessionListener() { })
                .fillOnBook(BookFills.of(new BigDecimal("10"))).run(BacktestProgress.NONE);

        // the walk of the first test: average 100.2; against the mid on arrival, 99.75:
        // (100.2 - 99.75) / 99.75 x 10,000 = 45.11278195... bps
        assertThat(r.executions()).singleElement().satisfies(e -> {
            assertThat(e.strategy()).isEqualTo("reporting-buy-1");
            assertThat(e.report().averagePrice()).isEqualByComparingTo("100.2");
            assertThat(e.report().slippageBps()).isCloseTo(45.112781954887, org.assertj.core.data.Offset.offset(1e-9));
        });
        com.fasterxml.jackson.databind.JsonNode doc = io.quantplug.runtime.report.ResultJson.mapper()
                .valueToTree(io.quantplug.runtime.report.ResultDocument.of(r));
        com.fasterxml.jackson.databind.JsonNode e = doc.get("executions").get(0);
        assertThat(e.get("algorithm").asText()).isEqualTo("market");
        assertThat(e.get("side").asText()).isEqualTo("BUY");
        assertThat(e.get("averagePrice").decimalValue()).isEqualByComparingTo("100.2");
        assertThat(e.get("slippageBps").asDouble()).isCloseTo(45.112781954887, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(e.get("start").asText()).isEqualTo("2023-03-01T00:00:00.100Z");
    }

    @Test
    void bookFillsNeedAReplayOfTicks() {
        BacktestRun onBars = open(io.quantplug.runtime.session.BarSource.of(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> onBars.fillOnBook(BookFills.of(BigDecimal.ZERO)))
                .withMessageContaining("replay of ticks");
    }
}
