package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.order.Side;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeRiskContext;
import org.junit.jupiter.api.Test;

import static io.quantplug.plugins.circuitbreaker.BreakerStubs.BTC;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.breaker;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Consecutive losing round trips: 3, built from fills. */
class ConsecutiveLossesTest {

    private final CircuitBreakerRule rule = breaker("maxConsecutiveLosses", "3", "cooldownMinutes", "60");
    private final FakeRiskContext ctx = new FakeRiskContext(new FakePortfolio().equity("10000"));

    /** One round trip of 1 BTC, bought at 100 and sold at {@code exit}, at a given minute past 10:00. */
    private void roundTrip(int minute, String exit, String feeEach, String feeAsset) {
        ctx.at(String.format("2023-03-10T10:%02d:00Z", minute));
        rule.onFill(fill(BTC, Side.BUY, "1", "100", feeEach, feeAsset, ctx.timeMillis()), ctx);
        ctx.at(String.format("2023-03-10T10:%02d:30Z", minute));
        rule.onFill(fill(BTC, Side.SELL, "1", exit, feeEach, feeAsset, ctx.timeMillis()), ctx);
    }

    @Test
    void threeLosingRoundTripsInARowTrip() {
        roundTrip(0, "99", "0.10", "USDT");   // 1 x (99 - 100) - 2 x 0.10 = -1.20: streak 1
        roundTrip(1, "101", "0", "USDT");     // +1.00: a win resets the streak
        roundTrip(2, "99.5", "0", "USDT");    // -0.50: streak 1
        roundTrip(3, "99.5", "0", "USDT");    // streak 2
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
        roundTrip(4, "99.5", "0", "USDT");    // streak 3 = limit
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        assertThat(rule.events()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(CircuitReason.CONSECUTIVE_LOSSES);
            assertThat(e.timeMillis()).isEqualTo(BreakerStubs.at("2023-03-10T10:04:30Z"));
            assertThat(e.message()).isEqualTo("losing round trips in a row: 3 (last: BTCUSDT.SIM -0.50), limit 3;"
                    + " OPEN until 2023-03-10T11:04:30Z");
            assertThat(e.values()).containsExactly(entry("instrument", "BTCUSDT.SIM"), entry("pnl", "-0.5"),
                    entry("lossStreak", "3"), entry("limit", "3"), entry("halfOpenAt", "2023-03-10T11:04:30Z"));
        });
    }

    @Test
    void feesCanTurnAFlatRoundTripIntoALoss() {
        // exit at the entry price: 0 - 2 x 0.05 = -0.10 each time
        roundTrip(0, "100", "0.05", "USDT");
        roundTrip(1, "100", "0.05", "USDT");
        roundTrip(2, "100", "0.05", "USDT");
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        assertThat(rule.events().get(0).values()).containsEntry("pnl", "-0.10");
    }

    @Test
    void feesInAnotherAssetAreLeftOutSoAFlatRoundTripIsAWin() {
        roundTrip(0, "99", "0", "USDT");
        roundTrip(1, "99", "0", "USDT");
        roundTrip(2, "100", "0.05", "BNB"); // P&L 0 >= 0: not a loss
        roundTrip(3, "99", "0", "USDT");
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void aRoundTripEndsOnlyWhenThePositionIsFlatOrReversed() {
        // buy 2, sell 1 at a loss: still open, nothing counted yet
        ctx.at("2023-03-10T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            rule.onFill(fill(BTC, Side.BUY, "2", "100", "0", ctx.timeMillis()), ctx);
            rule.onFill(fill(BTC, Side.SELL, "1", "90", "0", ctx.timeMillis()), ctx);
        }
        // position 3 long, never flat: no round trip closed
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
    }
}
