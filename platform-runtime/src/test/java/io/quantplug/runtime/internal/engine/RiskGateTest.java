package io.quantplug.runtime.internal.engine;

import io.quantplug.api.market.Bar;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.RejectSource;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.runtime.session.FaultAction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.quantplug.runtime.internal.engine.EngineFixtures.BTC;
import static io.quantplug.runtime.internal.engine.EngineFixtures.NO_PARAMETERS;
import static io.quantplug.runtime.internal.engine.EngineFixtures.SPOT;
import static io.quantplug.runtime.internal.engine.EngineFixtures.bar;
import static io.quantplug.runtime.internal.engine.EngineFixtures.d;
import static io.quantplug.runtime.internal.engine.EngineFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order passes the risk rules in order: a rejection is an order event naming the rule, a resize changes the
 * quantity the next rules and the venue see, and a rule that throws rejects the order (fail closed) and is reported.
 * Capital 1,000, fee 10 bps, no slippage; LONG at bar 0's close of 240, FLAT at bar 2's close.
 */
class RiskGateTest {

    /** A hand-written rule that records what it was asked and answers as told. */
    static final class ScriptedRule implements RiskRule {
        final List<OrderIntent> seen = new ArrayList<>();
        final List<Fill> fills = new ArrayList<>();
        private final Function<OrderIntent, RiskDecision> answer;

        ScriptedRule(Function<OrderIntent, RiskDecision> answer) {
            this.answer = answer;
        }

        @Override
        public RiskDecision check(OrderIntent intent, RiskContext context) {
            seen.add(intent);
            return answer.apply(intent);
        }

        @Override
        public void onFill(Fill fill, RiskContext context) {
            fills.add(fill);
        }
    }

    private final EngineFixtures.Recording recording = new EngineFixtures.Recording();
    private final List<OrderEvent> strategyEvents = new ArrayList<>();

    private TradingSession run(List<Bound<RiskRule>> rules) {
        TradingSession s = EngineFixtures.session(SPOT, "1000", "10", "0", null, rules, recording);
        s.addStrategy("s-1", "script", provider(ctx -> new Strategy() {
            private int index;

            @Override
            public void onBar(Bar bar) {
                int i = index++;
                if (i == 0) {
                    ctx.emit(Signal.of(BTC, SignalDirection.LONG, ctx.clock().millis(), "enter"));
                } else if (i == 2) {
                    ctx.emit(Signal.of(BTC, SignalDirection.FLAT, ctx.clock().millis(), "exit"));
                }
            }

            @Override
            public void onOrderEvent(OrderEvent event) {
                strategyEvents.add(event);
            }
        }), NO_PARAMETERS);
        s.start();
        s.onBar(bar(0, 240, 240));
        s.onBar(bar(1, 250, 255));
        s.onBar(bar(2, 255, 258));
        s.onBar(bar(3, 260, 261));
        return s;
    }

    @Test
    void ruleSeesTheOrderWithItsEstimatedQuantityAndNotional() {
        ScriptedRule rule = new ScriptedRule(i -> RiskDecision.approve());
        run(List.of(new Bound<>("watch", rule)));

        OrderIntent entry = rule.seen.get(0);
        // quote order of 1000 at the reference price 240: floor_lot(1000 / 240) = floor_lot(4.1666...) = 4.166
        assertThat(entry.source()).isEqualTo("s-1");
        assertThat(entry.referencePrice()).isEqualTo(240.0);
        assertThat(entry.quantity()).isEqualByComparingTo("4.166");
        assertThat(entry.notional()).isEqualByComparingTo("1000");
        assertThat(entry.reducesPosition()).isFalse();
        OrderIntent exit = rule.seen.get(1);
        // selling the whole 3.996 at the reference price 258: notional 1030.968, reduces the position
        assertThat(exit.quantity()).isEqualByComparingTo("3.996");
        assertThat(exit.notional()).isEqualByComparingTo("1030.968");
        assertThat(exit.reducesPosition()).isTrue();
        // the rule also saw both fills, after the portfolio booked them
        assertThat(rule.fills).hasSize(2);
    }

    @Test
    void rejectingRuleRefusesTheOrderWithItsCodeAndId() {
        ScriptedRule rule = new ScriptedRule(i -> RiskDecision.reject("TOO_BIG", "order of " + i.notional()));
        TradingSession s = run(List.of(new Bound<>("limit-rule", rule)));

        assertThat(recording.submitted).isEmpty();
        OrderRejected r = recording.rejections().get(0);
        assertThat(r.reason().source()).isEqualTo(RejectSource.RISK_RULE);
        assertThat(r.reason().code()).isEqualTo("TOO_BIG");
        assertThat(r.reason().ruleId()).isEqualTo("limit-rule");
        assertThat(r.reason().message()).isEqualTo("order of 1000");
        assertThat(strategyEvents).contains(r);
        assertThat(s.account().position(BTC).isFlat()).isTrue();
        assertThat(s.account().cash()).isEqualByComparingTo("1000");
    }

