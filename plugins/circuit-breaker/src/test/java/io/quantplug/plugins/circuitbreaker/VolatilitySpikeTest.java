package io.quantplug.plugins.circuitbreaker;

import io.quantplug.api.market.Bar;
import io.quantplug.testkit.FakePortfolio;
import io.quantplug.testkit.FakeRiskContext;
import org.junit.jupiter.api.Test;

import static io.quantplug.plugins.circuitbreaker.BreakerStubs.BTC;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.at;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.bar;
import static io.quantplug.plugins.circuitbreaker.BreakerStubs.breaker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Volatility spikes over a 5-bar window.
 *
 * <p>Returns: the five log returns +0.01, -0.01, +0.01, -0.01, 0 have mean 0 and sample standard deviation
 * sqrt(4 x 0.01^2 / (5 - 1)) = 0.01; with k = 4 the threshold is 0.04.
 *
 * <p>Ranges: the five log ranges 0.01, 0.02, 0.01, 0.02, 0.015 have mean 0.015 and sample standard deviation
 * sqrt(4 x 0.005^2 / (5 - 1)) = 0.005; with k = 3 the threshold is 0.015 + 3 x 0.005 = 0.03.
 */
class VolatilitySpikeTest {

    private static final long T0 = at("2023-03-10T10:00:00Z");
    private static final long MINUTE = 60_000L;

    private final FakeRiskContext ctx = new FakeRiskContext(new FakePortfolio().equity("10000"));

    private double close = 100;
    private int minute;

    /** Feeds a bar whose close is the previous close times exp(r), opening at the previous close. */
    private void returnBar(CircuitBreakerRule rule, double r) {
        double next = close * Math.exp(r);
        feed(rule, bar(BTC, T0 + minute * MINUTE, close, Math.max(close, next), Math.min(close, next), next));
        close = next;
    }

    /** Feeds a bar at 100 whose high is 100 x exp(g): log range g, no return. */
    private void rangeBar(CircuitBreakerRule rule, double g) {
        feed(rule, bar(BTC, T0 + minute * MINUTE, 100, 100 * Math.exp(g), 100, 100));
    }

    private void feed(CircuitBreakerRule rule, Bar bar) {
        ctx.at(bar.openTime().plusSeconds(60).toString());
        rule.onBar(bar, ctx);
        minute++;
    }

    private CircuitBreakerRule returns() {
        CircuitBreakerRule rule = breaker("volatilityK", "4", "volatilityWindowBars", "5",
                "volatilityMeasure", "return", "cooldownMinutes", "60");
        returnBar(rule, 0);  // the first bar has no return
        for (double r : new double[] {0.01, -0.01, 0.01, -0.01, 0}) {
            returnBar(rule, r);
        }
        return rule;
    }

    @Test
    void returnBeyondKStandardDeviationsTrips() {
        CircuitBreakerRule rule = returns();
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
        returnBar(rule, 0.05); // 0.05 > 0.04
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        assertThat(rule.events()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(CircuitReason.VOLATILITY_SPIKE);
            assertThat(e.timeMillis()).isEqualTo(at("2023-03-10T10:07:00Z"));
            assertThat(e.message()).isEqualTo("BTCUSDT.SIM bar at 2023-03-10T10:06:00Z: |log return| 0.050000 is "
                    + "beyond 4 x its standard deviation 0.010000 over the previous 5 bars (threshold 0.040000);"
                    + " OPEN until 2023-03-10T11:07:00Z");
            assertThat(e.values()).containsKeys("instrument", "barOpenTime", "measure", "value",
                    "standardDeviation", "threshold", "k", "windowBars", "halfOpenAt");
            assertThat(e.values()).containsEntry("measure", "return").containsEntry("k", "4")
                    .containsEntry("windowBars", "5");
            assertThat(Double.parseDouble(e.values().get("value"))).isCloseTo(0.05, within(1e-12));
            assertThat(Double.parseDouble(e.values().get("standardDeviation")))
                    .isCloseTo(0.01, within(1e-12));
            assertThat(Double.parseDouble(e.values().get("threshold")))
                    .isCloseTo(0.04, within(1e-12));
        });
    }

    @Test
    void aFallCountsLikeARise() {
        CircuitBreakerRule rule = returns();
        returnBar(rule, -0.05);
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void returnWithinKStandardDeviationsDoesNotTrip() {
        CircuitBreakerRule rule = returns();
        returnBar(rule, 0.035); // 0.035 < 0.04
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void notArmedUntilTheWindowIsFull() {
        CircuitBreakerRule rule = breaker("volatilityK", "4", "volatilityWindowBars", "5");
        returnBar(rule, 0);
        for (double r : new double[] {0.01, -0.01, 0.01, -0.01}) {
            returnBar(rule, r);
        }
        returnBar(rule, 0.2); // only 4 returns in the window
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void neverTripsOnAZeroStandardDeviation() {
        CircuitBreakerRule rule = breaker("volatilityK", "4", "volatilityWindowBars", "5");
        for (int i = 0; i < 6; i++) {
            returnBar(rule, 0);
        }
        returnBar(rule, 0.01);
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
    }

    private CircuitBreakerRule ranges() {
        CircuitBreakerRule rule = breaker("volatilityK", "3", "volatilityWindowBars", "5",
                "volatilityMeasure", "range", "cooldownMinutes", "60");
        for (double g : new double[] {0.01, 0.02, 0.01, 0.02, 0.015}) {
            rangeBar(rule, g);
        }
        return rule;
    }

    @Test
    void rangeBeyondItsMeanPlusKStandardDeviationsTrips() {
        CircuitBreakerRule rule = ranges();
        rangeBar(rule, 0.04); // 0.04 > 0.03
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
        CircuitBreakerEvent e = rule.events().get(0);
        assertThat(e.message()).isEqualTo("BTCUSDT.SIM bar at 2023-03-10T10:05:00Z: log range ln(high/low) 0.040000"
                + " is beyond its mean 0.015000 + 3 x its standard deviation 0.005000 over the previous 5 bars"
                + " (threshold 0.030000); OPEN until 2023-03-10T11:06:00Z");
        assertThat(e.values()).containsEntry("measure", "range");
        assertThat(Double.parseDouble(e.values().get("mean"))).isCloseTo(0.015, within(1e-12));
    }

    @Test
    void rangeWithinTheThresholdDoesNotTrip() {
        CircuitBreakerRule rule = ranges();
        rangeBar(rule, 0.029); // 0.029 < 0.03
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void returnMeasureIgnoresRanges() {
        CircuitBreakerRule rule = breaker("volatilityK", "3", "volatilityWindowBars", "5",
                "volatilityMeasure", "return");
        for (double g : new double[] {0.01, 0.02, 0.01, 0.02, 0.015, 0.5}) {
            rangeBar(rule, g);
        }
        assertThat(rule.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void eitherMeasureWatchesBoth() {
        CircuitBreakerRule rule = breaker("volatilityK", "3", "volatilityWindowBars", "5",
                "volatilityMeasure", "either");
        for (double g : new double[] {0.01, 0.02, 0.01, 0.02, 0.015}) {
            rangeBar(rule, g);
        }
        rangeBar(rule, 0.04);
        assertThat(rule.state()).isEqualTo(CircuitState.OPEN);
    }
}
