package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.order.Side;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeRiskContext;
import io.quantplug.testkit.OrderIntents;
import org.junit.jupiter.api.Test;

import static io.quantplug.plugins.circuitbreaker.BreakerStubs.BTC;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.ETH;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.at;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.breaker;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * CLOSED, OPEN, HALF_OPEN and back, with one losing round trip as the trip (maxConsecutiveLosses = 1), a 30-minute
 * cooldown and one probe order. The trip happens at 10:00, so the breaker half-opens at 10:30.
 */
class BreakerStateTest {

    private static final String TRIP = "CONSECUTIVE_LOSSES: losing round trips in a row: 1 (last: ETHUSDT.SIM -1.00),"
            + " limit 1";

    private final CircuitBreakerRule rule = breaker("maxConsecutiveLosses", "1", "cooldownMinutes", "30",
            "probeOrders", "1");
    private final FakePortfolio portfolio = new FakePortfolio().equity("10000");
    private final FakeRiskContext ctx = new FakeRiskContext(portfolio);

    /** An ETH round trip bought at 100 and sold at 99 at 10:00: P&amp;L -1, the breaker trips. */
    private void tripAtTen() {
        ctx.at("2023-03-10T09:59:00Z");
        rule.onFill(fill(ETH, Side.BUY, "1", "100", "0", ctx.timeMillis()), ctx);
        ctx.at("2023-03-10T10:00:00Z");
        rule.onFill(fill(ETH, Side.SELL, "1", "99", "0", ctx.timeMillis()), ctx);
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
    }

    private RiskDecision order(String iso, Side side, String qty) {
        ctx.at(iso);
        return rule.check(OrderIntents.market(portfolio, BTC, side, qty, "100"), ctx);
    }

    private void fillAt(String iso, Side side, String qty, String price, String fee) {
        ctx.at(iso);
        rule.onFill(fill(BTC, side, qty, price, fee, ctx.timeMillis()), ctx);
    }

