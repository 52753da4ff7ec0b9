package io.quantplug.testkit;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.risk.RiskRule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeRiskContextTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    private static final InstrumentId ETH = InstrumentId.of("ETHUSDT", "SIM");
    /** 2023-03-10T10:00:00Z: 19,426 days after the epoch (1678406400000 ms at midnight) + 10 h (36,000,000 ms). */
    private static final long TEN_AM = 1_678_442_400_000L;

    /** A rule that, on every bar, reports the context's clock and last price and asks to close the position. */
    private static final class EchoRule implements RiskRule {
        @Override
        public RiskDecision check(OrderIntent intent, RiskContext context) {
            return RiskDecision.approve();
        }

        @Override
        public void onBar(Bar bar, RiskContext context) {
            context.report(new RiskEvent(context.timeMillis(), "SEEN", "BAR", "bar at " + context.lastPrice(BTC),
                    Map.of("equity", context.portfolio().equity().toPlainString())));
            context.closePosition(bar.instrument(), "seen " + bar.close());
        }
    }

    @Test
    void theViewsAreWhatTheTestSet() {
        Instrument btc = Instrument.spot(BTC, "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
                BigDecimal.ONE);
        FakeRiskContext ctx = new FakeRiskContext(new FakePortfolio().equity("12000"))
                .at("2023-03-10T10:00:00Z").lastPrice(BTC, 22_000.5).instrument(btc).openOrderCount(3);
        assertThat(ctx.timeMillis()).isEqualTo(TEN_AM);
        assertThat(ctx.lastPrice(BTC)).isEqualTo(22_000.5);
        assertThat(ctx.lastPrice(ETH)).isNaN();
        assertThat(ctx.instrument(BTC)).isSameAs(btc);
        assertThatThrownBy(() -> ctx.instrument(ETH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ETHUSDT");
        assertThat(ctx.openOrderCount()).isEqualTo(3);
        assertThat(ctx.portfolio().equity()).isEqualTo(new BigDecimal("12000"));
        assertThat(ctx.at(5L).timeMillis()).isEqualTo(5L);
        assertThatThrownBy(() -> ctx.openOrderCount(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onBarMovesTheClockToTheBarsCloseAndRecordsWhatTheRuleReportsAndClosesInOrder() {
        FakeRiskContext ctx = new FakeRiskContext(new FakePortfolio().equity("10000"));
        EchoRule rule = new EchoRule();
        ctx.onBar(rule, new Bar(BTC, Timeframe.M1, TEN_AM, 100, 101, 99, 100.5, 1));
        ctx.portfolio().equity("9900");
        ctx.onBar(rule, new Bar(BTC, Timeframe.M1, TEN_AM + 60_000, 100.5, 100.5, 98, 98.25, 1));
        // a one-minute bar closes 60,000 ms after it opens
        assertThat(ctx.reported()).extracting(RiskEvent::timeMillis).containsExactly(TEN_AM + 60_000,
                TEN_AM + 120_000);
        assertThat(ctx.reported()).extracting(RiskEvent::message).containsExactly("bar at 100.5", "bar at 98.25");
        assertThat(ctx.reported()).extracting(e -> e.values().get("equity")).containsExactly("10000", "9900");
        assertThat(ctx.reportCalls()).isEqualTo(2);
        assertThat(ctx.closeRequests()).containsExactly(
                new FakeRiskContext.CloseRequest(TEN_AM + 60_000, BTC, "seen 100.5"),
                new FakeRiskContext.CloseRequest(TEN_AM + 120_000, BTC, "seen 98.25"));
        assertThat(ctx.portfolio().position(BTC).isFlat()).isTrue();   // a close request fills nothing
    }

    @Test
    void aRefusingContextThrowsLikeTheSpiDefaultsAndCountsTheRefusedReports() {
        FakeRiskContext ctx = new FakeRiskContext().refuseReports();
        RiskEvent event = new RiskEvent(1L, "TRIP", "DAILY_LOSS", "lost 5%", Map.of());
        assertThatThrownBy(() -> ctx.report(event)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ctx.reportCalls()).isEqualTo(1);
        assertThat(ctx.reported()).isEmpty();

        assertThatThrownBy(() -> ctx.closePosition(BTC, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        ctx.closePosition(BTC, "guard");
        ctx.refuseCloses();
        assertThatThrownBy(() -> ctx.closePosition(BTC, "guard")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ctx.closeRequests()).containsExactly(new FakeRiskContext.CloseRequest(0L, BTC, "guard"));
    }
}
