package io.quantplug.plugins.risk;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Side;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeRiskContext;
import io.quantplug.testkit.OrderIntents;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code max-order-notional}: an order's value may not exceed a percentage of equity (10,000 USDT here). */
class MaxOrderNotionalTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");

    private final MaxOrderNotionalProvider provider = new MaxOrderNotionalProvider();

    private RiskRule rule(String percent) {
        return provider.create(provider.descriptor().parameters().resolve(Map.of("percentOfEquity", percent)));
    }

    private static RiskDecision check(RiskRule rule, FakePortfolio p, Side side, String qty, String price) {
        return rule.check(OrderIntents.market(p, BTC, side, qty, price), new FakeRiskContext(p));
    }

    @Test
    void orderAtThePercentageOfEquityIsApproved() {
        // 50 % of 10,000 = 5,000; 50 * 100 = 5,000
        assertThat(check(rule("50"), new FakePortfolio().equity("10000"), Side.BUY, "50", "100"))
                .isEqualTo(RiskDecision.approve());
    }

    @Test
    void orderAboveThePercentageOfEquityIsRejected() {
        // 50.0001 * 100 = 5,000.01 > 5,000
        RiskDecision d = check(rule("50"), new FakePortfolio().equity("10000"), Side.BUY, "50.0001", "100");
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Reject.class, r -> {
            assertThat(r.code()).isEqualTo("MAX_ORDER_NOTIONAL");
            assertThat(r.message()).contains("5000.01").contains("50%").contains("10000.00").contains("5000.00");
        });
    }

    @Test
    void percentageAboveHundredAllowsLeverage() {
        // 150 % of 10,000 = 15,000; 140 * 100 = 14,000
        assertThat(check(rule("150"), new FakePortfolio().equity("10000"), Side.SELL, "140", "100"))
                .isEqualTo(RiskDecision.approve());
    }

    @Test
    void positionReducingOrderIsLetThroughWhateverItsSize() {
        // long 80 (8,000), sell all 80: 8,000 > 5,000 but it only reduces the position
        assertThat(check(rule("50"), new FakePortfolio().equity("10000").withPosition(BTC, "80"), Side.SELL, "80",
                "100"))
                .isEqualTo(RiskDecision.approve());
        // selling 81 would open a short: checked, and refused
        assertThat(check(rule("50"), new FakePortfolio().equity("10000").withPosition(BTC, "80"), Side.SELL, "81",
                "100"))
                .isInstanceOf(RiskDecision.Reject.class);
    }

    @Test
    void percentageOutsideItsRangeIsRefused() {
        assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> rule("0"));
        assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> rule("1001"));
    }
}
