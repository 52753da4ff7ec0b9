package io.quantplug.runtime.internal.engine;

import io.quantplug.api.market.Bar;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.Liquidity;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderFilled;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.TimerEvent;
import io.quantplug.runtime.analytics.EquityCurve;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.session.FaultAction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static io.quantplug.runtime.internal.engine.EngineFixtures.BTC;
import static io.quantplug.runtime.internal.engine.EngineFixtures.MINUTE;
import static io.quantplug.runtime.internal.engine.EngineFixtures.NO_PARAMETERS;
import static io.quantplug.runtime.internal.engine.EngineFixtures.SPOT;
import static io.quantplug.runtime.internal.engine.EngineFixtures.T0;
import static io.quantplug.runtime.internal.engine.EngineFixtures.bar;
import static io.quantplug.runtime.internal.engine.EngineFixtures.closeOf;
import static io.quantplug.runtime.internal.engine.EngineFixtures.d;
import static io.quantplug.runtime.internal.engine.EngineFixtures.openOf;
import static io.quantplug.runtime.internal.engine.EngineFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The session's event loop: fault policy for strategies, order events delivered only after the callback that
 * caused them returns, timers at their time, exit reasons of round trips, and the end-of-data close.
 */
class TradingSessionTest {

    private final EngineFixtures.Recording recording = new EngineFixtures.Recording();

    private static MarketOrder buy(StrategyContext ctx, String qty) {
        return new MarketOrder(ctx.nextClientOrderId(), BTC, Side.BUY, OrderSize.base(d(qty)));
    }

    @Test
    void strategyWhoseOnBarThrowsIsStoppedReportedAndTheSessionCompletes() {
        List<String> brokenCalls = new ArrayList<>();
        List<String> healthyCalls = new ArrayList<>();
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null, List.of(), recording);
        s.addStrategy("broken-1", "broken", provider("broken", ctx -> new Strategy() {
            private int bars;

            @Override
            public void onBar(Bar bar) {
                brokenCalls.add("onBar " + bars);
                if (bars++ == 1) {
                    ctx.submit(buy(ctx, "1"));
                    throw new IllegalStateException("indicator exploded");
                }
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                brokenCalls.add("onOrderEvent");
            }

            @Override
            public void onTimer(TimerEvent timer) {
                brokenCalls.add("onTimer");
            }

            @Override
            public void onStop() {
                brokenCalls.add("onStop");
            }
        }), NO_PARAMETERS);
        s.addStrategy("healthy-1", "healthy", provider("healthy", ctx -> bar -> healthyCalls.add("onBar")),
                NO_PARAMETERS);
        s.start();
        for (int i = 0; i < 4; i++) {
            s.onBar(bar(i, 100, 100));
        }
        s.finish();

