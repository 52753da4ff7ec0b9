package io.quantplug.plugins.risk;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
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
import static org.assertj.core.api.Assertions.within;

/**
 * {@code value-at-risk} on real returns: the daily BTCUSDT closes of 5 to 16 March 2020 (the COVID-19 crash; Binance
 * spot, {@code binance-spot-btcusdt-1d-2017-2026-cdd}): 9054.68, 9131.88, 8886.66, 8033.31, 7929.87, 7894.56,
 * 7934.52, 4800.00, 5578.60, 5172.06, 5361.30, 5028.97, whose eleven close-to-close returns are below.
 */
class ValueAtRiskTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final double[] CLOSES = {9054.68, 9131.88, 8886.66, 8033.31, 7929.87, 7894.56, 7934.52, 4800.00,
        5578.60, 5172.06, 5361.30, 5028.97};

    private final ValueAtRiskProvider provider = new ValueAtRiskProvider();

    private ValueAtRisk rule(Map<String, String> parameters) {
        return (ValueAtRisk) provider.create(provider.descriptor().parameters().resolve(parameters));
    }

    private static double[] returns() {
        double[] r = new double[CLOSES.length - 1];
        for (int i = 1; i < CLOSES.length; i++) {
            r[i - 1] = CLOSES[i] / CLOSES[i - 1] - 1;
        }
        return r;
    }

    @Test
    void historicalVarAndExpectedShortfallOfALongPositionCheckedByHand() {
        // 1,000 USDT long: losses -1000 r sorted: -162.208333, -36.588903, -8.525978, -5.061713, 4.452784,
        // 12.876386, 26.853178, 61.986832, 72.874915, 96.025954, 395.048472 (12 March: -39.5 %).
        // 95 %: h = (11 - 1) x 0.95 = 9.5, between the 10th and 11th: 96.025954 + 0.5 x (395.048472 - 96.025954)
        double[][] history = {returns()};
        double[] exposure = {1000};
        assertThat(rule(Map.of("confidence", "95")).historical(history, exposure)).isCloseTo(245.537213,
                within(1e-6));
        // ES 95 %: the mean of the losses at or above 245.537213: 395.048472 alone
        assertThat(rule(Map.of("confidence", "95", "measure", "es")).historical(history, exposure))
                .isCloseTo(395.048472, within(1e-6));
        // 99 %: h = 9.9: 96.025954 + 0.9 x 299.022518 = 365.146220
        assertThat(rule(Map.of("confidence", "99")).historical(history, exposure)).isCloseTo(365.146220,
                within(1e-6));
        // a short of 1,000 USDT loses on the rises: its worst bar is 13 March, +16.22 %
        assertThat(rule(Map.of("confidence", "99")).historical(history, new double[] {-1000}))
                .isCloseTo(36.588903 + 0.9 * (162.208333 - 36.588903), within(1e-6));
    }

    @Test
    void parametricVarAndExpectedShortfallCheckedByHand() {
        // mean of the returns -0.0416121448, sample standard deviation 0.1356633513; 1,000 USDT long:
        // VaR 95 % = 1.6448536 x 135.6633513 + 41.6121448 = 264.758500
        double[][] history = {returns()};
        assertThat(rule(Map.of("confidence", "95", "method", "parametric")).parametric(history, new double[] {1000}))
                .isCloseTo(264.758500, within(1e-6));
        // ES 99 % = 135.6633513 x phi(2.3263479) / 0.01 + 41.6121448, phi(2.3263479) = 0.0266521422
        assertThat(rule(Map.of("confidence", "99", "method", "parametric", "measure", "es"))
                .parametric(history, new double[] {1000})).isCloseTo(403.184038, within(1e-6));
        // two instruments perfectly correlated add up: the same returns held twice as 600 + 400 is 1,000 held once
        assertThat(rule(Map.of("method", "parametric")).parametric(new double[][] {returns(), returns()},
                new double[] {600, 400})).isCloseTo(rule(Map.of("method", "parametric"))
                .parametric(new double[][] {returns()}, new double[] {1000}), within(1e-9));
    }

    /**
     * The crash's closes over and over as daily bars (each pass after the first starts with the jump from the last
     * close back to the first, +80 %, which is not a real return: the window is there to exercise the decision).
     */
    private static FakeRiskContext crash(RiskRule rule, int bars) {
        FakeRiskContext context = new FakeRiskContext(new FakePortfolio().equity("10000"));
        for (int i = 0; i < bars; i++) {
            double close = CLOSES[i % CLOSES.length];
            context.onBar(rule, new Bar(BTC, Timeframe.D1, i * 86_400_000L, close, close, close, close, 1));
        }
        return context.lastPrice(BTC, CLOSES[(bars - 1) % CLOSES.length]);
    }

    @Test
    void refusesAnEntryWhoseOneBarVarPassesTheLimitAndLetsSmallerOnesAndExitsThrough() {
        RiskRule rule = rule(Map.of("limitPct", "2", "confidence", "95"));
        FakeRiskContext context = crash(rule, 36);
        FakePortfolio flat = new FakePortfolio().equity("10000");
        // 35 returns; the three largest losses are the three passes over 12 March, -39.5 %, which cost 0.1 BTC at
        // 5,000 (500 USDT long) 197.52 USDT each. The 95 % quantile (h = 34 x 0.95 = 32.3) falls among them: a
        // one-bar VaR of 197.52 USDT, just under the limit of 2 % of 10,000 = 200. 1 BTC, ten times that, is over it.
        RiskDecision small = rule.check(OrderIntents.market(flat, BTC, Side.BUY, "0.1", "5000"), context);
        RiskDecision large = rule.check(OrderIntents.market(flat, BTC, Side.BUY, "1", "5000"), context);
        assertThat(small).isEqualTo(RiskDecision.approve());
        assertThat(large).isInstanceOfSatisfying(RiskDecision.Reject.class, r -> {
            assertThat(r.code()).isEqualTo("VALUE_AT_RISK");
            assertThat(r.message()).contains("one-bar historical VaR at 95 %", "above the limit 200.00",
                    "over 35 bars");
        });
        // closing a position is never refused
        FakePortfolio longOne = new FakePortfolio().equity("10000").withPosition(BTC, "1");
        assertThat(rule.check(OrderIntents.market(longOne, BTC, Side.SELL, "1", "5000"), context))
                .isEqualTo(RiskDecision.approve());
    }

    @Test
    void approvesUntilItHasThirtyReturnsToJudgeBy() {
        RiskRule rule = rule(Map.of("limitPct", "0.01"));
        FakePortfolio flat = new FakePortfolio().equity("10000");
        assertThat(rule.check(OrderIntents.market(flat, BTC, Side.BUY, "1", "5000"), crash(rule, 30)))
                .isEqualTo(RiskDecision.approve()); // 29 returns
        assertThat(rule.check(OrderIntents.market(flat, BTC, Side.BUY, "1", "5000"), crash(rule, 31)))
                .isInstanceOf(RiskDecision.Reject.class);
    }

    @Test
    void aSwappedInBuildJudgesByTheSameHistoryAtOnce() {
        RiskRule old = rule(Map.of("limitPct", "2", "confidence", "95"));
        FakeRiskContext context = crash(old, 36);
        FakePortfolio flat = new FakePortfolio().equity("10000");
        var large = OrderIntents.market(flat, BTC, Side.BUY, "1", "5000");
        assertThat(old.check(large, context)).isInstanceOf(RiskDecision.Reject.class);
        RiskRule fresh = rule(Map.of("limitPct", "2", "confidence", "95"));
        assertThat(fresh.check(large, context)).isEqualTo(RiskDecision.approve()); // no history yet
        assertThat(fresh.restore(old.snapshot())).isTrue();
        assertThat(fresh.check(large, context)).isEqualTo(old.check(large, context));
        assertThat(fresh.restore(new io.quantplug.api.StateSnapshot("other/1", Map.of()))).isFalse();
    }

    @Test
    void refusesParametersOutOfRangeNamingThem() {
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> rule(Map.of("confidence", "90"))).withMessageContaining("confidence");
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> rule(Map.of("lookback", "10"))).withMessageContaining("lookback");
        assertThatExceptionOfType(InvalidParameterException.class)
                .isThrownBy(() -> rule(Map.of("limitPct", "0"))).withMessageContaining("limitPct");
    }
}