    @Test
    void closedBreakerApprovesEveryOrder() {
        assertThat(order("2023-03-10T09:00:00Z", Side.BUY, "5")).isEqualTo(RiskDecision.approve());
        assertThat(order("2023-03-10T09:00:00Z", Side.SELL, "5")).isEqualTo(RiskDecision.approve());
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void openBreakerRejectsEveryOrderThatAddsExposure() {
        tripAtTen();
        String message = "circuit breaker OPEN since 2023-03-10T10:00:00Z (" + TRIP + "); orders adding exposure are"
                + " refused until 2023-03-10T10:30:00Z";
        assertThat(order("2023-03-10T10:05:00Z", Side.BUY, "1"))
                .isEqualTo(RiskDecision.reject("CIRCUIT_OPEN", message));
        assertThat(order("2023-03-10T10:05:00Z", Side.SELL, "1"))
                .isEqualTo(RiskDecision.reject("CIRCUIT_OPEN", message));
        portfolio.withPosition(BTC, "2");
        assertThat(order("2023-03-10T10:05:00Z", Side.BUY, "1")) // adds to the long
                .isEqualTo(RiskDecision.reject("CIRCUIT_OPEN", message));
    }

    @Test
    void openBreakerLetsOrdersThatReduceAPositionThrough() {
        tripAtTen();
        portfolio.withPosition(BTC, "3");
        assertThat(order("2023-03-10T10:05:00Z", Side.SELL, "2")).isEqualTo(RiskDecision.approve());
        assertThat(order("2023-03-10T10:05:00Z", Side.SELL, "3")).isEqualTo(RiskDecision.approve());
        portfolio.withPosition(BTC, "-3");
        assertThat(order("2023-03-10T10:05:00Z", Side.BUY, "3")).isEqualTo(RiskDecision.approve());
    }

    @Test
    void openBreakerCutsAReversalToTheQuantityThatClosesThePosition() {
        tripAtTen();
        portfolio.withPosition(BTC, "3");
        assertThat(order("2023-03-10T10:05:00Z", Side.SELL, "10")).isInstanceOfSatisfying(RiskDecision.Resize.class,
                r -> {
                    assertThat(r.quantity()).isEqualByComparingTo("3");
                    assertThat(r.message()).startsWith("circuit breaker OPEN since 2023-03-10T10:00:00Z (")
                            .endsWith("; order cut from 10 to 3 so that it only closes the position");
                });
    }

    @Test
    void breakerHalfOpensExactlyWhenTheCooldownEnds() {
        tripAtTen();
        assertThat(order("2023-03-10T10:29:59.999Z", Side.BUY, "1")).isInstanceOf(RiskDecision.Reject.class);
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        assertThat(order("2023-03-10T10:30:00Z", Side.BUY, "1")).isEqualTo(RiskDecision.approve());
        assertThat(rule.state()).isEqualTo(CircuitState.HALF_OPEN);
        CircuitBreakerEvent e = rule.events().get(1);
        assertThat(e.seq()).isEqualTo(2);
        assertThat(e.eventType()).isEqualTo("HALF_OPEN");
        assertThat(e.from()).isEqualTo(CircuitState.OPEN);
        assertThat(e.timeMillis()).isEqualTo(at("2023-03-10T10:30:00Z"));
        assertThat(e.message()).isEqualTo("cooldown after the CONSECUTIVE_LOSSES trip at 2023-03-10T10:00:00Z ended;"
                + " 1 probe order(s) adding exposure allowed");
        assertThat(e.values()).containsExactly(entry("trip", "CONSECUTIVE_LOSSES"),
                entry("trippedAt", "2023-03-10T10:00:00Z"), entry("probeOrders", "1"));
    }

    @Test
    void halfOpenEventCarriesTheCooldownEndWhenNoticedLater() {
        tripAtTen();
        order("2023-03-10T11:45:00Z", Side.BUY, "1");
        assertThat(rule.events().get(1).timeMillis()).isEqualTo(at("2023-03-10T10:30:00Z"));
    }

    @Test
    void halfOpenLetsOneProbeThroughAndRefusesTheNext() {
        tripAtTen();
        assertThat(order("2023-03-10T10:30:00Z", Side.BUY, "1")).isEqualTo(RiskDecision.approve());
        assertThat(order("2023-03-10T10:30:00Z", Side.BUY, "1")).isEqualTo(RiskDecision.reject("CIRCUIT_HALF_OPEN",
                "circuit breaker HALF_OPEN since 2023-03-10T10:30:00Z after the trip at 2023-03-10T10:00:00Z (" + TRIP
                        + "); 1 of 1 probe order(s) used, waiting for the probe round trip to close (a loss re-opens,"
                        + " a win closes the breaker)"));
        portfolio.withPosition(BTC, "1");
        assertThat(order("2023-03-10T10:31:00Z", Side.SELL, "1")).isEqualTo(RiskDecision.approve()); // reduces
    }

    @Test
    void winningProbeClosesTheBreaker() {
        tripAtTen();
        order("2023-03-10T10:30:00Z", Side.BUY, "1");
        fillAt("2023-03-10T10:31:00Z", Side.BUY, "1", "100", "0");
        assertThat(rule.state()).isEqualTo(CircuitState.HALF_OPEN);
        // 1 x (101 - 100) - 0.1 = 0.90 >= 0
        fillAt("2023-03-10T10:40:00Z", Side.SELL, "1", "101", "0.1");
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
        CircuitBreakerEvent e = rule.events().get(2);
        assertThat(e.eventType()).isEqualTo("RESET");
        assertThat(e.reason()).isEqualTo(CircuitReason.PROBE_WIN);
        assertThat(e.from()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(e.timeMillis()).isEqualTo(at("2023-03-10T10:40:00Z"));
        assertThat(e.message()).isEqualTo("probe round trip in BTCUSDT.SIM closed with P&L 0.90 >= 0");
        assertThat(e.values()).containsExactly(entry("instrument", "BTCUSDT.SIM"), entry("pnl", "0.9"));
        assertThat(order("2023-03-10T10:41:00Z", Side.BUY, "1")).isEqualTo(RiskDecision.approve());
        assertThat(order("2023-03-10T10:41:00Z", Side.BUY, "1")).isEqualTo(RiskDecision.approve());
    }

    @Test
    void losingProbeReopensTheBreakerWithANewCooldown() {
        tripAtTen();
        order("2023-03-10T10:30:00Z", Side.BUY, "1");
        fillAt("2023-03-10T10:31:00Z", Side.BUY, "1", "100", "0");
        fillAt("2023-03-10T10:50:00Z", Side.SELL, "1", "98", "0"); // 1 x (98 - 100) = -2 < 0
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        CircuitBreakerEvent e = rule.events().get(2);
        assertThat(e.eventType()).isEqualTo("TRIP");
        assertThat(e.reason()).isEqualTo(CircuitReason.PROBE_LOSS);
        assertThat(e.from()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(e.message()).isEqualTo("probe round trip in BTCUSDT.SIM closed with P&L -2.00 < 0;"
                + " OPEN until 2023-03-10T11:20:00Z");
        assertThat(e.values()).containsExactly(entry("instrument", "BTCUSDT.SIM"), entry("pnl", "-2"),
                entry("halfOpenAt", "2023-03-10T11:20:00Z"));
        assertThat(order("2023-03-10T11:19:59.999Z", Side.BUY, "1")).isInstanceOfSatisfying(
                RiskDecision.Reject.class, r -> assertThat(r.message()).contains("(PROBE_LOSS: probe round trip"));
        assertThat(order("2023-03-10T11:20:00Z", Side.BUY, "1")).isEqualTo(RiskDecision.approve());
        assertThat(rule.events()).extracting(CircuitBreakerEvent::eventType)
                .containsExactly("TRIP", "HALF_OPEN", "TRIP", "HALF_OPEN");
    }

    @Test
    void positionOpenedBeforeTheTripDoesNotDecideTheProbe() {
        fillAt("2023-03-10T09:50:00Z", Side.BUY, "1", "100", "0"); // BTC round trip opened while CLOSED
        tripAtTen();
        order("2023-03-10T10:30:00Z", Side.BUY, "1");              // HALF_OPEN; the probe is approved
        fillAt("2023-03-10T10:35:00Z", Side.SELL, "1", "90", "0"); // the old BTC trip closes at -10
        assertThat(rule.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(rule.events()).hasSize(2);
    }

    @Test
    void unfilledProbeIsRenewedOneCooldownLater() {
        tripAtTen();
        assertThat(order("2023-03-10T10:30:00Z", Side.BUY, "1")).isEqualTo(RiskDecision.approve());
        // no fill: the order was canceled, which a rule cannot see
        assertThat(order("2023-03-10T10:59:59.999Z", Side.BUY, "1")).isInstanceOf(RiskDecision.Reject.class);
        assertThat(order("2023-03-10T11:00:00Z", Side.BUY, "1")).isEqualTo(RiskDecision.approve());
    }

    @Test
    void openProbeIsNotRenewed() {
        tripAtTen();
        order("2023-03-10T10:30:00Z", Side.BUY, "1");
        fillAt("2023-03-10T10:31:00Z", Side.BUY, "1", "100", "0");
        assertThat(order("2023-03-10T12:00:00Z", Side.BUY, "1")).isInstanceOfSatisfying(RiskDecision.Reject.class,
                r -> assertThat(r.code()).isEqualTo("CIRCUIT_HALF_OPEN"));
    }

    @Test
    void eventsAfterReturnsOnlyNewerEvents() {
        tripAtTen();
        order("2023-03-10T10:30:00Z", Side.BUY, "1");
        assertThat(rule.eventsAfter(0)).extracting(CircuitBreakerEvent::seq).containsExactly(1L, 2L);
        assertThat(rule.eventsAfter(1)).extracting(CircuitBreakerEvent::seq).containsExactly(2L);
        assertThat(rule.eventsAfter(2)).isEmpty();
    }

    @Test
    void everyStateChangeIsReportedOnceToTheSessionAsItHappens() {
        tripAtTen();
        // the trip of the losing ETH round trip: P&L 1 x (99 - 100) = -1, streak 1 = limit 1, cooldown 30 min
        assertThat(ctx.reported()).singleElement().satisfies(e -> {
            assertThat(e.timeMillis()).isEqualTo(at("2023-03-10T10:00:00Z"));
            assertThat(e.eventType()).isEqualTo("TRIP");
            assertThat(e.code()).isEqualTo("CONSECUTIVE_LOSSES");
            assertThat(e.message()).isEqualTo("losing round trips in a row: 1 (last: ETHUSDT.SIM -1.00), limit 1;"
                    + " OPEN until 2023-03-10T10:30:00Z");
            assertThat(e.values()).containsExactly(entry("instrument", "ETHUSDT.SIM"), entry("pnl", "-1"),
                    entry("lossStreak", "1"), entry("limit", "1"), entry("halfOpenAt", "2023-03-10T10:30:00Z"));
        });
        order("2023-03-10T10:20:00Z", Side.BUY, "1"); // refused while OPEN: no new event
        assertThat(ctx.reported()).hasSize(1);

        // noticed at 10:45, it took effect when the cooldown ended at 10:30
        order("2023-03-10T10:45:00Z", Side.BUY, "1");
        fillAt("2023-03-10T10:46:00Z", Side.BUY, "1", "100", "0");
        fillAt("2023-03-10T10:50:00Z", Side.SELL, "1", "101", "0"); // probe P&L 1 x (101 - 100) = 1 >= 0
        assertThat(ctx.reported()).extracting(RiskEvent::eventType).containsExactly("TRIP", "HALF_OPEN", "RESET");
        assertThat(ctx.reported()).extracting(RiskEvent::code)
                .containsExactly("CONSECUTIVE_LOSSES", "COOLDOWN_ELAPSED", "PROBE_WIN");
        assertThat(ctx.reported()).extracting(RiskEvent::timeMillis).containsExactly(at("2023-03-10T10:00:00Z"),
                at("2023-03-10T10:30:00Z"), at("2023-03-10T10:50:00Z"));
        assertThat(ctx.reported().get(2).message()).isEqualTo("probe round trip in BTCUSDT.SIM closed with P&L 1.00"
                + " >= 0");
        // the same as the rule keeps, one for one
        assertThat(ctx.reported()).containsExactlyElementsOf(
                rule.events().stream().map(CircuitBreakerEvent::toRiskEvent).toList());
    }

    @Test
    void aContextThatCannotRecordEventsIsNotAskedAgainAndTheBreakerWorksOn() {
        ctx.refuseReports();
        tripAtTen();
        assertThat(order("2023-03-10T10:30:00Z", Side.BUY, "1")).isEqualTo(RiskDecision.approve());
        assertThat(rule.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(ctx.reportCalls()).isEqualTo(1);
        assertThat(rule.events()).extracting(CircuitBreakerEvent::eventType).containsExactly("TRIP", "HALF_OPEN");
    }
}
