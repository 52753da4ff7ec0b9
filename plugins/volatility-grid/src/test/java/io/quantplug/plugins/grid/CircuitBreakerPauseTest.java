package io.quantplug.plugins.grid;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.OrderRejected;
import io.quantplug.api.order.RejectSource;
import io.quantplug.plugins.circuitbreaker.CircuitBreakerProvider;
import io.quantplug.testkit.PluginBacktest;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pause after a risk rejection, with the real circuit-breaker rule in the test kit's engine: the breaker trips,
 * refuses the grid's buys with {@code CIRCUIT_OPEN}, the grid cancels what is working and places nothing for
 * {@code pauseMinutes}, then lays out a new grid.
 */
class CircuitBreakerPauseTest {

    private static final long MINUTE = 60_000L;

    /**
     * Hand-made bars: 60 calm minutes at 20000 (high/low 20000 e^+-0.001), the grid of {@link VolatilityGridTest}
     * (buys at 19956.13, 19912.26, 19868.39, 0.01 BTC each) placed at the close of minute 4; then minute 60 opens at
     * 20000 and falls to 19500, closing at 19600, and the price stays at 19600.
     * <pre>
     *   minute 60, open:  the three buys fill at their limits, cost 597.3678; cash 9402.6322; the answering sells
     *                     (20000.00, 19956.13, 19912.26) pass the breaker: equity at the last mark 20000 is
     *                     9402.6322 + 0.03 x 20000 = 10002.6322, a new peak
     *   minute 60, close: equity 9402.6322 + 0.03 x 19600 = 9990.6322, (10002.6322 - 9990.6322) / 10002.6322
     *                     = 0.12 % below the peak >= drawdownPercent 0.05: the breaker opens (cooldown 20 minutes)
     *                     the close 19600 is below the grid's 19868.39: the sells are canceled and a new grid laid
     *                     out around 19600; its buys add exposure: refused CIRCUIT_OPEN at T0 + 61 min
     *   pause:            cancel the new grid's sells; nothing until T0 + 61 + 30 = T0 + 91 min
     *   minute 90, close (T0 + 91 min): the pause is over; the breaker is HALF_OPEN since T0 + 81 min with 10 probe
     *                     orders, so the new grid is accepted
     * </pre>
     */
    @Test
    void theGridPausesAfterTheBreakerRefusesItsBuysAndResumesWhenThePauseIsOver() {
        InstrumentId btc = InstrumentId.of("BTCUSDT", "BINANCE");
        List<Bar> bars = new ArrayList<>();
        for (int m = 0; m < 150; m++) {
            double p = m < 60 ? 20000 : 19600;
            bars.add(m == 60 ? new Bar(btc, Timeframe.M1, FakeContext.T0 + m * MINUTE, 20000, 20000, 19500, 19600, 1)
                    : new Bar(btc, Timeframe.M1, FakeContext.T0 + m * MINUTE, p, p * Math.exp(0.001),
                    p * Math.exp(-0.001), p, 1));
        }
        Map<String, Object> grid = VolatilityGridTest.fixtureParameters();
        grid.put("maxRangePercent", 10);
        grid.put("maxInventoryLevels", 6);
        RecordingProvider recorder = new RecordingProvider();

        PluginBacktest.of(recorder).parameters(grid).bars(bars, Timeframe.M1).instrument("BTCUSDT")
                .riskRule(new CircuitBreakerProvider(), Map.of("dailyLossPercent", 0, "drawdownPercent", "0.05",
                        "drawdownWindowMinutes", 60, "maxConsecutiveLosses", 0, "volatilityK", 0,
                        "cooldownMinutes", 20, "probeOrders", 10))
                .run();

        List<RecordingProvider.Event> rejections = rejections(recorder);
        assertThat(rejections).isNotEmpty().allSatisfy(r -> {
            OrderRejected e = (OrderRejected) r.event();
            assertThat(r.timeMillis()).isEqualTo(FakeContext.T0 + 61 * MINUTE);
            assertThat(e.reason().code()).isEqualTo("CIRCUIT_OPEN");
            assertThat(e.reason().ruleId()).isEqualTo("circuit-breaker");
        });
        assertPaused(recorder, rejections.get(0), 30 * MINUTE);
        RecordingProvider.Submitted resumed = firstSubmittedAfter(recorder, rejections.get(rejections.size() - 1));
        assertThat(resumed.timeMillis()).isEqualTo(FakeContext.T0 + 91 * MINUTE);
        assertThat(resumed.layout().centre()).isEqualByComparingTo("19600.00");
    }

