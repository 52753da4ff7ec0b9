package io.quantplug.runtime.internal.engine;

import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.LimitOrder;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.internal.venue.BpsFeeModel;
import io.quantplug.runtime.internal.venue.BpsSlippageModel;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.session.SignalDecision;
import io.quantplug.runtime.session.SignalVote;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.quantplug.api.signal.SignalDirection.FLAT;
import static io.quantplug.api.signal.SignalDirection.LONG;
import static io.quantplug.api.signal.SignalDirection.SHORT;
import static io.quantplug.runtime.internal.engine.EngineFixtures.BTC;
import static io.quantplug.runtime.internal.engine.EngineFixtures.NO_PARAMETERS;
import static io.quantplug.runtime.internal.engine.EngineFixtures.SPOT;
import static io.quantplug.runtime.internal.engine.EngineFixtures.bar;
import static io.quantplug.runtime.internal.engine.EngineFixtures.closeOf;
import static io.quantplug.runtime.internal.engine.EngineFixtures.d;
import static io.quantplug.runtime.internal.engine.EngineFixtures.openOf;
import static io.quantplug.runtime.internal.engine.EngineFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Three scripted instances {@code a-1}, {@code b-1}, {@code c-1} as one signal group on bars opening and closing at
 * 100, 101, 102, 103, 104 (capital 1,000, no fees): votes collected until every instance has seen the bar, one
 * decision per bar with its inputs, the group's orders and position, its events for every member.
 */
class SignalGroupTest {

    private final EngineFixtures.Recording recording = new EngineFixtures.Recording();
    private final Map<String, List<String>> received = Map.of("a-1", new ArrayList<>(), "b-1", new ArrayList<>(),
            "c-1", new ArrayList<>());

    /** An instance that signals, per bar index, what its script says (null: nothing). */
    private Strategy scripted(io.quantplug.api.strategy.StrategyContext ctx, SignalDirection... script) {
        return new Strategy() {
            private int index;

            @Override
            public void onBar(Bar bar) {
                int i = index++;
                if (i < script.length && script[i] != null) {
                    ctx.emit(Signal.of(BTC, script[i], ctx.clock().millis(), ctx.instanceId() + " says " + script[i]));
                }
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                received.get(ctx.instanceId()).add(event.clientOrderId().value() + " "
                        + event.getClass().getSimpleName());
            }
        };
    }

    private TradingSession session(List<io.quantplug.runtime.internal.engine.Bound<SignalEnhancer>> enhancers) {
        return new TradingSession(SPOT, d("1000"), BpsFeeModel.flat(d("0")), new BpsSlippageModel(d("0")), enhancers,
                null, List.of(), recording, EngineFixtures.T0, 100, 0);
    }

    private static void feed(TradingSession s, int bars) {
        s.start();
        for (int i = 0; i < bars; i++) {
            s.onBar(bar(i, 100 + i, 100 + i));
        }
        s.finish();
    }

    @Test
    void majorityOfTheBarsVotesDecidesOnceAndTradesAsTheGroup() {
        TradingSession s = session(List.of());
        s.addStrategy("a-1", "a", provider("a", ctx -> scripted(ctx, LONG, FLAT, FLAT, null, LONG)), NO_PARAMETERS);
        s.addStrategy("b-1", "b", provider("b", ctx -> scripted(ctx, LONG, null, FLAT, null, SHORT)), NO_PARAMETERS);
        s.addStrategy("c-1", "c", provider("c", ctx -> new Strategy() {
            private final Strategy script = scripted(ctx, null, null, LONG);

            @Override
            public void onStart() {
                // a direct order is c-1's own, not voted on: a buy far below the market, canceled at the first bar
                ctx.submit(new LimitOrder(ctx.nextClientOrderId(), BTC, Side.BUY, d("1"), d("50"),
                        TimeInForce.GTC));
            }

            @Override
            public void onBar(Bar bar) {
                if (bar.openTimeMillis() == openOf(0)) {
                    ctx.cancel(new io.quantplug.api.order.ClientOrderId("c-1-1"));
                }
                script.onBar(bar);
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                script.onOrderEvent(event);
            }
        }), NO_PARAMETERS);
        s.aggregate(AggregationPolicy.MAJORITY, new double[] {1, 1, 1}, 1);
        feed(s, 5);

        // bar 0: LONG 2 of 3; bar 1: FLAT 1 of 3; bar 2: FLAT 2 of 3 (c's LONG is no opposite); bar 3: no signal,
        // no decision; bar 4: LONG and SHORT
        assertThat(recording.decisions).extracting(SignalDecision::timeMillis)
                .containsExactly(closeOf(0), closeOf(1), closeOf(2), closeOf(4));
        assertThat(recording.decisions).extracting(SignalDecision::outcome).containsExactly(
                "LONG: 2 of 3 instances (MAJORITY); ORDERED",
                "NO_TRADE: no majority (FLAT 1, abstained 2 of 3)",
                "FLAT: 2 of 3 instances (MAJORITY); ORDERED",
                "NO_TRADE: LONG and SHORT on the same bar (LONG 1, SHORT 1, abstained 1 of 3)");
        assertThat(recording.decisions.get(0).votes()).containsExactly(
                new SignalVote("a-1", LONG, 1, 1, 1, "a-1 says LONG"),
                new SignalVote("b-1", LONG, 1, 1, 1, "b-1 says LONG"), SignalVote.abstained("c-1", 1));
        assertThat(recording.decisions.get(0).score()).isEqualTo(2.0 / 3);
        assertThat(recording.decisions).allSatisfy(x -> {
            assertThat(x.group()).isEqualTo("group");
            assertThat(x.policy()).isEqualTo(AggregationPolicy.MAJORITY);
        });
        // every member signal was reported as a vote
        assertThat(recording.signals).hasSize(8).allSatisfy(x -> assertThat(x.outcome())
                .isEqualTo("VOTE: decided by the group (MAJORITY) once every instance has seen the bar"));

        // the group's orders: buy all cash at bar 1's open, 101 -> floor_lot(1000 / 101) = 9.900; sell at 103
        assertThat(recording.submitted).extracting(x -> x.order().clientOrderId().value() + " " + x.strategy() + " "
                + x.timeMillis()).containsExactly("c-1-1 c-1 " + EngineFixtures.T0, "group-1 group " + closeOf(0),
                "group-2 group " + closeOf(2));
        assertThat(s.trades()).singleElement().satisfies(t -> {
            assertThat(t.strategy()).isEqualTo("group");
            assertThat(t.entryTimeMillis()).isEqualTo(openOf(1));
            assertThat(t.exitTimeMillis()).isEqualTo(openOf(3));
            assertThat(t.quantity()).isEqualByComparingTo("9.9");
            assertThat(t.pnl()).isEqualByComparingTo("19.8"); // 9.9 x (103 - 101)
            assertThat(t.exitReason()).isEqualTo(ExitReason.SIGNAL);
        });
        // every member heard of the group's orders; c-1 also of its own
        for (String m : List.of("a-1", "b-1")) {
            assertThat(received.get(m)).as(m).containsExactly("group-1 OrderAccepted", "group-1 OrderFilled",
                    "group-2 OrderAccepted", "group-2 OrderFilled");
        }
        assertThat(received.get("c-1")).containsExactly("c-1-1 OrderAccepted", "c-1-1 OrderCanceled",
                "group-1 OrderAccepted", "group-1 OrderFilled", "group-2 OrderAccepted", "group-2 OrderFilled");
    }

