package io.quantplug.plugins.volatility;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.order.Side;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.testkit.FakeRiskContext;
import io.quantplug.testkit.OrderIntents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.quantplug.plugins.volatility.GuardStubs.BTC;
import static io.quantplug.plugins.volatility.GuardStubs.bar;
import static io.quantplug.plugins.volatility.GuardStubs.guard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The black swan guard on small fixtures worked by hand: a return shock and a volatility jump trip it, calm bars
 * resume it; what it reports, closes and refuses; its hot-swap state; its parameter checks.
 *
 * <p>The fixtures start with 41 one-minute bars closing alternately at 100 and 101, so every return has
 * {@code |r| = ln(1.01) = s0 = 0.00995033085}, {@code r^2 = a = 9.90091e-5} (the two directions differ in the last
 * bits only). The EWMA forecast with normalised weights, {@code lambda = 0.94}, after these 40 returns is
 * {@code S_40 / W_40 = a W_40 / W_40 = a}, with {@code W_40 = (1 - 0.94^40) / 0.06 = (1 - 0.0841616) / 0.06 =
 * 15.263973}: sigma = s0 exactly enough for the 1e-12 tolerances below.
 */
class BlackSwanGuardTest {

    static final double LAMBDA = 0.94;
    static final double S0 = Math.log(1.01);
    static final double A = S0 * S0;
    static final double W40 = (1 - Math.pow(LAMBDA, 40)) / (1 - LAMBDA);

    /** k = 4, m = 2 over n = 5 bars, resume after R = 3 bars with |r| < 2 sigma and ratio < 1.2; armed after 20. */
    static final String[] SHOCK_PARAMETERS = {"volatilityModel", "ewma", "forecastLambda", "0.94", "warmUpBars", "20",
        "shockSigmas", "4", "jumpRatio", "2", "jumpLagBars", "5", "resetBars", "3", "resetSigmas", "2",
        "resetRatio", "1.2"};

