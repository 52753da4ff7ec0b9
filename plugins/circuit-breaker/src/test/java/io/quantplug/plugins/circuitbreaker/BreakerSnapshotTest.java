package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.order.Side;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeRiskContext;
import io.quantplug.testkit.OrderIntents;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.quantplug.plugins.circuitbreaker.BreakerStubs.BTC;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.at;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.bar;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.breaker;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.fill;
import static org.assertj.core.api.Assertions.assertThat;

/** The state carried across a hot swap: a new rule restored from a snapshot continues exactly as the old one. */
class BreakerSnapshotTest {

    private static final String[] PARAMETERS = {"dailyLossPercent", "5", "drawdownPercent", "3",
        "drawdownWindowMinutes", "60", "maxConsecutiveLosses", "3", "volatilityK", "4", "volatilityWindowBars", "5",
        "cooldownMinutes", "30"};

    private final FakePortfolio portfolio = new FakePortfolio().equity("10000");
    private final FakeRiskContext ctx = new FakeRiskContext(portfolio);

    /**
     * Bars 10:00 to 10:06 at equity 10,000 with alternating closes (so the volatility window holds returns), one
     * losing round trip (streak 1), an open long of 2 BTC at 100, then at 10:10 equity 9,500: a 5 % daily loss trips.
     */
    private CircuitBreakerRule busyRule() {
        CircuitBreakerRule rule = breaker(PARAMETERS);
        for (int i = 0; i < 7; i++) {
            double close = i % 2 == 0 ? 100 : 101;
            ctx.at(String.format("2023-03-10T10:%02d:00Z", i + 1)).portfolio().equity("10000");
            rule.onBar(bar(BTC, at("2023-03-10T10:00:00Z") + i * 60_000L, 100, 101, 100, close), ctx);
        }
        ctx.at("2023-03-10T10:08:00Z");
        rule.onFill(fill(BTC, Side.BUY, "1", "100", "0", ctx.timeMillis()), ctx);
        rule.onFill(fill(BTC, Side.SELL, "1", "99", "0", ctx.timeMillis()), ctx);
        rule.onFill(fill(BTC, Side.BUY, "2", "100", "0.2", ctx.timeMillis()), ctx);
        ctx.at("2023-03-10T10:10:00Z").portfolio().equity("9500");
        rule.onBar(bar(BTC, at("2023-03-10T10:09:00Z"), 100, 101, 100, 100), ctx);
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        return rule;
    }

    @Test
    void restoredRuleHasTheSameState() {
        CircuitBreakerRule old = busyRule();
        StateSnapshot snapshot = old.snapshot();
        assertThat(snapshot.format()).isEqualTo("circuit-breaker/1");
        assertThat(snapshot.values()).containsEntry("state", "OPEN").containsEntry("lossStreak", "1")
                .containsEntry("daily.startEquity", "10000").containsEntry("roundTrip.BTCUSDT.SIM", "2,100,-0.2,0")
                .containsEntry("lastTrip.reason", "DAILY_LOSS_LIMIT")
                .containsEntry("halfOpenAt", Long.toString(at("2023-03-11T00:00:00Z")));
        assertThat(snapshot.values().get("vol.BTCUSDT.SIM.returns").split(",")).hasSize(5);

        CircuitBreakerRule fresh = breaker(PARAMETERS);
        assertThat(fresh.restore(snapshot)).isTrue();
        assertThat(fresh.state()).isEqualTo(CircuitState.OPEN);
        assertThat(fresh.snapshot()).isEqualTo(snapshot);
        assertThat(fresh.events()).isEmpty(); // the history stays with the old object
    }