    @Test
    void firstRejectionWinsAndLaterRulesAreNotAsked() {
        ScriptedRule first = new ScriptedRule(i -> RiskDecision.reject("FIRST", "no"));
        ScriptedRule second = new ScriptedRule(i -> RiskDecision.reject("SECOND", "no"));
        run(List.of(new Bound<>("first", first), new Bound<>("second", second)));

        assertThat(recording.rejections().get(0).reason().code()).isEqualTo("FIRST");
        assertThat(second.seen).isEmpty();
    }

    @Test
    void resizeReplacesTheQuantityRoundedDownToTheLot() {
        ScriptedRule cut = new ScriptedRule(i -> i.reducesPosition() ? RiskDecision.approve()
                : RiskDecision.resize(d("1.2345"), "cut"));
        ScriptedRule after = new ScriptedRule(i -> RiskDecision.approve());
        TradingSession s = run(List.of(new Bound<>("cut", cut), new Bound<>("after", after)));

        // the quote-sized entry became a base order of 1.234
        MarketOrder sent = (MarketOrder) recording.submitted.get(0).order();
        assertThat(sent.size()).isEqualTo(OrderSize.base(d("1.234")));
        // the next rule saw the resized order: 1.234 at the reference 240 = 296.16
        assertThat(after.seen.get(0).quantity()).isEqualByComparingTo("1.234");
        assertThat(after.seen.get(0).notional()).isEqualByComparingTo("296.16");
        assertThat(recording.fills().get(0).quantity()).isEqualByComparingTo("1.234");
        assertThat(s.trades()).singleElement().satisfies(t -> assertThat(t.quantity()).isEqualByComparingTo("1.234"));
    }

    @Test
    void resizeBelowOneLotRejectsTheOrder() {
        ScriptedRule cut = new ScriptedRule(i -> RiskDecision.resize(d("0.0004"), "too small"));
        run(List.of(new Bound<>("cut", cut)));
        OrderRejected r = recording.rejections().get(0);
        assertThat(r.reason().source()).isEqualTo(RejectSource.RISK_RULE);
        assertThat(r.reason().code()).isEqualTo("RESIZED_TO_ZERO");
        assertThat(r.reason().ruleId()).isEqualTo("cut");
    }

    @Test
    void ruleThatThrowsRejectsTheOrderAndIsReported() {
        ScriptedRule broken = new ScriptedRule(i -> {
            throw new ArithmeticException("division by zero");
        });
        TradingSession s = run(List.of(new Bound<>("broken-rule", broken)));

        OrderRejected r = recording.rejections().get(0);
        assertThat(r.reason().source()).isEqualTo(RejectSource.RISK_RULE);
        assertThat(r.reason().code()).isEqualTo("RISK_RULE_ERROR");
        assertThat(r.reason().ruleId()).isEqualTo("broken-rule");
        assertThat(recording.submitted).isEmpty();
        assertThat(recording.faults).singleElement().satisfies(f -> {
            assertThat(f.extensionId()).isEqualTo("broken-rule");
            assertThat(f.callback()).isEqualTo("check");
            assertThat(f.action()).isEqualTo(FaultAction.REJECTED_ORDER);
            assertThat(f.error()).isEqualTo("ArithmeticException: division by zero");
        });
        assertThat(s.barCount()).isEqualTo(4);
    }

    @Test
    void ruleThatThrowsWhileWatchingFillsAndBarsIsReportedAndTradingContinues() {
        RiskRule noisy = new RiskRule() {
            @Override
            public RiskDecision check(OrderIntent intent, RiskContext context) {
                return RiskDecision.approve();
            }

            @Override
            public void onFill(Fill fill, RiskContext context) {
                throw new IllegalStateException("fill");
            }

            @Override
            public void onBar(Bar bar, RiskContext context) {
                throw new IllegalStateException("bar");
            }
        };
        TradingSession s = run(List.of(new Bound<>("noisy", noisy)));

        assertThat(s.trades()).hasSize(1);
        assertThat(recording.faults).extracting(f -> f.callback() + " " + f.action())
                .contains("onBar CONTINUED", "onFill CONTINUED");
    }
}
