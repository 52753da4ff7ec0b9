package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.MarketOrder;
import io.quantplug.api.order.OrderSize;
import io.quantplug.api.order.Side;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeRiskContext;
import io.quantplug.testkit.OrderIntents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.quantplug.plugins.circuitbreaker.BreakerStubs.BTC;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code exposure-limits} on an account of 10,000 USDT, BTC at 200. */
class ExposureLimitsTest {

    private final ExposureLimitsProvider provider = new ExposureLimitsProvider();

    /** A rule with every limit off except the given ones (name, value, ...). */
    private RiskRule rule(String... nameValues) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("maxInstrumentPercent", "0");
        raw.put("maxLeverage", "0");
        for (int i = 0; i < nameValues.length; i += 2) {
            raw.put(nameValues[i], nameValues[i + 1]);
        }
        return provider.create(provider.descriptor().parameters().resolve(raw));
    }

    private static RiskDecision check(RiskRule rule, FakeRiskContext ctx, Side side, String qty) {
        return rule.check(OrderIntents.market(ctx.portfolio(), BTC, side, qty, "200"), ctx);
    }

    private static FakeRiskContext account() {
        return new FakeRiskContext(new FakePortfolio().equity("10000"));
    }

    @Test
    void perPositionNotionalRejectsOrResizes() {
        FakeRiskContext ctx = account();
        ctx.portfolio().withPosition(BTC, "3");
        // long 3, buy 3 @ 200: |3 + 3| x 200 = 1200 > 1000
        String why = "position notional in BTCUSDT.SIM after the order would be 1200.00, above the per-position limit"
                + " 1000.00";
        assertThat(check(rule("maxPositionNotional", "1000"), ctx, Side.BUY, "3"))
                .isEqualTo(RiskDecision.reject("POSITION_NOTIONAL_LIMIT", why));
        // resize: 1000 / 200 - 3 = 2
        assertThat(check(rule("maxPositionNotional", "1000", "action", "resize"), ctx, Side.BUY, "3"))
                .isEqualTo(RiskDecision.resize(new BigDecimal("2"), why + "; order resized from 3 to 2"));
        // at the limit exactly: 5 x 200 = 1000
        assertThat(check(rule("maxPositionNotional", "1000"), ctx, Side.BUY, "2")).isEqualTo(RiskDecision.approve());
    }

    @Test
    void perInstrumentShareOfEquityRejectsOrResizes() {
        // flat, buy 6 @ 200 = 1200 = 12 % of 10,000 > 10 %
        String why = "BTCUSDT.SIM would be 12.00% of equity after the order (notional 1200.00 / equity 10000.00),"
                + " above the per-instrument limit 10%";
        assertThat(check(rule("maxInstrumentPercent", "10"), account(), Side.BUY, "6"))
                .isEqualTo(RiskDecision.reject("INSTRUMENT_EXPOSURE_LIMIT", why));
        // resize: 10 % x 10,000 / 200 = 5
        assertThat(check(rule("maxInstrumentPercent", "10", "action", "resize"), account(), Side.BUY, "6"))
                .isInstanceOfSatisfying(RiskDecision.Resize.class,
                        r -> assertThat(r.quantity()).isEqualByComparingTo("5"));
    }

    @Test
    void totalNotionalCountsOtherPositionsAtTheirLastPrice() {
        FakeRiskContext ctx = account().lastPrice(ETH, 2000);
        ctx.portfolio().withPosition(ETH, "5", "1800");
        // BTC 75 x 200 = 15,000 + ETH 5 x 2,000 = 10,000: 25,000 > 20,000
        assertThat(check(rule("maxTotalNotional", "20000"), ctx, Side.BUY, "75"))
                .isEqualTo(RiskDecision.reject("TOTAL_NOTIONAL_LIMIT", "total notional after the order would be"
                        + " 25000.00 (BTCUSDT.SIM 15000.00 + other positions 10000.00), above the limit 20000.00"));
        // resize: (20,000 - 10,000) / 200 = 50
        assertThat(check(rule("maxTotalNotional", "20000", "action", "resize"), ctx, Side.BUY, "75"))
                .isInstanceOfSatisfying(RiskDecision.Resize.class,
                        r -> assertThat(r.quantity()).isEqualByComparingTo("50"));
    }

    @Test
    void otherPositionWithoutALastPriceIsValuedAtItsEntryPrice() {
        FakeRiskContext ctx = account();
        ctx.portfolio().withPosition(ETH, "5", "1800");
        // ETH 5 x 1,800 = 9,000; BTC 55 x 200 = 11,000: 20,000 is at the limit
        assertThat(check(rule("maxTotalNotional", "20000"), ctx, Side.BUY, "55")).isEqualTo(RiskDecision.approve());
        assertThat(check(rule("maxTotalNotional", "20000"), ctx, Side.BUY, "55.01"))
                .isInstanceOf(RiskDecision.Reject.class);
    }

    @Test
    void leverageIsGrossNotionalOverEquity() {
        FakeRiskContext ctx = account().lastPrice(ETH, 2000);
        ctx.portfolio().withPosition(ETH, "-5"); // a short counts by its absolute value: 10,000
        // (15,000 + 10,000) / 10,000 = 2.50x > 2x
        assertThat(check(rule("maxLeverage", "2"), ctx, Side.BUY, "75"))
                .isEqualTo(RiskDecision.reject("LEVERAGE_LIMIT", "leverage after the order would be 2.50x (gross"
                        + " notional 25000.00 / equity 10000.00), above the limit 2x"));
        // resize: (2 x 10,000 - 10,000) / 200 = 50
        assertThat(check(rule("maxLeverage", "2", "action", "resize"), ctx, Side.BUY, "75"))
                .isInstanceOfSatisfying(RiskDecision.Resize.class,
                        r -> assertThat(r.quantity()).isEqualByComparingTo("50"));
    }

    @Test
    void theTightestLimitIsNamed() {
        FakeRiskContext ctx = account().lastPrice(ETH, 2000);
        ctx.portfolio().withPosition(ETH, "5");
        // position allows 12,000 of BTC, leverage 2 x 10,000 - 10,000 = 10,000: leverage binds
        assertThat(check(rule("maxPositionNotional", "12000", "maxLeverage", "2"), ctx, Side.BUY, "75"))
                .isInstanceOfSatisfying(RiskDecision.Reject.class,
                        r -> assertThat(r.code()).isEqualTo("LEVERAGE_LIMIT"));
    }

    @Test
    void ordersThatDoNotGrowThePositionPassAboveTheLimits() {
        FakeRiskContext ctx = account();
        ctx.portfolio().withPosition(BTC, "10"); // 2,000, above the 1,000 limit
        assertThat(check(rule("maxPositionNotional", "1000"), ctx, Side.SELL, "4")).isEqualTo(RiskDecision.approve());
        // reversal into a smaller short: long 10, sell 15 = short 5 (1,000)
        assertThat(check(rule("maxPositionNotional", "1000"), ctx, Side.SELL, "15")).isEqualTo(RiskDecision.approve());
    }

    @Test
    void reversalIsResizedToTheLargestPositionThatFits() {
        FakeRiskContext ctx = account();
        ctx.portfolio().withPosition(BTC, "3");
        // long 3, sell 10 would be short 7 = 1,400 > 1,000; the most is 3 + 1000 / 200 = 8 (short 5)
        assertThat(check(rule("maxPositionNotional", "1000", "action", "resize"), ctx, Side.SELL, "10"))
                .isInstanceOfSatisfying(RiskDecision.Resize.class,
                        r -> assertThat(r.quantity()).isEqualByComparingTo("8"));
    }

    @Test
    void noRoomLeftRejectsEvenInResizeMode() {
        FakeRiskContext ctx = account();
        ctx.portfolio().withPosition(BTC, "5"); // exactly 1,000
        assertThat(check(rule("maxPositionNotional", "1000", "action", "resize"), ctx, Side.BUY, "1"))
                .isInstanceOfSatisfying(RiskDecision.Reject.class,
                        r -> assertThat(r.code()).isEqualTo("POSITION_NOTIONAL_LIMIT"));
    }

    @Test
    void defaultsAllowNoLeverage() {
        RiskRule rule = provider.create(provider.descriptor().parameters().defaults());
        // 50 x 200 = 10,000 = equity: 1x
        assertThat(check(rule, account(), Side.BUY, "50")).isEqualTo(RiskDecision.approve());
        assertThat(check(rule, account(), Side.BUY, "50.5")).isInstanceOfSatisfying(RiskDecision.Reject.class,
                // 101 % of equity and 1.01x tie: the first limit of the table is named
                r -> assertThat(r.code()).isEqualTo("INSTRUMENT_EXPOSURE_LIMIT"));
    }

    @Test
    void allInQuoteSizedOrderIsExactlyAtTheLimit() {
        // the engine turns a quote amount of 8,165.43 at a last price of 22,674.59 into 0.36011 (rounded down to the
        // lot); its price 8165.43 / 0.36011 = 22674.8215822943... is rounded, and 0.36011 times that rounded price
        // is 8165.43000000000037: the order's own notional must be used, not quantity x rounded price
        MarketOrder order = new MarketOrder(new ClientOrderId("q-2"), BTC, Side.BUY,
                OrderSize.quote(new BigDecimal("8165.43")));
        OrderIntent intent = new OrderIntent(order, "s-1", 22674.59, new BigDecimal("0.36011"),
                new BigDecimal("8165.43"), false);
        RiskRule rule = provider.create(provider.descriptor().parameters().defaults());
        FakeRiskContext ctx = new FakeRiskContext(new FakePortfolio().equity("8165.43"));
        assertThat(rule.check(intent, ctx)).isEqualTo(RiskDecision.approve());
    }

    @Test
    void noEquityRefusesNewExposure() {
        FakeRiskContext ctx = new FakeRiskContext(new FakePortfolio().equity("0"));
        assertThat(check(rule("maxLeverage", "1"), ctx, Side.BUY, "1")).isEqualTo(RiskDecision.reject("NO_EQUITY",
                "equity 0.00 is not positive: no exposure may be added under the per-instrument and leverage limits"));
    }

    @Test
    void orderWithoutAKnownQuantityIsRefused() {
        MarketOrder order = new MarketOrder(new ClientOrderId("q-1"), BTC, Side.BUY,
                OrderSize.quote(new BigDecimal("500")));
        OrderIntent intent = new OrderIntent(order, "s-1", Double.NaN, BigDecimal.ZERO, new BigDecimal("500"), false);
        assertThat(rule("maxLeverage", "1").check(intent, account())).isInstanceOfSatisfying(
                RiskDecision.Reject.class, r -> assertThat(r.code()).isEqualTo("NO_PRICE"));
    }

    @Test
    void parameterOutsideItsRangeNamesItAndTheRange() {
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> rule("maxLeverage", "101"))
                .satisfies(e -> {
                    assertThat(e.parameter()).isEqualTo("maxLeverage");
                    assertThat(e.getMessage()).isEqualTo(
                            "parameter 'maxLeverage' = 101 is out of range: allowed decimal 0 .. 100 (x equity)");
                });
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> rule("maxPositionNotional", "-1"))
                .satisfies(e -> assertThat(e.parameter()).isEqualTo("maxPositionNotional"));
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> rule("action", "warn"))
                .satisfies(e -> assertThat(e.parameter()).isEqualTo("action"));
    }
}