    @Test
    void aFilteredSignalIsNoVoteAndAStoppedInstanceLeavesTheGroup() {
        SignalEnhancer dropB = (signal, context) -> signal.reason().startsWith("b-1") ? Optional.empty()
                : Optional.of(signal);
        TradingSession s = session(List.of(new Bound<>("drop-b", dropB)));
        s.addStrategy("a-1", "a", provider("a", ctx -> scripted(ctx, LONG, null, LONG)), NO_PARAMETERS);
        s.addStrategy("b-1", "b", provider("b", ctx -> scripted(ctx, LONG)), NO_PARAMETERS);
        s.addStrategy("c-1", "c", provider("c", ctx -> bar -> {
            if (bar.openTimeMillis() == openOf(1)) {
                throw new IllegalStateException("c-1 breaks");
            }
        }), NO_PARAMETERS);
        s.aggregate(AggregationPolicy.UNANIMOUS, new double[] {1, 1, 1}, 1);
        feed(s, 4);

        // bar 0: b's LONG filtered -> a LONG, b and c abstain; bar 2: c stopped at bar 1, a and b remain, b silent
        assertThat(recording.signals).extracting(EngineFixtures.Recording.SignalSeen::outcome).containsExactly(
                "VOTE: decided by the group (UNANIMOUS) once every instance has seen the bar", "FILTERED by drop-b",
                "VOTE: decided by the group (UNANIMOUS) once every instance has seen the bar");
        assertThat(recording.decisions).extracting(x -> x.votes().size() + " " + x.outcome()).containsExactly(
                "3 NO_TRADE: not unanimous (LONG 1, abstained 2 of 3)",
                "2 NO_TRADE: not unanimous (LONG 1, abstained 1 of 2)");
        assertThat(recording.decisions.get(1).votes()).extracting(SignalVote::instance)
                .containsExactly("a-1", "b-1");
        assertThat(s.trades()).isEmpty();
    }

    @Test
    void aggregationIsConfiguredOnceWithOneValidWeightPerInstance() {
        TradingSession s = session(List.of());
        assertThatIllegalStateException().isThrownBy(() -> s.aggregate(AggregationPolicy.MAJORITY, new double[0], 1));
        s.addStrategy("a-1", "a", provider("a", ctx -> bar -> { }), NO_PARAMETERS);
        assertThatIllegalArgumentException().isThrownBy(() -> s.aggregate(AggregationPolicy.NONE,
                new double[] {1}, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> s.aggregate(AggregationPolicy.MAJORITY,
                new double[] {1, 1}, 1)).withMessageContaining("one weight per instance (1)");
        assertThatIllegalArgumentException().isThrownBy(() -> s.aggregate(AggregationPolicy.WEIGHTED,
                new double[] {0}, 0.5)).withMessage("weight must be > 0 and finite, got 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> s.aggregate(AggregationPolicy.WEIGHTED,
                new double[] {1}, 1.5)).withMessage("threshold must be in (0, 1], got 1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> s.addStrategy("group", "a",
                provider("a", ctx -> bar -> { }), NO_PARAMETERS)).withMessageContaining("reserved");
        s.aggregate(AggregationPolicy.WEIGHTED, new double[] {2}, 0.5);
        assertThatIllegalStateException().isThrownBy(() -> s.addStrategy("b-1", "b",
                provider("b", ctx -> bar -> { }), NO_PARAMETERS));
    }
}