        // two onBar calls, then nothing: not the events of the order it placed, not onStop
        assertThat(brokenCalls).containsExactly("onBar 0", "onBar 1");
        assertThat(healthyCalls).hasSize(4);
        assertThat(recording.faults).singleElement().satisfies(f -> {
            assertThat(f.extensionId()).isEqualTo("broken");
            assertThat(f.instanceId()).isEqualTo("broken-1");
            assertThat(f.callback()).isEqualTo("onBar");
            assertThat(f.action()).isEqualTo(FaultAction.STOPPED_INSTANCE);
            assertThat(f.error()).isEqualTo("IllegalStateException: indicator exploded");
            assertThat(f.timeMillis()).isEqualTo(closeOf(1));
        });
        assertThat(s.anyStrategyStopped()).isTrue();
        assertThat(s.barCount()).isEqualTo(4);
        assertThat(s.equity().size()).isEqualTo(5);
    }

    @Test
    void stoppedStrategysWorkingOrdersAreCanceledAndNeverFill() {
        TradingSession s = EngineFixtures.session(SPOT, "100000", "0", "0", null, List.of(), recording);
        s.addStrategy("broken-1", "broken", provider("broken", ctx -> new Strategy() {
            private int bars;

            @Override
            public void onBar(Bar bar) {
                if (bars++ == 0) {
                    // a resting buy limit far below the market, then a crash of the strategy
                    ctx.submit(new LimitOrder(ctx.nextClientOrderId(), BTC, Side.BUY, d("1"),
                            d("50"), TimeInForce.GTC));
                    throw new IllegalStateException("boom");
                }
            }
        }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(0, 100, 100));
        // the next bar trades down through 50: the order would fill if it were still working
        s.onBar(bar(1, 100, 40));
        s.finish();

        assertThat(recording.events).anySatisfy(e -> assertThat(e).isInstanceOf(OrderCanceled.class));
        assertThat(recording.events).noneSatisfy(e -> assertThat(e).isInstanceOf(OrderFilled.class));
        assertThat(s.account().position(BTC).isFlat()).isTrue();
    }

    @Test
    void orderEventsAreDeliveredAfterTheCallbackThatCausedThemReturns() {
        List<String> log = new ArrayList<>();
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null, List.of(), recording);
        s.addStrategy("s-1", "script", provider(ctx -> new Strategy() {
            private int bars;

            @Override
            public void onBar(Bar bar) {
                int i = bars++;
                log.add("onBar " + i + " begin");
                if (i == 0) {
                    ctx.submit(buy(ctx, "1"));
                }
                log.add("onBar " + i + " end");
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                log.add(event.getClass().getSimpleName() + " begin");
                if (event instanceof OrderFilled f && f.fill().side() == Side.BUY) {
                    ctx.submit(new MarketOrder(ctx.nextClientOrderId(), BTC, Side.SELL, OrderSize.base(d("1"))));
                }
                log.add(event.getClass().getSimpleName() + " end");
            }
        }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(0, 100, 100));
        s.onBar(bar(1, 101, 102));
        s.onBar(bar(2, 103, 104));

        assertThat(log).containsExactly(
                "onBar 0 begin", "onBar 0 end",
                "OrderAccepted begin", "OrderAccepted end",
                // bar 1: the buy fills at the open, before the strategy sees the bar
                "OrderFilled begin", "OrderFilled end",
                "OrderAccepted begin", "OrderAccepted end",
                "onBar 1 begin", "onBar 1 end",
                // the sell submitted from the fill callback waited for bar 2
                "OrderFilled begin", "OrderFilled end",
                "onBar 2 begin", "onBar 2 end");
        assertThat(recording.fills()).extracting(Fill::timeMillis).containsExactly(openOf(1), openOf(2));
        assertThat(recording.fills()).extracting(f -> f.price().doubleValue()).containsExactly(101.0, 103.0);
    }

    @Test
    void timersFireAtTheirTimeBeforeTheNextMarketEvent() {
        List<String> log = new ArrayList<>();
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null, List.of(), recording);
        s.addStrategy("s-1", "script", provider(ctx -> new Strategy() {
            private int bars;

            @Override
            public void onBar(Bar bar) {
                log.add("onBar " + bars + " @" + (ctx.clock().millis() - T0) / 1000);
                if (bars++ == 0) {
                    // now is T0+60s, bar 0's close
                    ctx.scheduleTimer("inside-bar-1", T0 + 90_000);
                    ctx.scheduleTimer("already-past", T0 + 30_000);
                    ctx.scheduleTimer("at-open-of-bar-2", T0 + 120_000);
                    ctx.submit(buy(ctx, "1"));
                }
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                log.add(event.getClass().getSimpleName() + " @" + (event.timeMillis() - T0) / 1000);
            }

            @Override
            public void onTimer(TimerEvent timer) {
                log.add("timer " + timer.name() + " due " + (timer.timeMillis() - T0) / 1000 + " clock "
                        + (ctx.clock().millis() - T0) / 1000);
            }
        }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(0, 100, 100));
        s.onBar(bar(1, 101, 102));
        s.onBar(bar(2, 103, 104));

        assertThat(log).containsExactly(
                "onBar 0 @60",
                "OrderAccepted @60",
                // a time already past fires first, before bar 1 is matched; the clock does not go back
                "timer already-past due 30 clock 60",
                "OrderFilled @60",
                // inside bar 1's minute, before the strategy sees bar 1 at its close
                "timer inside-bar-1 due 90 clock 90",
                "onBar 1 @120",
                "timer at-open-of-bar-2 due 120 clock 120",
                "onBar 2 @180");
    }

    /**
     * Buys 1 at bar 0's close (fills at bar 1's open 100) and, once filled, places the exit the test asks for.
     */
    private TradingSession roundTrip(BiFunction<StrategyContext, ClientOrderId, Order> exit, Bar... later) {
        TradingSession s = EngineFixtures.session(SPOT, "1000", "10", "0", null, List.of(), recording);
        s.addStrategy("s-1", "script", provider(ctx -> new Strategy() {
            private boolean entered;

            @Override
            public void onBar(Bar bar) {
                if (!entered) {
                    entered = true;
                    ctx.submit(buy(ctx, "1"));
                }
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                if (event instanceof OrderFilled f && f.fill().side() == Side.BUY) {
                    ctx.submit(exit.apply(ctx, ctx.nextClientOrderId()));
                }
            }
        }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(0, 100, 100));
        s.onBar(bar(1, 100, 100));
        for (Bar b : later) {
            s.onBar(b);
        }
        return s;
    }

    @Test
    void directMarketExitIsRecordedAsMarket() {
        TradingSession s = roundTrip((ctx, id) -> new MarketOrder(id, BTC, Side.SELL, OrderSize.base(d("1"))),
                bar(2, 105, 106));
        RoundTrip t = s.trades().get(0);
        assertThat(t.exitReason()).isEqualTo(ExitReason.MARKET);
        // gross 105 - 100 = 5; fees 0.1 + 0.105 = 0.205
        assertThat(t.pnl()).isEqualByComparingTo("4.795");
    }

    @Test
    void limitExitIsRecordedAsLimit() {
        TradingSession s = roundTrip((ctx, id) -> new LimitOrder(id, BTC, Side.SELL, d("1"), d("110"),
                TimeInForce.GTC), bar(2, 105, 108), bar(3, 108, 111, 107, 109));
        RoundTrip t = s.trades().get(0);
        assertThat(t.exitReason()).isEqualTo(ExitReason.LIMIT);
        assertThat(t.exitPrice()).isEqualByComparingTo("110");
        assertThat(t.exitTimeMillis()).isEqualTo(openOf(3));
    }

    @Test
    void stopExitIsRecordedAsStop() {
        TradingSession s = roundTrip((ctx, id) -> new StopOrder(id, BTC, Side.SELL, d("1"), d("95"),
                TimeInForce.GTC), bar(2, 99, 100, 96, 97), bar(3, 97, 98, 94, 95));
        RoundTrip t = s.trades().get(0);
        assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
        assertThat(t.exitPrice()).isEqualByComparingTo("95");
    }

    @Test
    void signalExitIsRecordedAsSignal() {
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null, List.of(), recording);
        s.addStrategy("s-1", "script", provider(ctx -> new Strategy() {
            private int bars;

            @Override
            public void onBar(Bar bar) {
                SignalDirection d = bars == 0 ? SignalDirection.LONG : bars == 1 ? SignalDirection.FLAT : null;
                bars++;
                if (d != null) {
                    ctx.emit(Signal.of(BTC, d, ctx.clock().millis(), "test"));
                }
            }
        }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(0, 100, 100));
        s.onBar(bar(1, 100, 100));
        s.onBar(bar(2, 100, 100));
        assertThat(s.trades()).singleElement().satisfies(t -> assertThat(t.exitReason()).isEqualTo(ExitReason.SIGNAL));
    }

    @Test
    void positionOpenAtTheEndIsClosedAtTheLastCloseWithFeeAndNoSlippage() {
        List<String> strategyLog = new ArrayList<>();
        // fee 10 bps, slippage 50 bps
        TradingSession s = EngineFixtures.session(SPOT, "1000", "10", "50", null, List.of(), recording);
        s.addStrategy("s-1", "script", provider(ctx -> new Strategy() {
            private boolean entered;

            @Override
            public void onBar(Bar bar) {
                if (!entered) {
                    entered = true;
                    ctx.emit(Signal.of(BTC, SignalDirection.LONG, ctx.clock().millis(), "enter"));
                }
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                strategyLog.add(event.getClass().getSimpleName());
            }

            @Override
            public void onStop() {
                strategyLog.add("onStop");
            }
        }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(0, 240, 240));
        s.onBar(bar(1, 250, 255));
        s.onBar(bar(2, 255, 262.5));
        s.finish();

        // entry at 250 * 1.005 = 251.25; floor_lot(1000 / (251.25 * 1.001)) = floor_lot(3.97612...) = 3.976;
        // notional 3.976 * 251.25 = 998.97, fee 0.99897: cash 0.03103
        // exit at bar 2's close 262.50 without slippage (with it: 261.18): proceeds 3.976 * 262.5 = 1043.7,
        // fee 1.0437: cash 0.03103 + 1043.7 - 1.0437 = 1042.68733
        RoundTrip t = s.trades().get(0);
        assertThat(t.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        assertThat(t.strategy()).isEqualTo("s-1");
        assertThat(t.entryPrice()).isEqualByComparingTo("251.25");
        assertThat(t.exitPrice()).isEqualByComparingTo("262.5");
        assertThat(t.exitTimeMillis()).isEqualTo(closeOf(2));
        // gross 3.976 * 11.25 = 44.73; fees 0.99897 + 1.0437 = 2.04267; pnl 42.68733
        assertThat(t.grossPnl()).isEqualByComparingTo("44.73");
        assertThat(t.fees()).isEqualByComparingTo("2.04267");
        assertThat(t.pnl()).isEqualByComparingTo("42.68733");
        assertThat(s.account().position(BTC).isFlat()).isTrue();
        assertThat(s.account().cash()).isEqualByComparingTo("1042.68733");

        Fill last = recording.fills().get(1);
        assertThat(last.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(last.fee()).isEqualByComparingTo("1.0437");
        // the last equity point is the equity after the close
        EquityCurve curve = s.equity();
        assertThat(curve.equity(curve.size() - 1)).isCloseTo(1042.68733, org.assertj.core.data.Offset.offset(1e-9));
        // the strategy hears of the close before it is stopped
        assertThat(strategyLog).endsWith("OrderFilled", "onStop");
    }

    @Test
    void workingOrdersAreCanceledAtTheEnd() {
        List<OrderEvent> seen = new ArrayList<>();
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null, List.of(), recording);
        s.addStrategy("s-1", "script", provider(ctx -> new Strategy() {
            @Override
            public void onBar(Bar bar) {
                if (!ctx.history().get(0).equals(bar)) {
                    throw new AssertionError("history does not hold the bar");
                }
                if (ctx.history().size() == 1) {
                    ctx.submit(new LimitOrder(ctx.nextClientOrderId(), BTC, Side.BUY, d("1"), d("50"),
                            TimeInForce.GTC));
                }
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                seen.add(event);
            }
        }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(0, 100, 100));
        s.onBar(bar(1, 100, 100));
        s.finish();
        assertThat(seen).last().isInstanceOf(OrderCanceled.class);
        assertThat(seen.get(seen.size() - 1).timeMillis()).isEqualTo(closeOf(1));
        assertThat(s.account().cash()).isEqualByComparingTo("1000");
    }

    @Test
    void barOutOfTimeOrderOrOfAnotherInstrumentIsRefused() {
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null, List.of(), recording);
        s.addStrategy("s-1", "script", provider(ctx -> bar -> { }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(1, 100, 100));
        assertThatIllegalStateException().isThrownBy(() -> s.onBar(bar(0, 100, 100)));
        Bar eth = new Bar(io.quantplug.api.instrument.InstrumentId.of("ETHUSDT", "SIM"),
                io.quantplug.api.market.Timeframe.M1, T0 + 5 * MINUTE, 1, 1, 1, 1, 1);
        assertThatIllegalArgumentException().isThrownBy(() -> s.onBar(eth));
        assertThat(s.barCount()).isEqualTo(1);
    }
}
