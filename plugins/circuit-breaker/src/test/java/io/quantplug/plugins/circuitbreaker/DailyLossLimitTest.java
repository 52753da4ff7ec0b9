package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.order.Side;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeRiskContext;
import io.quantplug.testkit.OrderIntents;
import org.junit.jupiter.api.Test;

import static io.quantplug.plugins.circuitbreaker.BreakerStubs.BTC;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.at;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.breaker;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.flatBar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The daily loss limit: 5 % of the first equity seen in the UTC day, with a 60-minute cooldown. */
class DailyLossLimitTest {

    private final CircuitBreakerRule rule = breaker("dailyLossPercent", "5", "cooldownMinutes", "60");
    private final FakePortfolio portfolio = new FakePortfolio().equity("12000");
    private final FakeRiskContext ctx = new FakeRiskContext(portfolio);

    private void bar(String iso, String equity) {
        ctx.at(iso).portfolio().equity(equity);
        rule.onBar(flatBar(BTC, at(iso) - 60_000, 100), ctx);
    }

    private RiskDecision buy() {
        return rule.check(OrderIntents.market(portfolio, BTC, Side.BUY, "1", "100"), ctx);
    }

    /** Equity 12,000 on the 9th, 10,000 at the first bar of the 10th: the 10th's start-of-day equity is 10,000. */
    private void startDay() {
        bar("2023-03-09T23:59:00Z", "12000");
        bar("2023-03-10T00:01:00Z", "10000");
    }

    @Test
    void lossJustBelowTheLimitDoesNotTrip() {
        startDay();
        // (10000 - 9501) / 10000 = 4.99 % < 5 % (measured from 10,000, not from the previous day's 12,000)
        bar("2023-03-10T10:00:00Z", "9501");
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(rule.events()).isEmpty();
        assertThat(buy()).isEqualTo(RiskDecision.approve());
    }

    @Test
    void lossReachingTheLimitTripsAtTheOrderCheckAndRejectsIt() {
        startDay();
        bar("2023-03-10T10:00:00Z", "9501");
        // (10000 - 9500) / 10000 = 5.00 % >= 5 %: the check itself sees the equity and trips
        ctx.at("2023-03-10T10:01:00Z").portfolio().equity("9500");
        RiskDecision d = buy();

        String why = "equity 9500.00 is 5.00% below the start-of-day equity 10000.00 (UTC day 2023-03-10), limit 5%";
        assertThat(d).isEqualTo(RiskDecision.reject("CIRCUIT_OPEN", "circuit breaker OPEN since 2023-03-10T10:01:00Z"
                + " (DAILY_LOSS_LIMIT: " + why + "); orders adding exposure are refused until 2023-03-11T00:00:00Z"));
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        assertThat(rule.events()).singleElement().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(1);
            assertThat(e.timeMillis()).isEqualTo(at("2023-03-10T10:01:00Z"));
            assertThat(e.from()).isEqualTo(CircuitState.CLOSED);
            assertThat(e.to()).isEqualTo(CircuitState.OPEN);
            assertThat(e.eventType()).isEqualTo("TRIP");
            assertThat(e.reason()).isEqualTo(CircuitReason.DAILY_LOSS_LIMIT);
            assertThat(e.message()).isEqualTo(why + "; OPEN until 2023-03-11T00:00:00Z");
            assertThat(e.values()).containsExactly(entry("equity", "9500"), entry("lossPercent", "5.0000"),
                    entry("startOfDayEquity", "10000"), entry("day", "2023-03-10"), entry("limitPercent", "5"),
                    entry("halfOpenAt", "2023-03-11T00:00:00Z"));
        });
    }

    @Test
    void dailyLossTripHoldsUntilTheNextUtcMidnightThoughTheCooldownIsShorter() {
        startDay();
        ctx.at("2023-03-10T10:01:00Z").portfolio().equity("9500");
        buy();
        // the 60-minute cooldown ended at 11:01, but the breaker stays OPEN for the rest of the UTC day
        ctx.at("2023-03-10T11:01:00Z");
        assertThat(buy()).isInstanceOfSatisfying(RiskDecision.Reject.class,
                r -> assertThat(r.code()).isEqualTo("CIRCUIT_OPEN"));
        ctx.at("2023-03-10T23:59:59.999Z");
        assertThat(buy()).isInstanceOf(RiskDecision.Reject.class);
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);

        // at midnight it half-opens; 9,500 becomes the 11th's start-of-day equity, so it does not trip again
        bar("2023-03-11T00:00:00Z", "9500");
        assertThat(rule.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(rule.events()).hasSize(2);
        CircuitBreakerEvent halfOpen = rule.events().get(1);
        assertThat(halfOpen.eventType()).isEqualTo("HALF_OPEN");
        assertThat(halfOpen.reason()).isEqualTo(CircuitReason.COOLDOWN_ELAPSED);
        assertThat(halfOpen.timeMillis()).isEqualTo(at("2023-03-11T00:00:00Z"));
        assertThat(halfOpen.message()).isEqualTo("cooldown after the DAILY_LOSS_LIMIT trip at 2023-03-10T10:01:00Z"
                + " ended; 1 probe order(s) adding exposure allowed");
        assertThat(halfOpen.values()).containsEntry("trip", "DAILY_LOSS_LIMIT")
                .containsEntry("trippedAt", "2023-03-10T10:01:00Z").containsEntry("probeOrders", "1");
        assertThat(buy()).isEqualTo(RiskDecision.approve()); // the probe
    }

    @Test
    void zeroTurnsTheTriggerOff() {
        CircuitBreakerRule off = breaker("dailyLossPercent", "0");
        ctx.at("2023-03-10T00:01:00Z").portfolio().equity("10000");
        off.onBar(flatBar(BTC, at("2023-03-10T00:00:00Z"), 100), ctx);
        ctx.at("2023-03-10T10:00:00Z").portfolio().equity("1000");
        assertThat(off.check(OrderIntents.market(portfolio, BTC, Side.BUY, "1", "100"), ctx))
                .isEqualTo(RiskDecision.approve());
    }
}