    @Test
    void restoredRuleContinuesExactlyAsTheOldOne() {
        CircuitBreakerRule old = busyRule();
        CircuitBreakerRule fresh = breaker(PARAMETERS);
        fresh.restore(old.snapshot());
        long seenSeq = old.events().get(old.events().size() - 1).seq();

        for (CircuitBreakerRule rule : List.of(old, fresh)) {
            // still OPEN, with the same reason, until midnight
            ctx.at("2023-03-10T12:00:00Z").portfolio().equity("9500");
            assertThat(rule.check(OrderIntents.market(portfolio, BTC, Side.BUY, "1", "100"), ctx))
                    .isInstanceOfSatisfying(RiskDecision.Reject.class, r -> assertThat(r.message())
                            .contains("DAILY_LOSS_LIMIT: equity 9500.00 is 5.00% below the start-of-day equity"));
            // midnight: HALF_OPEN; the probe is let through
            ctx.at("2023-03-11T00:00:30Z").portfolio().equity("9500");
            assertThat(rule.check(OrderIntents.market(portfolio, BTC, Side.BUY, "1", "100"), ctx))
                    .isEqualTo(RiskDecision.approve());
            // the open long of 2 @ 100 (fee 0.2) gets the probe's 1 @ 100, and all 3 are sold at 99:
            // 3 x (99 - 100) - 0.2 = -3.2, a losing probe: OPEN again
            ctx.at("2023-03-11T00:01:00Z");
            rule.onFill(fill(BTC, Side.BUY, "1", "100", "0", ctx.timeMillis()), ctx);
            rule.onFill(fill(BTC, Side.SELL, "3", "99", "0", ctx.timeMillis()), ctx);
            assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        }
        List<CircuitBreakerEvent> a = old.eventsAfter(seenSeq);
        List<CircuitBreakerEvent> b = fresh.eventsAfter(seenSeq);
        assertThat(b).isEqualTo(a);
        assertThat(b).extracting(CircuitBreakerEvent::seq).containsExactly(2L, 3L);
        assertThat(b.get(1).message()).startsWith("probe round trip in BTCUSDT.SIM closed with P&L -3.20 < 0");
        assertThat(fresh.snapshot()).isEqualTo(old.snapshot());
    }

    @Test
    void aSwappedBreakerReportsEachStateChangeOnceAcrossTheSwap() {
        CircuitBreakerRule old = busyRule(); // reported its trip
        List<io.quantplug.api.risk.RiskEvent> beforeSwap = List.copyOf(ctx.reported());
        assertThat(beforeSwap).extracting(e -> e.eventType() + " " + e.code())
                .containsExactly("TRIP DAILY_LOSS_LIMIT");
        CircuitBreakerRule fresh = breaker(PARAMETERS);
        assertThat(fresh.restore(old.snapshot())).isTrue(); // restoring reports nothing
        assertThat(ctx.reported()).isEqualTo(beforeSwap);

        // only the new version is called from now on; it notices the end of the cooldown (midnight) once
        ctx.at("2023-03-11T00:00:30Z").portfolio().equity("9500");
        fresh.check(OrderIntents.market(portfolio, BTC, Side.BUY, "1", "100"), ctx);
        ctx.at("2023-03-11T00:00:40Z").portfolio().equity("9500");
        fresh.onBar(bar(BTC, at("2023-03-11T00:00:00Z"), 100, 101, 100, 100), ctx);
        assertThat(ctx.reported()).extracting(e -> e.eventType() + " " + e.code() + " " + e.timeMillis())
                .containsExactly("TRIP DAILY_LOSS_LIMIT " + at("2023-03-10T10:10:00Z"),
                        "HALF_OPEN COOLDOWN_ELAPSED " + at("2023-03-11T00:00:00Z"));
        assertThat(fresh.events()).singleElement().satisfies(e -> assertThat(e.seq()).isEqualTo(2));
    }

    @Test
    void snapshotOfAnotherFormatIsDeclined() {
        CircuitBreakerRule rule = breaker(PARAMETERS);
        StateSnapshot before = rule.snapshot();
        assertThat(rule.restore(new StateSnapshot("circuit-breaker/0", Map.of("state", "OPEN")))).isFalse();
        assertThat(rule.snapshot()).isEqualTo(before);
    }

    @Test
    void unreadableSnapshotChangesNothing() {
        Map<String, String> values = new HashMap<>(busyRule().snapshot().values());
        values.put("lossStreak", "many");
        CircuitBreakerRule rule = breaker(PARAMETERS);
        StateSnapshot before = rule.snapshot();
        assertThat(rule.restore(new StateSnapshot("circuit-breaker/1", values))).isFalse();
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(rule.snapshot()).isEqualTo(before);

        values.remove("lossStreak");
        assertThat(rule.restore(new StateSnapshot("circuit-breaker/1", values))).isFalse();
        assertThat(rule.snapshot()).isEqualTo(before);
    }
}
