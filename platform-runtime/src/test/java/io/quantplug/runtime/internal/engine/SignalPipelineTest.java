package io.quantplug.runtime.internal.engine;

import io.quantplug.api.enhancement.PositionSizer;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.order.Side;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.PositionSide;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.session.FaultAction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * From signal to order: quote-sized entries of the signal's strength times the cash without a sizer, repeated
 * signals ignored, FLAT closes everything, SHORT refused on spot, reversals on a perpetual. Capital 1,000, fee 10 bps, no slippage, lot 0.001.
 */
class SignalPipelineTest {

    private final EngineFixtures.Recording recording = new EngineFixtures.Recording();

    /** A strategy that emits the planned direction on the bar of that index (0-based). */
    private static StrategyProvider signals(Map<Integer, SignalDirection> plan) {
        return provider(ctx -> new Strategy() {
            private int index;

            @Override
            public void onBar(Bar bar) {
                SignalDirection d = plan.get(index++);
                if (d != null) {
                    ctx.emit(Signal.of(bar.instrument(), d, ctx.clock().millis(), "planned " + d));
                }
            }
        });
    }

    private TradingSession run(Instrument instrument, Bound<PositionSizer> sizer, Map<Integer, SignalDirection> plan,
                               Bar... bars) {
        TradingSession s = EngineFixtures.session(instrument, "1000", "10", "0", sizer, List.of(), recording);
        s.addStrategy("s-1", "script", signals(plan), NO_PARAMETERS);
        s.start();
        for (Bar b : bars) {
            s.onBar(b);
        }
        return s;
    }

    @Test
    void longWithoutSizerInvestsAllCashAsAQuoteAmountFilledAtTheNextOpen() {
        TradingSession s = run(SPOT, null, Map.of(0, SignalDirection.LONG),
                bar(0, 240, 240), bar(1, 250, 255));

        assertThat(recording.submitted).singleElement().satisfies(sub -> {
            assertThat(sub.timeMillis()).isEqualTo(closeOf(0));
            MarketOrder m = (MarketOrder) sub.order();
            assertThat(m.side()).isEqualTo(Side.BUY);
            assertThat(((OrderSize.Quote) m.size()).notional()).isEqualByComparingTo("1000");
        });
        Fill fill = recording.fills().get(0);
        // at bar 1's open 250 (not bar 0's close 240): floor_lot(1000 / (250 * 1.001)) = 3.996
        assertThat(fill.timeMillis()).isEqualTo(openOf(1));
        assertThat(fill.price()).isEqualByComparingTo("250");
        assertThat(fill.quantity()).isEqualByComparingTo("3.996");
        // cash 1000 - 999 - 0.999 = 0.001
        assertThat(s.account().cash()).isEqualByComparingTo("0.001");
        assertThat(s.account().position(BTC).quantity()).isEqualByComparingTo("3.996");
    }

    /** A strategy that emits the direction with the given strength on the first bar. */
    private static StrategyProvider signalOfStrength(SignalDirection direction, double strength) {
        return provider(ctx -> new Strategy() {
            private boolean done;

            @Override
            public void onBar(Bar bar) {
                if (!done) {
                    done = true;
                    ctx.emit(new Signal(bar.instrument(), direction, strength, 1.0, ctx.clock().millis(),
                            "strength " + strength, Map.of()));
                }
            }
        });
    }

    private TradingSession runStrength(Instrument instrument, SignalDirection direction, double strength,
                                       Bar... bars) {
        TradingSession s = EngineFixtures.session(instrument, "1000", "10", "0", null, List.of(), recording);
        s.addStrategy("s-1", "script", signalOfStrength(direction, strength), NO_PARAMETERS);
        s.start();
        for (Bar b : bars) {
            s.onBar(b);
        }
        return s;
    }

    @Test
    void withoutSizerALongOfStrengthBelowOneInvestsThatShareOfTheCash() {
        TradingSession s = runStrength(SPOT, SignalDirection.LONG, 0.25, bar(0, 240, 240), bar(1, 250, 255));

        // 0.25 x 1000 = 250 as the quote amount; at bar 1's open 250: floor_lot(250 / (250 x 1.001)) = 0.999
        assertThat(((OrderSize.Quote) recording.submitted.get(0).order().size()).notional())
                .isEqualByComparingTo("250");
        assertThat(s.account().position(BTC).quantity()).isEqualByComparingTo("0.999");
        // cash 1000 - 0.999 x 250 - fee 10 bps of 249.75 = 1000 - 249.75 - 0.24975 = 750.00025
        assertThat(s.account().cash()).isEqualByComparingTo("750.00025");
    }

