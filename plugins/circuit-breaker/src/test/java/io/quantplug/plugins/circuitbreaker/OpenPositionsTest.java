package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.order.Side;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeRiskContext;
import io.quantplug.testkit.OrderIntents;
import org.junit.jupiter.api.Test;

import static io.quantplug.plugins.circuitbreaker.BreakerStubs.BTC;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.ETH;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.SOL;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.at;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.breaker;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** Maximum open positions: 2. */
class OpenPositionsTest {

    private final CircuitBreakerRule rule = breaker("maxOpenPositions", "2", "cooldownMinutes", "15");
    private final FakePortfolio portfolio = new FakePortfolio().equity("10000")
            .withPosition(BTC, "1").withPosition(ETH, "2");
    private final FakeRiskContext ctx = new FakeRiskContext(portfolio);

    @Test
    void positionsAtTheLimitDoNotTrip() {
        ctx.at("2023-03-10T10:00:00Z");
        rule.onFill(fill(ETH, Side.BUY, "2", "1500", "0", ctx.timeMillis()), ctx);
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void aFillOpeningAThirdPositionTrips() {
        portfolio.withPosition(SOL, "10"); // the portfolio has booked the fill before the rule sees it
        ctx.at("2023-03-10T10:00:00Z");
        rule.onFill(fill(SOL, Side.BUY, "10", "20", "0", ctx.timeMillis()), ctx);
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        assertThat(rule.events()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(CircuitReason.MAX_OPEN_POSITIONS);
            assertThat(e.message()).isEqualTo("3 positions are open, limit 2; OPEN until 2023-03-10T10:15:00Z");
            assertThat(e.values()).containsExactly(entry("openPositions", "3"), entry("limit", "2"),
                    entry("halfOpenAt", "2023-03-10T10:15:00Z"));
        });
        // closing one of them is allowed while OPEN
        assertThat(rule.check(OrderIntents.market(portfolio, SOL, Side.SELL, "10", "20"), ctx))
                .isEqualTo(RiskDecision.approve());
    }

    @Test
    void tooManyPositionsAtTheEndOfTheCooldownTripAgainAtOnce() {
        portfolio.withPosition(SOL, "10");
        ctx.at("2023-03-10T10:00:00Z");
        rule.onFill(fill(SOL, Side.BUY, "10", "20", "0", ctx.timeMillis()), ctx);
        // 15 minutes later nothing was closed: HALF_OPEN at 10:15, and the same check trips it again
        ctx.at("2023-03-10T10:16:00Z");
        RiskDecision d = rule.check(OrderIntents.market(portfolio, BTC, Side.BUY, "1", "100"), ctx);
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Reject.class,
                r -> assertThat(r.code()).isEqualTo("CIRCUIT_OPEN"));
        assertThat(rule.events()).extracting(CircuitBreakerEvent::eventType, CircuitBreakerEvent::timeMillis)
                .containsExactly(tuple("TRIP", at("2023-03-10T10:00:00Z")),
                        tuple("HALF_OPEN", at("2023-03-10T10:15:00Z")),
                        tuple("TRIP", at("2023-03-10T10:16:00Z")));
    }
}
