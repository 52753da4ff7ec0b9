package io.quantplug.runtime.internal.engine;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.Fill;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.runtime.session.InstanceSwap;
import io.quantplug.runtime.session.RiskEventReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.quantplug.runtime.internal.engine.EngineFixtures.BTC;
import static io.quantplug.runtime.internal.engine.EngineFixtures.NO_PARAMETERS;
import static io.quantplug.runtime.internal.engine.EngineFixtures.SPOT;
import static io.quantplug.runtime.internal.engine.EngineFixtures.bar;
import static io.quantplug.runtime.internal.engine.EngineFixtures.closeOf;
import static io.quantplug.runtime.internal.engine.EngineFixtures.openOf;
import static io.quantplug.runtime.internal.engine.EngineFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Risk events a rule reports through its context: tagged with the id the rule was bound under and the strategy whose
 * order or fill it was looking at, handed to the listeners at once, kept when the rule then throws, refused outside
 * a callback, and neither lost nor repeated across a hot swap of the rule. The strategy {@code s-1} goes LONG at bar
 * 0's close and FLAT at bar 2's close; its orders fill at the opens of bars 1 and 3.
 */
class RiskEventTest {

    private final EngineFixtures.Recording recording = new EngineFixtures.Recording();

    private static RiskEvent event(String type, RiskContext context, String what) {
        return new RiskEvent(context.timeMillis(), type, "SEEN", what + " at " + context.timeMillis(),
                Map.of("what", what));
    }

    private TradingSession run(List<Bound<RiskRule>> rules, int bars) {
        TradingSession s = EngineFixtures.session(SPOT, "1000", "10", "0", null, rules, recording);
        s.addStrategy("s-1", "script", provider(ctx -> new Strategy() {
            private int index;

            @Override
            public void onBar(Bar bar) {
                int i = index++;
                if (i == 0 || i == 2) {
                    ctx.emit(Signal.of(BTC, i == 0 ? SignalDirection.LONG : SignalDirection.FLAT, ctx.clock().millis(),
                            "script"));
                }
            }
        }), NO_PARAMETERS);
        s.start();
        double[][] prices = {{240, 240}, {250, 255}, {255, 258}, {260, 261}, {262, 262}, {263, 263}};
        for (int i = 0; i < bars; i++) {
            s.onBar(bar(i, prices[i][0], prices[i][1]));
        }
        return s;
    }

    @Test
    void eventsAreTaggedWithTheRuleIdAndTheStrategyConcerned() {
        RiskRule watch = new RiskRule() {
            @Override
            public RiskDecision check(OrderIntent intent, RiskContext context) {
                context.report(event("CHECK", context, intent.order().clientOrderId().value()));
                return RiskDecision.approve();
            }

            @Override
            public void onFill(Fill fill, RiskContext context) {
                context.report(event("FILL", context, fill.clientOrderId().value()));
            }

            @Override
            public void onBar(Bar bar, RiskContext context) {
                if (bar.openTimeMillis() == openOf(1)) {
                    context.report(event("BAR", context, "bar 1"));
                }
            }
        };
        run(List.of(new Bound<>("watch", watch)), 4);

        assertThat(recording.riskEvents).extracting(RiskEventReport::ruleId).containsOnly("watch");
        assertThat(recording.riskEvents).extracting(r -> r.event().eventType() + " " + r.strategy() + " "
                + r.event().values().get("what") + " " + r.timeMillis()).containsExactly(
                "CHECK s-1 s-1-1 " + closeOf(0),   // the entry, checked at bar 0's close
                "FILL s-1 s-1-1 " + openOf(1),     // its fill at bar 1's open
                "BAR null bar 1 " + closeOf(1),    // a bar: no strategy concerned
                "CHECK s-1 s-1-2 " + closeOf(2),   // the exit
                "FILL s-1 s-1-2 " + openOf(3));
    }

