package io.quantplug.runtime.internal.engine;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static io.quantplug.runtime.internal.engine.EngineFixtures.BTC;
import static io.quantplug.runtime.internal.engine.EngineFixtures.NO_PARAMETERS;
import static io.quantplug.runtime.internal.engine.EngineFixtures.PERP;
import static io.quantplug.runtime.internal.engine.EngineFixtures.SPOT;
import static io.quantplug.runtime.internal.engine.EngineFixtures.bar;
import static io.quantplug.runtime.internal.engine.EngineFixtures.closeOf;
import static io.quantplug.runtime.internal.engine.EngineFixtures.d;
import static io.quantplug.runtime.internal.engine.EngineFixtures.openOf;
import static io.quantplug.runtime.internal.engine.EngineFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A risk rule asks the session to close the position ({@link RiskContext#closePosition}): one engine market order,
 * owned by the rule, filled at the next bar's open, checked by the risk rules, reduce-only at the venue, and its
 * events handed to the strategy that opened the position. Capital 1,000 USDT, fee 10 bps, no slippage; bars 0..4 open
 * at 240, 250, 255, 260, 262.
 */
class PositionCloseTest {

    private final EngineFixtures.Recording recording = new EngineFixtures.Recording();
    private final List<OrderEvent> strategyEvents = new ArrayList<>();
    private final List<String> strategyView = new ArrayList<>();

    /** A rule that approves everything, remembers what it checked, and acts on each bar as the test says. */
    private static final class Guard implements RiskRule {
        final List<OrderIntent> checked = new ArrayList<>();
        private final BiConsumer<Integer, RiskContext> onBar;
        private int bars;

        Guard(BiConsumer<Integer, RiskContext> onBar) {
            this.onBar = onBar;
        }

        @Override
        public RiskDecision check(OrderIntent intent, RiskContext context) {
            checked.add(intent);
            return RiskDecision.approve();
        }

        @Override
        public void onFill(Fill fill, RiskContext context) {
            if (fill.clientOrderId().value().startsWith("risk-close")) {
                context.closePosition(BTC, "asked again as the close fills"); // flat by then: nothing
            }
        }

        @Override
        public void onBar(Bar bar, RiskContext context) {
            onBar.accept(bars++, context);
        }
    }

    /** LONG at bar 0's close (fills at bar 1's open, 250), FLAT at bar 2's close; writes down its view each bar. */
    private Strategy longThenFlat(io.quantplug.api.strategy.StrategyContext ctx) {
        return new Strategy() {
            private int index;

            @Override
            public void onBar(Bar bar) {
                int i = index++;
                strategyView.add(i + ": " + ctx.portfolio().position(BTC).quantity().toPlainString());
                if (i == 0 || i == 2) {
                    ctx.emit(Signal.of(BTC, i == 0 ? SignalDirection.LONG : SignalDirection.FLAT,
                            ctx.clock().millis(), "script"));
                }
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                strategyEvents.add(event);
            }
        };
    }

    private TradingSession run(io.quantplug.api.instrument.Instrument instrument, List<Bound<RiskRule>> rules,
                               java.util.function.Function<io.quantplug.api.strategy.StrategyContext, Strategy> s,
                               double... opens) {
        TradingSession session = EngineFixtures.session(instrument, "1000", "10", "0", null, rules, recording);
        session.addStrategy("s-1", "script", provider(s), NO_PARAMETERS);
        session.start();
        for (int i = 0; i < opens.length; i++) {
            session.onBar(bar(i, opens[i], opens[i]));
        }
        session.finish();
        return session;
    }

    @Test
    void aLongIsClosedAtTheNextOpenByOneOrderOfTheRuleHoweverOftenItAsks() {
        Guard guard = new Guard((bar, ctx) -> {
            if (bar == 0 || bar == 2) {
                ctx.closePosition(BTC, "drawdown too deep"); // bar 0: flat, nothing to close
            }
            if (bar == 2) {
                ctx.closePosition(BTC, "asked twice");
            }
        });
        TradingSession s = run(SPOT, List.of(new Bound<>("guard", guard)), this::longThenFlat, 240, 250, 255, 260, 262);

        // entry: floor_lot(1000 / (250 x 1.001)) = floor_lot(3.99600...) = 3.996 at bar 1's open
        assertThat(recording.submitted).extracting(x -> x.order().clientOrderId().value() + " " + x.strategy() + " "
                + x.timeMillis()).containsExactly("s-1-1 s-1 " + closeOf(0), "risk-close-1 guard " + closeOf(2));
        MarketOrder close = (MarketOrder) recording.submitted.get(1).order();
        assertThat(close.side()).isEqualTo(Side.SELL);
        assertThat(close.size()).isEqualTo(OrderSize.base(d("3.996")));
        assertThat(recording.reasons).containsExactly(
                java.util.Map.entry("risk-close-1", "risk rule guard: drawdown too deep"));
        // the strategy's own exit on the same close saw the close order working
        assertThat(recording.signals).extracting(EngineFixtures.Recording.SignalSeen::outcome)
                .containsExactly("ORDERED", "IGNORED: exit already working");
        // the rule checked it as a pure reduction of the engine's, sent for the rule
        OrderIntent intent = guard.checked.get(1);
        assertThat(intent.source()).isEqualTo("guard");
        assertThat(intent.reducesPosition()).isTrue();
        assertThat(intent.quantity()).isEqualByComparingTo("3.996");

        // filled at bar 3's open, 260: fee 3.996 x 260 x 0.001 = 1.03896
        Fill fill = recording.fills().get(1);
        assertThat(fill.timeMillis()).isEqualTo(openOf(3));
        assertThat(fill.price()).isEqualByComparingTo("260");
        assertThat(fill.fee()).isEqualByComparingTo("1.03896");
        // the trip is still the strategy's: 3.996 x (260 - 250) = 39.96 less fees 0.999 + 1.03896 = 37.92204
        RoundTrip trip = s.trades().get(0);
        assertThat(s.trades()).hasSize(1);
        assertThat(trip.strategy()).isEqualTo("s-1");
        assertThat(trip.exitReason()).isEqualTo(ExitReason.RISK_RULE);
        assertThat(trip.pnl()).isEqualByComparingTo("37.92204");
        assertThat(recording.positionOwners).containsExactly("s-1", "guard");
        // the strategy got the close order's events and reads a flat account from bar 3 on
        assertThat(strategyEvents).filteredOn(e -> e.clientOrderId().value().equals("risk-close-1"))
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("OrderAccepted", "OrderFilled");
        assertThat(strategyView).containsExactly("0: 0", "1: 3.996", "2: 3.996", "3: 0", "4: 0");
        assertThat(s.account().cash()).isEqualByComparingTo(d("1037.92204"));
    }

    @Test
    void theCloseOrderPassesTheRiskRulesAndAnotherRequestFollowsARefusal() {
        Guard guard = new Guard((bar, ctx) -> {
            if (bar == 2 || bar == 3) {
                ctx.closePosition(BTC, "bar " + bar);
            }
        });
        RiskRule strict = (intent, ctx) -> intent.order().clientOrderId().value().equals("risk-close-1")
                ? RiskDecision.reject("NOT_NOW", "not at this close") : RiskDecision.approve();
        // LONG at bar 0's close only: filled at bar 1's open, 250, then held
        TradingSession s = run(SPOT, List.of(new Bound<>("guard", guard), new Bound<>("strict", strict)),
                ctx -> bar -> {
                    if (bar.openTimeMillis() == openOf(0)) {
                        ctx.emit(Signal.of(BTC, SignalDirection.LONG, ctx.clock().millis(), "enter"));
                    }
                }, 240, 250, 255, 260, 262);

        // risk-close-1 (bar 2's close) refused by 'strict'; asked again at bar 3's close: risk-close-2
        assertThat(recording.rejections()).singleElement().satisfies(r -> {
            assertThat(r.clientOrderId().value()).isEqualTo("risk-close-1");
            assertThat(r.reason().ruleId()).isEqualTo("strict");
            assertThat(r.reason().code()).isEqualTo("NOT_NOW");
        });
        assertThat(recording.submitted).extracting(x -> x.order().clientOrderId().value() + " " + x.timeMillis())
                .containsExactly("s-1-1 " + closeOf(0), "risk-close-2 " + closeOf(3));
        assertThat(recording.reasons).containsEntry("risk-close-2", "risk rule guard: bar 3");
        // filled at bar 4's open, 262, before the end of the data
        assertThat(s.trades()).singleElement().satisfies(t -> {
            assertThat(t.exitReason()).isEqualTo(ExitReason.RISK_RULE);
            assertThat(t.exitPrice()).isEqualByComparingTo("262");
            assertThat(t.exitTimeMillis()).isEqualTo(openOf(4));
        });
    }

    @Test
    void aCloseThatFindsThePositionAlreadyClosedAtTheSameOpenIsCanceledNotReversed() {
        Guard guard = new Guard((bar, ctx) -> {
            if (bar == 2) {
                ctx.closePosition(BTC, "too risky");
            }
        });
        // buy 1 at bar 0's close (fills at 250), then a stop sell of 1 at 245; bar 3 opens at 240, below the stop
        TradingSession s = run(PERP, List.of(new Bound<>("guard", guard)), ctx -> new Strategy() {
            @Override
            public void onStart() {
                ctx.submit(new MarketOrder(ctx.nextClientOrderId(), BTC, Side.BUY, OrderSize.base(d("1"))));
            }

            @Override
            public void onBar(Bar bar) {
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                if (event instanceof OrderFilled f && f.fill().side() == Side.BUY) {
                    ctx.submit(new StopOrder(ctx.nextClientOrderId(), BTC, Side.SELL, d("1"), d("245"),
                            TimeInForce.GTC));
                }
            }
        }, 240, 250, 255, 240, 241);

        // the stop, older, filled first at the open 240; the close then had nothing to close
        assertThat(recording.events).filteredOn(e -> e.clientOrderId().value().equals("risk-close-1"))
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("OrderAccepted", "OrderCanceled");
        OrderCanceled canceled = (OrderCanceled) recording.events.stream()
                .filter(e -> e instanceof OrderCanceled && e.clientOrderId().value().equals("risk-close-1"))
                .findFirst().orElseThrow();
        assertThat(canceled.timeMillis()).isEqualTo(openOf(3));
        assertThat(s.account().position(BTC).quantity()).isEqualByComparingTo(BigDecimal.ZERO); // not short 1
        assertThat(s.trades()).singleElement().satisfies(t -> assertThat(t.exitReason()).isEqualTo(ExitReason.STOP));
    }

    @Test
    void aCloseOfAnotherInstrumentOrWithoutAReasonIsRefused() {
        List<String> refused = new ArrayList<>();
        Guard guard = new Guard((bar, ctx) -> {
            if (bar == 1) {
                for (Runnable ask : List.<Runnable>of(() -> ctx.closePosition(InstrumentId.of("ETHUSDT", "SIM"), "x"),
                        () -> ctx.closePosition(BTC, " "))) {
                    try {
                        ask.run();
                    } catch (IllegalArgumentException e) {
                        refused.add(e.getMessage());
                    }
                }
            }
        });
        run(SPOT, List.of(new Bound<>("guard", guard)), this::longThenFlat, 240, 250, 255);

        assertThat(refused).containsExactly("the session does not trade ETHUSDT.SIM", "closePosition needs a reason");
        // nothing was closed for the rule; the long was closed at the end of the data, with that reason
        assertThat(recording.reasons).containsOnlyKeys("end-of-data-1")
                .containsValue("end of data: the open position is closed at the last price");
    }
}