    /** Bars 0..40 alternate 100, 101; bar 41 closes at 94; bars 42..50 stay at 94. */
    static List<Bar> shockFixture() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            bars.add(bar(i, i % 2 == 0 ? 100 : 101));
        }
        for (int i = 41; i <= 50; i++) {
            bars.add(bar(i, 94));
        }
        return bars;
    }

    @Test
    void aReturnShockTripsClosesThePositionRefusesNewExposureAndCalmBarsResume() {
        BlackSwanGuardRule guard = guard(SHOCK_PARAMETERS);
        FakeRiskContext ctx = new FakeRiskContext();
        ctx.portfolio().withPosition(BTC, "0.5");
        List<Bar> bars = shockFixture();
        for (int i = 0; i <= 40; i++) {
            ctx.onBar(guard, bars.get(i));
            assertThat(guard.isTripped(BTC)).as("bar %d", i).isFalse();
        }
        assertThat(ctx.reported()).isEmpty();

        // Bar 41: r = ln(94/100) = -0.0618754, judged against the forecast made at bar 40, sigma = s0:
        //   |r| / sigma = 0.0618754 / 0.00995033 = 6.21843 > k = 4                          -> TRIP, RETURN_SHOCK
        // The forecast after it: (0.94 a W_40 + r^2) / (0.94 W_40 + 1)
        //   = (0.94 x 9.90091e-5 x 15.263973 + 0.00382857) / (0.94 x 15.263973 + 1)
        //   = 0.00524916 / 15.348134 = 3.42006e-4,  sigma = 0.0184934
        // and its ratio to the forecast 5 bars earlier (s0): 1.85857, not above m = 2, so the code is the shock's.
        ctx.onBar(guard, bars.get(41));
        double r = Math.log(94.0 / 100.0);
        double sigma41 = Math.sqrt((LAMBDA * A * W40 + r * r) / (LAMBDA * W40 + 1));
        assertThat(guard.isTripped(BTC)).isTrue();
        assertThat(ctx.reported()).hasSize(1);
        RiskEvent trip = ctx.reported().get(0);
        assertThat(trip.eventType()).isEqualTo("TRIP");
        assertThat(trip.code()).isEqualTo("RETURN_SHOCK");
        assertThat(trip.timeMillis()).isEqualTo(bars.get(41).closeTimeMillis());
        Map<String, String> v = trip.values();
        assertThat(v.get("instrument")).isEqualTo("BTCUSDT.SIM");
        assertThat(Double.parseDouble(v.get("logReturn"))).isEqualTo(r);
        assertThat(Double.parseDouble(v.get("sigma"))).isCloseTo(S0, within(1e-15));
        assertThat(Double.parseDouble(v.get("returnSigmas"))).isCloseTo(6.218426767, within(1e-9));
        assertThat(Double.parseDouble(v.get("forecastSigma"))).isCloseTo(sigma41, within(1e-15))
                .isCloseTo(0.0184934169, within(1e-10));
        assertThat(Double.parseDouble(v.get("sigmaRatio"))).isCloseTo(1.858573059, within(1e-9));
        assertThat(v.get("volatilityModel")).isEqualTo("ewma");
        assertThat(trip.message()).contains("BTCUSDT.SIM").contains("6.21843 sigma").contains("closing the position");
        // the long position is to be closed, and asked again while it is still there
        assertThat(ctx.closeRequests()).extracting(FakeRiskContext.CloseRequest::instrument).containsExactly(BTC);
        assertThat(ctx.closeRequests().get(0).reason()).contains("RETURN_SHOCK");

        // While tripped: a sell that only reduces the long passes, one that would reverse it is cut to the position,
        // a buy that adds is refused.
        assertThat(guard.check(OrderIntents.market(ctx.portfolio(), BTC, Side.SELL, "0.2", "94"), ctx))
                .isEqualTo(RiskDecision.approve());
        assertThat(guard.check(OrderIntents.market(ctx.portfolio(), BTC, Side.SELL, "0.8", "94"), ctx))
                .isInstanceOfSatisfying(RiskDecision.Resize.class, d -> {
                    assertThat(d.quantity()).isEqualByComparingTo("0.5");
                    assertThat(d.message()).contains("order cut from 0.8 to 0.5");
                });
        assertThat(guard.check(OrderIntents.market(ctx.portfolio(), BTC, Side.BUY, "0.1", "94"), ctx))
                .isInstanceOfSatisfying(RiskDecision.Reject.class, d -> {
                    assertThat(d.code()).isEqualTo("BLACK_SWAN_GUARD");
                    assertThat(d.message()).contains("RETURN_SHOCK").contains("3 calm bars");
                });

        ctx.onBar(guard, bars.get(42));
        assertThat(ctx.closeRequests()).hasSize(2);
        ctx.portfolio().withPosition(BTC, "0");   // the close filled
        assertThat(guard.check(OrderIntents.market(ctx.portfolio(), BTC, Side.BUY, "0.1", "94"), ctx))
                .isInstanceOf(RiskDecision.Reject.class);

        // Calm bars, r = 0 from bar 42 on, so |r| < 2 sigma always; the ratio sigma_{t+1|t} / sigma_{t-4|t-5}
        // (S_t = 0.94 S_{t-1}, W_t = 0.94 W_{t-1} + 1):
        //   bar 42: 0.0178840 / s0 = 1.797    43: 1.738    44: 1.682    45: 1.627      (lag before the shock: >= 1.2)
        //   bar 46: 0.0156649 / 0.0184934 = 0.847    47: 0.848    48: 0.848            (calm: 1, 2, 3 -> RESUME)
        for (int i = 43; i <= 47; i++) {
            ctx.onBar(guard, bars.get(i));
            assertThat(guard.isTripped(BTC)).as("bar %d", i).isTrue();
        }
        ctx.onBar(guard, bars.get(48));
        assertThat(guard.isTripped(BTC)).isFalse();
        assertThat(ctx.reported()).hasSize(2);
        RiskEvent resume = ctx.reported().get(1);
        assertThat(resume.eventType()).isEqualTo("RESUME");
        assertThat(resume.code()).isEqualTo("CONDITIONS_NORMAL");
        assertThat(resume.timeMillis()).isEqualTo(bars.get(48).closeTimeMillis());
        assertThat(resume.values()).containsEntry("trip", "RETURN_SHOCK").containsEntry("calmBars", "3")
                .containsEntry("trippedAt", "1970-01-01T00:42:00Z");
        // sigma_{49|48} / sigma_{44|43}, by the recursion from S_41 and W_41
        double s = LAMBDA * A * W40 + r * r;
        double w = LAMBDA * W40 + 1;
        double[] sigma = new double[49];
        sigma[41] = Math.sqrt(s / w);
        for (int t = 42; t <= 48; t++) {
            s *= LAMBDA;
            w = LAMBDA * w + 1;
            sigma[t] = Math.sqrt(s / w);
        }
        assertThat(Double.parseDouble(resume.values().get("sigmaRatio"))).isCloseTo(sigma[48] / sigma[43],
                within(1e-12)).isCloseTo(0.84824198, within(1e-8));
        assertThat(guard.check(OrderIntents.market(ctx.portfolio(), BTC, Side.BUY, "0.1", "94"), ctx))
                .isEqualTo(RiskDecision.approve());
        assertThat(ctx.closeRequests()).hasSize(2);
        assertThat(guard.events()).containsExactlyElementsOf(ctx.reported());
    }

    @Test
    void aJumpInTheForecastTripsAlthoughNoSingleReturnIsAShock() {
        // After the 41 alternating bars, returns of 3.5 s0 in alternating directions (x = 0.0348262):
        //   bar 41: |r| / sigma = 3.5 < 4; S_41 = 0.94 a W_40 + x^2, W_41 = 0.94 W_40 + 1, sigma = 0.0130989,
        //           ratio to s0 = 1.31643 < 1.5
        //   bar 42: |r| / sigma = 0.0348262 / 0.0130989 = 2.65871 < 4; S_42 = 0.94 S_41 + x^2,
        //           W_42 = 0.94 W_41 + 1, sigma = 0.0154621, ratio to s0 = 1.55393 > m = 1.5 -> TRIP, VOLATILITY_JUMP
        BlackSwanGuardRule guard = guard("volatilityModel", "ewma", "warmUpBars", "20", "shockSigmas", "4",
                "jumpRatio", "1.5", "jumpLagBars", "5", "resetBars", "3", "resetSigmas", "2", "resetRatio", "1.2");
        FakeRiskContext ctx = new FakeRiskContext();
        double x = 3.5 * S0;
        double close = 100;
        for (int i = 0; i <= 42; i++) {
            if (i > 40) {
                close = close * Math.exp(i % 2 == 1 ? x : -x);
            }
            ctx.onBar(guard, bar(i, i <= 40 ? (i % 2 == 0 ? 100 : 101) : close));
            assertThat(guard.isTripped(BTC)).as("bar %d", i).isEqualTo(i == 42);
        }
        double s41 = LAMBDA * A * W40 + x * x;
        double w41 = LAMBDA * W40 + 1;
        double sigma42 = Math.sqrt((LAMBDA * s41 + x * x) / (LAMBDA * w41 + 1));
        assertThat(ctx.reported()).hasSize(1);
        RiskEvent trip = ctx.reported().get(0);
        assertThat(trip.code()).isEqualTo("VOLATILITY_JUMP");
        assertThat(Double.parseDouble(trip.values().get("returnSigmas"))).isCloseTo(2.658705618, within(1e-8));
        assertThat(Double.parseDouble(trip.values().get("forecastSigma"))).isCloseTo(sigma42, within(1e-14));
        assertThat(Double.parseDouble(trip.values().get("sigmaRatio"))).isCloseTo(sigma42 / S0, within(1e-12))
                .isCloseTo(1.553932055, within(1e-8));
        assertThat(trip.message()).contains("1.55393 x the one 5 bars earlier");
        assertThat(ctx.closeRequests()).isEmpty();   // flat: nothing to close
    }

    @Test
    void withoutReportAndCloseInTheContextTheGuardKeepsItsEventsAndStillRefuses() {
        BlackSwanGuardRule guard = guard(SHOCK_PARAMETERS);
        FakeRiskContext ctx = new FakeRiskContext().refuseReports().refuseCloses();
        ctx.portfolio().withPosition(BTC, "0.5");
        List<Bar> bars = shockFixture();
        for (int i = 0; i <= 41; i++) {
            ctx.onBar(guard, bars.get(i));
        }
        ctx.portfolio().withPosition(BTC, "0");
        assertThat(guard.check(OrderIntents.market(ctx.portfolio(), BTC, Side.BUY, "0.1", "94"), ctx))
                .isInstanceOf(RiskDecision.Reject.class);
        for (int i = 42; i <= 48; i++) {
            ctx.onBar(guard, bars.get(i));
        }
        assertThat(guard.events()).extracting(RiskEvent::eventType).containsExactly("TRIP", "RESUME");
        assertThat(guard.check(OrderIntents.market(ctx.portfolio(), BTC, Side.BUY, "0.1", "94"), ctx))
                .isEqualTo(RiskDecision.approve());
    }

    @Test
    void aSnapshotCarriesTheTripAndTheForecastToTheNextVersion() {
        BlackSwanGuardRule a = guard(SHOCK_PARAMETERS);
        FakeRiskContext ca = new FakeRiskContext();
        List<Bar> bars = shockFixture();
        for (int i = 0; i <= 43; i++) {
            ca.onBar(a, bars.get(i));
        }
        StateSnapshot snapshot = a.snapshot();
        assertThat(snapshot.format()).isEqualTo("black-swan-guard/1");

        BlackSwanGuardRule b = guard(SHOCK_PARAMETERS);
        assertThat(b.restore(snapshot)).isTrue();
        assertThat(b.isTripped(BTC)).isTrue();
        FakeRiskContext cb = new FakeRiskContext();
        for (int i = 44; i <= 50; i++) {
            ca.onBar(a, bars.get(i));
            cb.onBar(b, bars.get(i));
            assertThat(b.isTripped(BTC)).as("bar %d", i).isEqualTo(a.isTripped(BTC)).isEqualTo(i < 48);
        }
        assertThat(cb.reported()).containsExactly(ca.reported().get(1));   // the same RESUME, same numbers

        BlackSwanGuardRule c = guard(SHOCK_PARAMETERS);
        FakeRiskContext cc = new FakeRiskContext();
        for (int i = 0; i <= 43; i++) {
            cc.onBar(c, bars.get(i));
        }
        assertThat(c.restore(new StateSnapshot("circuit-breaker/1", Map.of()))).isFalse();
        assertThat(c.restore(new StateSnapshot("black-swan-guard/1", Map.of("instruments", "BTCUSDT.SIM"))))
                .isFalse();
        assertThat(c.isTripped(BTC)).isTrue();   // unchanged by the unreadable snapshot
    }

    @Test
    void parametersAreCheckedNamingTheParameterAndTheRange() {
        assertThat(guard()).isNotNull();
        assertThatThrownBy(() -> guard("shockSigmas", "0.5")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'shockSigmas' = 0.5 is out of range: allowed decimal 1 .. 100 (sigmas)");
        assertThatThrownBy(() -> guard("warmUpBars", "5")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'warmUpBars' = 5 is out of range: allowed integer 20 .. 100000 (bars)");
        assertThatThrownBy(() -> guard("shockSigmas", "4", "resetSigmas", "5"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'resetSigmas' = 5.0 must not exceed shockSigmas (4.0)");
        assertThatThrownBy(() -> guard("jumpRatio", "2", "resetRatio", "2.5"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'resetRatio' = 2.5 must not exceed jumpRatio (2.0)");
        assertThatThrownBy(() -> guard("volatilityModel", "arch")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("one of ewma, garch");
    }
}