    @Test
    void withoutSizerAShortOfStrengthBelowOneSellsThatShareOfWhatTheCashCovers() {
        TradingSession s = runStrength(PERP, SignalDirection.SHORT, 0.5, bar(0, 250, 250), bar(1, 250, 245));

        // floor_lot(0.5 x 1000 / 250) = 2 sold at bar 1's open 250: cash 1000 + 500 - fee 0.5 = 1499.5
        assertThat(s.account().position(BTC).quantity()).isEqualByComparingTo("-2");
        assertThat(s.account().cash()).isEqualByComparingTo("1499.5");
    }

    @Test
    void withoutSizerAnEntryOfStrengthZeroIsNotOrdered() {
        runStrength(SPOT, SignalDirection.LONG, 0.0, bar(0, 240, 240), bar(1, 250, 255));

        assertThat(recording.submitted).isEmpty();
    }

    @Test
    void longWhenAlreadyLongIsIgnored() {
        TradingSession s = run(SPOT, null, Map.of(0, SignalDirection.LONG, 1, SignalDirection.LONG),
                bar(0, 240, 240), bar(1, 250, 255), bar(2, 255, 256));

        assertThat(recording.signals).extracting(EngineFixtures.Recording.SignalSeen::outcome)
                .containsExactly("ORDERED", "IGNORED: already long");
        assertThat(recording.submitted).hasSize(1);
        assertThat(s.account().position(BTC).quantity()).isEqualByComparingTo("3.996");
    }

    @Test
    void secondLongWhileTheFirstEntryIsWorkingIsIgnored() {
        TradingSession s = EngineFixtures.session(SPOT, "1000", "10", "0", null, List.of(), recording);
        s.addStrategy("s-1", "script", provider(ctx -> bar -> {
            ctx.emit(Signal.of(BTC, SignalDirection.LONG, ctx.clock().millis(), "first"));
            ctx.emit(Signal.of(BTC, SignalDirection.LONG, ctx.clock().millis(), "second"));
        }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(0, 240, 240));
        assertThat(recording.signals).extracting(EngineFixtures.Recording.SignalSeen::outcome)
                .containsExactly("ORDERED", "IGNORED: entry already working");
        assertThat(recording.submitted).hasSize(1);
    }

    @Test
    void flatClosesTheWholePosition() {
        TradingSession s = run(SPOT, null, Map.of(0, SignalDirection.LONG, 2, SignalDirection.FLAT),
                bar(0, 240, 240), bar(1, 250, 255), bar(2, 255, 258), bar(3, 260, 261));

        MarketOrder exit = (MarketOrder) recording.submitted.get(1).order();
        assertThat(exit.side()).isEqualTo(Side.SELL);
        assertThat(((OrderSize.Base) exit.size()).quantity()).isEqualByComparingTo("3.996");
        assertThat(s.account().position(BTC).isFlat()).isTrue();
        // proceeds 3.996 * 260 = 1038.96, fee 1.03896: cash 0.001 + 1038.96 - 1.03896 = 1037.92204
        assertThat(s.account().cash()).isEqualByComparingTo("1037.92204");
        assertThat(s.trades()).singleElement().satisfies(t -> {
            assertThat(t.exitReason()).isEqualTo(ExitReason.SIGNAL);
            // gross 3.996 * (260 - 250) = 39.96; fees 0.999 + 1.03896 = 2.03796; pnl 37.92204
            assertThat(t.grossPnl()).isEqualByComparingTo("39.96");
            assertThat(t.pnl()).isEqualByComparingTo("37.92204");
        });
    }

    @Test
    void flatWhenFlatIsIgnored() {
        run(SPOT, null, Map.of(0, SignalDirection.FLAT), bar(0, 240, 240));
        assertThat(recording.signals.get(0).outcome()).isEqualTo("IGNORED: already flat");
        assertThat(recording.submitted).isEmpty();
    }

    @Test
    void shortOnASpotInstrumentIsRefusedByTheEngine() {
        TradingSession s = run(SPOT, null, Map.of(0, SignalDirection.SHORT), bar(0, 240, 240), bar(1, 250, 255));

        assertThat(recording.rejections()).singleElement().satisfies(r -> {
            assertThat(r.reason().source()).isEqualTo(RejectSource.ENGINE);
            assertThat(r.reason().code()).isEqualTo("SHORT_NOT_ALLOWED");
            assertThat(r.timeMillis()).isEqualTo(closeOf(0));
        });
        // nothing reached the venue
        assertThat(recording.submitted).isEmpty();
        assertThat(s.account().position(BTC).isFlat()).isTrue();
        assertThat(s.account().cash()).isEqualByComparingTo("1000");
    }

    @Test
    void shortOnASpotInstrumentStillClosesTheLong() {
        TradingSession s = run(SPOT, null, Map.of(0, SignalDirection.LONG, 1, SignalDirection.SHORT),
                bar(0, 240, 240), bar(1, 250, 255), bar(2, 260, 260));

        assertThat(recording.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason().code()).isEqualTo("SHORT_NOT_ALLOWED"));
        assertThat(s.account().position(BTC).isFlat()).isTrue();
        assertThat(s.trades()).hasSize(1);
    }