    /**
     * Three weeks of real bars with the breaker watching volatility spikes (4 standard deviations of 50 bars): every
     * refusal cancels the grid and is followed by the full pause before the next order.
     */
    @Test
    void onRealBarsEveryRefusalIsFollowedByTheFullPause() {
        RecordingProvider recorder = new RecordingProvider();
        PluginBacktest.of(recorder).csv(SharedData.require(GarchForecasterTest.FILE)).instrument("BTCUSDT")
                .parameters(Map.of("garchWeight", 0, "windowBars", 30, "levels", 4, "maxInventoryLevels", 8,
                        "pauseMinutes", 45))
                .riskRule(new CircuitBreakerProvider(), Map.of("dailyLossPercent", 0, "drawdownPercent", 0,
                        "maxConsecutiveLosses", 0, "volatilityK", 4, "volatilityWindowBars", 50,
                        "cooldownMinutes", 30, "probeOrders", 4))
                .fees(10).run();

        List<RecordingProvider.Event> rejections = rejections(recorder);
        assertThat(rejections).hasSizeGreaterThan(3);
        RecordingProvider.Event first = null;
        for (RecordingProvider.Event r : rejections) {
            if (first != null && r.timeMillis() == first.timeMillis()) {
                continue;                                  // the rest of the same grid's buys
            }
            first = r;
            assertThat(((OrderRejected) r.event()).reason().code()).startsWith("CIRCUIT");
            assertPaused(recorder, r, 45 * MINUTE);
        }
    }

    private static List<RecordingProvider.Event> rejections(RecordingProvider recorder) {
        return recorder.events.stream().filter(e -> e.event() instanceof OrderRejected r
                && r.reason().source() == RejectSource.RISK_RULE).toList();
    }

    /**
     * After the rejection: every order that was working is canceled at once, and the next order comes no sooner than
     * the pause.
     */
    private static void assertPaused(RecordingProvider recorder, RecordingProvider.Event rejection, long pause) {
        Set<ClientOrderId> ended = new HashSet<>();
        Set<ClientOrderId> placed = new HashSet<>();
        recorder.events.stream().filter(e -> e.seq() < rejection.seq()
                        && !(e.event() instanceof io.quantplug.api.order.OrderAccepted))
                .forEach(e -> ended.add(e.event().clientOrderId()));
        recorder.canceled.stream().filter(c -> c.seq() < rejection.seq()).forEach(c -> ended.add(c.id()));
        recorder.submitted.stream().filter(s -> s.seq() < rejection.seq())
                .forEach(s -> placed.add(s.order().clientOrderId()));
        placed.removeAll(ended);
        placed.remove(rejection.event().clientOrderId());
        Set<ClientOrderId> canceledNow = new HashSet<>();
        recorder.canceled.stream().filter(c -> c.seq() > rejection.seq() && c.timeMillis() == rejection.timeMillis())
                .forEach(c -> canceledNow.add(c.id()));
        assertThat(canceledNow).as("orders working at the refusal at %d", rejection.timeMillis())
                .containsAll(placed);

        RecordingProvider.Submitted next = firstSubmittedAfter(recorder, rejection);
        if (next != null) {
            assertThat(next.timeMillis()).as("next order after the refusal at %d", rejection.timeMillis())
                    .isGreaterThanOrEqualTo(rejection.timeMillis() + pause);
        }
    }

    private static RecordingProvider.Submitted firstSubmittedAfter(RecordingProvider recorder,
                                                                   RecordingProvider.Event event) {
        return recorder.submitted.stream().filter(s -> s.seq() > event.seq()).findFirst().orElse(null);
    }
}
