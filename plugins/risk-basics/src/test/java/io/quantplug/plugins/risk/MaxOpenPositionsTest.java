package io.quantplug.plugins.risk;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Side;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeRiskContext;
import io.quantplug.testkit.OrderIntents;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code max-open-positions}: an order that would open one position too many is refused. */
class MaxOpenPositionsTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    private static final InstrumentId ETH = InstrumentId.of("ETHUSDT", "SIM");

    private final MaxOpenPositionsProvider provider = new MaxOpenPositionsProvider();

    private RiskRule rule(String limit) {
        return provider.create(provider.descriptor().parameters().resolve(Map.of("limit", limit)));
    }

    private static RiskDecision check(RiskRule rule, FakePortfolio p, InstrumentId i,
                                      Side side, String qty) {
        return rule.check(OrderIntents.market(p, i, side, qty, "100"), new FakeRiskContext(p));
    }

    @Test
    void firstPositionIsAllowed() {
        assertThat(check(rule("1"), new FakePortfolio().equity("10000"), BTC, Side.BUY, "1"))
                .isEqualTo(RiskDecision.approve());
    }

    @Test
    void orderOpeningAPositionBeyondTheLimitIsRejected() {
        // ETH is open; a BTC order would make 2 open positions with a limit of 1
        RiskDecision d = check(rule("1"), new FakePortfolio().equity("10000").withPosition(ETH, "2"), BTC, Side.BUY,
                "1");
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Reject.class, r -> {
            assertThat(r.code()).isEqualTo("MAX_OPEN_POSITIONS");
            assertThat(r.message()).contains("2 open positions").contains("limit 1");
        });
        // a short entry counts too
        assertThat(check(rule("1"), new FakePortfolio().equity("10000").withPosition(ETH, "2"), BTC, Side.SELL, "1"))
                .isInstanceOf(RiskDecision.Reject.class);
    }

    @Test
    void orderBelowTheLimitIsAllowed() {
        assertThat(check(rule("2"), new FakePortfolio().equity("10000").withPosition(ETH, "2"), BTC, Side.BUY, "1"))
                .isEqualTo(RiskDecision.approve());
    }

    @Test
    void addingToOrReducingAnOpenPositionIsAllowedAtTheLimit() {
        FakePortfolio full = new FakePortfolio().equity("10000").withPosition(ETH, "2");
        // adds to ETH: no new position
        assertThat(check(rule("1"), full, ETH, Side.BUY, "1")).isEqualTo(RiskDecision.approve());
        // reduces ETH
        assertThat(check(rule("1"), full, ETH, Side.SELL, "2")).isEqualTo(RiskDecision.approve());
    }

    @Test
    void flatPositionsDoNotCount() {
        // ETH was traded and is flat again
        assertThat(check(rule("1"), new FakePortfolio().equity("10000").withPosition(ETH, "0"), BTC, Side.BUY, "1"))
                .isEqualTo(RiskDecision.approve());
    }
}
