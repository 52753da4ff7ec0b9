package io.quantplug.plugins.risk;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Side;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.quantplug.plugins.risk.RiskStubs.BTC;
import static io.quantplug.plugins.risk.RiskStubs.ETH;
import static io.quantplug.plugins.risk.RiskStubs.intent;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code max-open-positions}: an order that would open one position too many is refused. */
class MaxOpenPositionsTest {

    private final MaxOpenPositionsProvider provider = new MaxOpenPositionsProvider();

    private RiskRule rule(String limit) {
        return provider.create(provider.descriptor().parameters().resolve(Map.of("limit", limit)));
    }

    private static RiskDecision check(RiskRule rule, RiskStubs.StubPortfolio p, InstrumentId i,
                                      Side side, String qty) {
        return rule.check(intent(p, i, side, qty, "100"), new RiskStubs.StubContext(p));
    }

    @Test
    void firstPositionIsAllowed() {
        assertThat(check(rule("1"), new RiskStubs.StubPortfolio("10000"), BTC, Side.BUY, "1"))
                .isEqualTo(RiskDecision.approve());
    }

    @Test
    void orderOpeningAPositionBeyondTheLimitIsRejected() {
        // ETH is open; a BTC order would make 2 open positions with a limit of 1
        RiskDecision d = check(rule("1"), new RiskStubs.StubPortfolio("10000").with(ETH, "2"), BTC, Side.BUY, "1");
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Reject.class, r -> {
            assertThat(r.code()).isEqualTo("MAX_OPEN_POSITIONS");
            assertThat(r.message()).contains("2 open positions").contains("limit 1");
        });
        // a short entry counts too
        assertThat(check(rule("1"), new RiskStubs.StubPortfolio("10000").with(ETH, "2"), BTC, Side.SELL, "1"))
                .isInstanceOf(RiskDecision.Reject.class);
    }

    @Test
    void orderBelowTheLimitIsAllowed() {
        assertThat(check(rule("2"), new RiskStubs.StubPortfolio("10000").with(ETH, "2"), BTC, Side.BUY, "1"))
                .isEqualTo(RiskDecision.approve());
    }

    @Test
    void addingToOrReducingAnOpenPositionIsAllowedAtTheLimit() {
        RiskStubs.StubPortfolio full = new RiskStubs.StubPortfolio("10000").with(ETH, "2");
        // adds to ETH: no new position
        assertThat(check(rule("1"), full, ETH, Side.BUY, "1")).isEqualTo(RiskDecision.approve());
        // reduces ETH
        assertThat(check(rule("1"), full, ETH, Side.SELL, "2")).isEqualTo(RiskDecision.approve());
    }

    @Test
    void flatPositionsDoNotCount() {
        // ETH was traded and is flat again
        assertThat(check(rule("1"), new RiskStubs.StubPortfolio("10000").with(ETH, "0"), BTC, Side.BUY, "1"))
                .isEqualTo(RiskDecision.approve());
    }
}