    @Test
    void shortOnAPerpetualSellsWhatTheCashCoversAtTheReferencePrice() {
        TradingSession s = run(PERP, null, Map.of(0, SignalDirection.SHORT), bar(0, 250, 250), bar(1, 250, 245));

        // floor_lot(1000 / 250) = 4 sold at bar 1's open 250: cash 1000 + 1000 - fee 1 = 1999
        assertThat(s.account().position(BTC).quantity()).isEqualByComparingTo("-4");
        assertThat(s.account().cash()).isEqualByComparingTo("1999");
    }

    @Test
    void longFromShortOnAPerpetualClosesTheShortThenBuysWithTheRemainingCash() {
        TradingSession s = run(PERP, null, Map.of(0, SignalDirection.SHORT, 1, SignalDirection.LONG),
                bar(0, 250, 250), bar(1, 250, 245), bar(2, 240, 241));

        // at bar 1's close: a base buy of 4 (closing) and a quote buy of the 1999 cash
        assertThat(recording.submitted).hasSize(3);
        assertThat(((MarketOrder) recording.submitted.get(1).order()).size()).isEqualTo(OrderSize.base(d("4.000")));
        assertThat(((OrderSize.Quote) recording.submitted.get(2).order().size()).notional())
                .isEqualByComparingTo("1999");
        // bar 2 opens 240: closing buy 4 * 240 = 960 + fee 0.96 -> cash 1999 - 960.96 = 1038.04;
        // the quote buy is then cut to the cash: floor_lot(1038.04 / (240 * 1.001)) = floor_lot(4.32085...) = 4.320,
        // cost 1036.8 + 1.0368 = 1037.8368 -> cash 0.2032
        assertThat(s.account().position(BTC).quantity()).isEqualByComparingTo("4.320");
        assertThat(s.account().cash()).isEqualByComparingTo("0.2032");

        RoundTrip shortTrip = s.trades().get(0);
        assertThat(shortTrip.side()).isEqualTo(PositionSide.SHORT);
        // gross 4 * (250 - 240) = 40; fees 1 + 0.96 = 1.96; pnl 38.04
        assertThat(shortTrip.grossPnl()).isEqualByComparingTo("40");
        assertThat(shortTrip.pnl()).isEqualByComparingTo("38.04");
    }

    @Test
    void sizerQuantityIsRoundedDownToTheLotSize() {
        PositionSizer sizer = (signal, context) -> {
            // the sizer sees the last close as its reference price
            assertThat(context.referencePrice()).isEqualTo(240.0);
            return d("1.2345");
        };
        TradingSession s = run(SPOT, new Bound<>("fixed-size", sizer), Map.of(0, SignalDirection.LONG),
                bar(0, 240, 240), bar(1, 250, 255));

        assertThat(((MarketOrder) recording.submitted.get(0).order()).size()).isEqualTo(OrderSize.base(d("1.234")));
        assertThat(s.account().position(BTC).quantity()).isEqualByComparingTo("1.234");
    }

    @Test
    void sizerThatThrowsDropsTheSignalAndIsReported() {
        PositionSizer sizer = (signal, context) -> {
            throw new IllegalStateException("no volatility yet");
        };
        run(SPOT, new Bound<>("broken-sizer", sizer), Map.of(0, SignalDirection.LONG), bar(0, 240, 240));

        assertThat(recording.submitted).isEmpty();
        assertThat(recording.faults).singleElement().satisfies(f -> {
            assertThat(f.extensionId()).isEqualTo("broken-sizer");
            assertThat(f.callback()).isEqualTo("size");
            assertThat(f.action()).isEqualTo(FaultAction.DROPPED_SIGNAL);
        });
    }

    @Test
    void rejectedOrderReachesTheStrategyAsAnEvent() {
        List<OrderRejected> seen = new ArrayList<>();
        TradingSession s = EngineFixtures.session(SPOT, "1000", "10", "0", null, List.of(), recording);
        s.addStrategy("s-1", "script", provider(ctx -> new Strategy() {
            @Override
            public void onBar(Bar bar) {
                ctx.emit(Signal.of(BTC, SignalDirection.SHORT, ctx.clock().millis(), "short"));
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                seen.add((OrderRejected) event);
            }
        }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(0, 240, 240));
        assertThat(seen).singleElement().satisfies(r -> assertThat(r.reason().code()).isEqualTo("SHORT_NOT_ALLOWED"));
    }
}
