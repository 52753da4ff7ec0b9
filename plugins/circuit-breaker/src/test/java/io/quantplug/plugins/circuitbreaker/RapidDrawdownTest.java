package io.quantplug.plugins.circuitbreaker;

import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeRiskContext;
import org.junit.jupiter.api.Test;

import static io.quantplug.plugins.circuitbreaker.BreakerStubs.BTC;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.at;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.breaker;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.flatBar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Rapid drawdown: 3 % below the peak equity of the last 60 minutes (window inclusive). */
class RapidDrawdownTest {

    private final FakeRiskContext ctx = new FakeRiskContext(new FakePortfolio().equity("0"));

    private void bar(CircuitBreakerRule rule, String iso, String equity) {
        ctx.at(iso).portfolio().equity(equity);
        rule.onBar(flatBar(BTC, at(iso) - 60_000, 100), ctx);
    }

    @Test
    void tripsAtThreePercentBelowThePeakWithinTheWindow() {
        CircuitBreakerRule rule = breaker("drawdownPercent", "3", "drawdownWindowMinutes", "60",
                "cooldownMinutes", "60");
        bar(rule, "2023-03-10T10:00:00Z", "10000");
        bar(rule, "2023-03-10T10:30:00Z", "10200"); // the peak
        bar(rule, "2023-03-10T11:00:00Z", "9900");  // (10200 - 9900) / 10200 = 2.94 % < 3 %
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
        bar(rule, "2023-03-10T11:20:00Z", "9894");  // (10200 - 9894) / 10200 = 306 / 10200 = 3.00 % >= 3 %
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        assertThat(rule.events()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(CircuitReason.RAPID_DRAWDOWN);
            assertThat(e.timeMillis()).isEqualTo(at("2023-03-10T11:20:00Z"));
            assertThat(e.message()).isEqualTo("equity 9894.00 is 3.00% below its peak 10200.00 at "
                    + "2023-03-10T10:30:00Z within the last 60 minutes, limit 3%; OPEN until 2023-03-10T12:20:00Z");
            assertThat(e.values()).containsExactly(entry("equity", "9894"), entry("drawdownPercent", "3.0000"),
                    entry("peakEquity", "10200"), entry("peakTime", "2023-03-10T10:30:00Z"),
                    entry("windowMinutes", "60"), entry("limitPercent", "3"),
                    entry("halfOpenAt", "2023-03-10T12:20:00Z"));
        });
    }

    @Test
    void peakJustOutsideTheWindowNoLongerCounts() {
        // at 11:01 the window is [10:01, 11:01]: the peak is 10,100, and (10100 - 9900) / 10100 = 1.98 % < 3 %
        CircuitBreakerRule rule = breaker("drawdownPercent", "3", "drawdownWindowMinutes", "60");
        bar(rule, "2023-03-10T10:00:00Z", "10300");
        bar(rule, "2023-03-10T10:30:00Z", "10100");
        bar(rule, "2023-03-10T11:01:00Z", "9900");
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void peakExactlyAtTheWindowStartStillCounts() {
        // at 11:00 the window is [10:00, 11:00]: the peak is 10,300, and 400 / 10300 = 3.8835 % >= 3 %
        CircuitBreakerRule rule = breaker("drawdownPercent", "3", "drawdownWindowMinutes", "60");
        bar(rule, "2023-03-10T10:00:00Z", "10300");
        bar(rule, "2023-03-10T10:30:00Z", "10100");
        bar(rule, "2023-03-10T11:00:00Z", "9900");
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        assertThat(rule.events().get(0).values()).containsEntry("peakEquity", "10300")
                .containsEntry("drawdownPercent", "3.8835");
    }

    @Test
    void halfOpenForgetsTheDrawdownAlreadyActedOn() {
        // a 4-hour window outlasts the 30-minute cooldown: without the reset the 10,200 peak would trip it again
        CircuitBreakerRule rule = breaker("drawdownPercent", "3", "drawdownWindowMinutes", "240",
                "cooldownMinutes", "30");
        bar(rule, "2023-03-10T10:30:00Z", "10200");
        bar(rule, "2023-03-10T11:20:00Z", "9894");
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        bar(rule, "2023-03-10T11:50:00Z", "9894");
        assertThat(rule.state()).isEqualTo(CircuitState.HALF_OPEN);
        // a fresh 3 % fall from the new peak 9,894 trips again: 9894 x 0.97 = 9597.18
        bar(rule, "2023-03-10T12:00:00Z", "9597.18");
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        assertThat(rule.events()).extracting(CircuitBreakerEvent::eventType)
                .containsExactly("TRIP", "HALF_OPEN", "TRIP");
        assertThat(rule.events().get(2).values()).containsEntry("peakEquity", "9894")
                .containsEntry("drawdownPercent", "3.0000");
    }
}