    @Test
    void anEventReportedJustBeforeTheRuleThrowsIsKeptOnce() {
        RiskRule reportsThenThrows = new RiskRule() {
            @Override
            public RiskDecision check(OrderIntent intent, RiskContext context) {
                context.report(event("CHECK", context, "entry"));
                throw new IllegalStateException("broken after reporting");
            }

            @Override
            public void onBar(Bar bar, RiskContext context) {
                if (bar.openTimeMillis() == openOf(1)) {
                    context.report(event("BAR", context, "bar 1"));
                    throw new IllegalStateException("broken in onBar");
                }
            }
        };
        run(List.of(new Bound<>("fragile", reportsThenThrows)), 4);

        assertThat(recording.riskEvents).extracting(r -> r.ruleId() + " " + r.event().eventType())
                .containsExactly("fragile CHECK", "fragile BAR");
        // the fault policy still acted: the entry was refused (fail closed) and both failures are reported
        assertThat(recording.rejections()).singleElement().extracting(OrderRejected::reason)
                .satisfies(r -> assertThat(r.code()).isEqualTo("RISK_RULE_ERROR"));
        assertThat(recording.faults).extracting(f -> f.callback() + " " + f.action())
                .containsExactly("check REJECTED_ORDER", "onBar CONTINUED");
    }

    @Test
    void aContextKeptBeyondItsCallbackRefusesToReportOrClose() {
        RiskContext[] kept = new RiskContext[1];
        RiskRule keeper = (intent, context) -> {
            kept[0] = context;
            return RiskDecision.approve();
        };
        run(List.of(new Bound<>("keeper", keeper)), 2);

        assertThatIllegalStateException().isThrownBy(() -> kept[0].report(event("LATE", kept[0], "late")))
                .withMessageContaining("report was called outside a risk rule's check, onFill or onBar");
        assertThatIllegalStateException().isThrownBy(() -> kept[0].closePosition(BTC, "late"))
                .withMessageContaining("closePosition was called outside");
        assertThat(recording.riskEvents).isEmpty();
    }

    @Test
    void aRuleSwappedMidRunReportsEveryEventOnceUnderTheSameId() {
        TickerProvider v1 = new TickerProvider("v1");
        Parameters params = NO_PARAMETERS;
        TradingSession s = EngineFixtures.session(SPOT, "1000", "0", "0", null,
                List.of(new Bound<>("ticker", v1.create(params), params)), recording);
        s.addStrategy("s-1", "script", provider(ctx -> bar -> { }), NO_PARAMETERS);
        s.start();
        CompletableFuture<List<InstanceSwap>> swap = null;
        for (int i = 0; i < 6; i++) {
            if (i == 4) {
                swap = s.requestRiskRuleSwap("ticker", new TickerProvider("v2"));
            }
            s.onBar(bar(i, 100 + i, 100 + i));
        }
        s.finish();

        assertThat(swap.join()).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(InstanceSwap.Outcome.RESTORED);
            assertThat(x.barsBefore()).isEqualTo(4);
        });
        // bars 0..3 seen by v1, 4..5 by v2, which continued v1's count: 1..6, none missing, none twice
        assertThat(recording.riskEvents).extracting(r -> r.ruleId() + " " + r.event().values().get("n") + " "
                + r.event().message()).containsExactly("ticker 1 v1", "ticker 2 v1", "ticker 3 v1", "ticker 4 v1",
                "ticker 5 v2", "ticker 6 v2");
    }

    /** A rule that reports one event per bar, numbered, and hands its count to its successor. */
    private record TickerProvider(String version) implements RiskRuleProvider {
        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("ticker", "Ticker", "Reports every bar.", ParameterSchema.empty());
        }

        @Override
        public RiskRule create(Parameters parameters) {
            return new RiskRule() {
                private long n;

                @Override
                public RiskDecision check(OrderIntent intent, RiskContext context) {
                    return RiskDecision.approve();
                }

                @Override
                public void onBar(Bar bar, RiskContext context) {
                    n++;
                    context.report(new RiskEvent(context.timeMillis(), "TICK", "BAR", version,
                            Map.of("n", Long.toString(n))));
                }

                @Override
                public StateSnapshot snapshot() {
                    return new StateSnapshot("ticker/1", Map.of("n", Long.toString(n)));
                }

                @Override
                public boolean restore(StateSnapshot snapshot) {
                    n = Long.parseLong(snapshot.values().get("n"));
                    return true;
                }
            };
        }
    }
}
