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

/**
 * {@code max-position-notional} with a limit of 1,000 USDT at a price of 200: at most 5 units held, long or short.
 */
class MaxPositionNotionalTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");

    private final MaxPositionNotionalProvider provider = new MaxPositionNotionalProvider();

    private RiskRule rule(String action) {
        return provider.create(provider.descriptor().parameters().resolve(Map.of("limit", "1000", "action", action)));
    }

    private static RiskDecision check(RiskRule rule, FakePortfolio p, Side side, String qty) {
        return rule.check(OrderIntents.market(p, BTC, side, qty, "200"), new FakeRiskContext(p));
    }

    @Test
    void orderKeepingThePositionAtOrBelowTheLimitIsApproved() {
        // flat, buy 5 @ 200: 1000 <= 1000
        assertThat(check(rule("reject"), new FakePortfolio().equity("10000"), Side.BUY, "5"))
                .isEqualTo(RiskDecision.approve());
    }

    @Test
    void orderTakingThePositionOverTheLimitIsRejected() {
        // long 3, buy 3 @ 200: |3 + 3| * 200 = 1200 > 1000
        RiskDecision d = check(rule("reject"), new FakePortfolio().equity("10000").withPosition(BTC, "3"), Side.BUY,
                "3");
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Reject.class, r -> {
            assertThat(r.code()).isEqualTo("MAX_POSITION_NOTIONAL");
            assertThat(r.message()).contains("1200.00").contains("1000");
        });
    }

    @Test
    void shortThatGrowsOverTheLimitIsRejected() {
        // short 3, sell 3 @ 200: |-3 - 3| * 200 = 1200 > 1000
        assertThat(check(rule("reject"), new FakePortfolio().equity("10000").withPosition(BTC, "-3"), Side.SELL, "3"))
                .isInstanceOf(RiskDecision.Reject.class);
    }

    @Test
    void resizeCutsTheOrderToTheRoomLeft() {
        // long 3: room 1000 / 200 - 3 = 2
        RiskDecision d = check(rule("resize"), new FakePortfolio().equity("10000").withPosition(BTC, "3"), Side.BUY,
                "3");
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Resize.class,
                r -> assertThat(r.quantity()).isEqualByComparingTo("2"));
        // flat, buy 6: room 5
        assertThat(check(rule("resize"), new FakePortfolio().equity("10000"), Side.BUY, "6"))
                .isInstanceOfSatisfying(RiskDecision.Resize.class,
                        r -> assertThat(r.quantity()).isEqualByComparingTo("5"));
        // short 3, sell 3: room 2
        assertThat(check(rule("resize"), new FakePortfolio().equity("10000").withPosition(BTC, "-3"), Side.SELL, "3"))
                .isInstanceOfSatisfying(RiskDecision.Resize.class,
                        r -> assertThat(r.quantity()).isEqualByComparingTo("2"));
    }

    @Test
    void resizeWithNoRoomLeftRejects() {
        // long 5 = 1000 already: room 0
        assertThat(check(rule("resize"), new FakePortfolio().equity("10000").withPosition(BTC, "5"), Side.BUY, "1"))
                .isInstanceOfSatisfying(RiskDecision.Reject.class,
                        r -> assertThat(r.code()).isEqualTo("MAX_POSITION_NOTIONAL"));
    }

    @Test
    void resizeCutsAFlipToTheLargestQuantityThatFits() {
        // long 3, sell 10 @ 200 would leave short 7 = 1400 > 1000; the most that fits is 3 + 1000 / 200 = 8
        // (ending short 5 = 1000)
        RiskDecision d = check(rule("resize"), new FakePortfolio().equity("10000").withPosition(BTC, "3"), Side.SELL,
                "10");
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Resize.class,
                r -> assertThat(r.quantity()).isEqualByComparingTo("8"));
        // without resize the flip is refused
        assertThat(check(rule("reject"), new FakePortfolio().equity("10000").withPosition(BTC, "3"), Side.SELL, "10"))
                .isInstanceOf(RiskDecision.Reject.class);
    }

    @Test
    void positionReducingOrderIsLetThroughEvenAboveTheLimit() {
        // long 10 (2000, above the limit), sell 4: reduces the position
        for (String action : new String[] {"reject", "resize"}) {
            assertThat(check(rule(action), new FakePortfolio().equity("10000").withPosition(BTC, "10"), Side.SELL, "4"))
                    .isEqualTo(RiskDecision.approve());
            assertThat(check(rule(action), new FakePortfolio().equity("10000").withPosition(BTC, "-10"), Side.BUY,
                    "10"))
                    .isEqualTo(RiskDecision.approve());
        }
    }

    @Test
    void limitIsRequiredAndActionIsAChoice() {
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> provider.descriptor().parameters().resolve(Map.of()))
                .satisfies(e -> assertThat(e.parameter()).isEqualTo("limit"));
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> provider.descriptor().parameters().resolve(Map.of("limit", "1", "action", "warn")))
                .satisfies(e -> assertThat(e.parameter()).isEqualTo("action"));
    }
}
