package io.quantplug.plugins.volatility;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.OrderCanceled;
import io.quantplug.api.order.Side;
import io.quantplug.api.order.StopOrder;
import io.quantplug.api.order.TimeInForce;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quantplug.plugins.volatility.StrategyStubs.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The regime-trend strategy on small fixtures worked by hand, through a fake context: the breakout entry and its
 * strength, the stop distance for a known sigma, the exits (EXTREME, the exit channel), no entry in EXTREME, shorts,
 * hot swap and the parameter checks.
 *
 * <p>The fixture: 40 one-minute bars closing alternately at 100 and 101 (every {@code |r| = s0 = ln(1.01)}), then
 * bar 40 closing at 101.2, above the highest high (101) of the 20 bars before it, with a small return
 * {@code r_40 = ln(101.2/101) = 0.00197824}. The rank model's EWMA variance falls at bar 40
 * ({@code 0.94 s2 + 0.06 r_40^2} below every earlier value, all about {@code s0^2}): rank 0, LOW.
 */
class RegimeTrendStrategyTest {

    /** EWMA forecast (for a sigma by hand), a 50-bar rank window, the default channels and stop multiple (3). */
    static final String[] PARAMETERS = {"volatilityModel", "ewma", "forecastLambda", "0.94", "windowBars", "50"};

    static void warmUp(StrategyStubs.FakeContext ctx, RegimeTrendStrategy s, double even, double odd) {
        for (int i = 0; i < 40; i++) {
            ctx.onBar(s, bar(i, i % 2 == 0 ? even : odd));
        }
    }

    @Test
    void aCalmBreakoutGoesLongAtFullStrengthAndItsFillGetsAStopThreeSigmasBelow() {
        StrategyStubs.FakeContext ctx = new StrategyStubs.FakeContext(PARAMETERS);
        RegimeTrendStrategy s = ctx.strategy();
        warmUp(ctx, s, 100, 101);
        assertThat(ctx.signals()).isEmpty();   // no breakout of the 100 .. 101 range

        ctx.onBar(s, bar(40, 101.2));
        assertThat(s.regime()).isEqualTo(VolatilityRegime.LOW);
        assertThat(ctx.signals()).hasSize(1);
        Signal entry = ctx.signals().get(0);
        assertThat(entry.direction()).isEqualTo(SignalDirection.LONG);
        assertThat(entry.strength()).isEqualTo(1.0);
        assertThat(entry.scores()).containsEntry("volatilityRegime", 0.0);
        assertThat(entry.reason()).contains("above the 20-bar high 101.0").contains("LOW");

        // sigma_{41|40}, EWMA with normalised weights over the 40 returns (lambda = 0.94):
        //   W_39 = (1 - 0.94^39) / 0.06 = 15.174439,  S_40 = 0.94 s0^2 W_39 + r_40^2
        //        = 0.94 x 9.90091e-5 x 15.174439 + 3.91343e-6 = 1.412263e-3 + 3.91343e-6 = 1.416176e-3
        //   W_40 = 0.94 W_39 + 1 = 15.263973,   sigma^2 = 9.27791e-5,   sigma = 0.00963219
        double w39 = (1 - Math.pow(0.94, 39)) / 0.06;
        double r40 = Math.log(101.2 / 101);
        double sigma = Math.sqrt((0.94 * Math.log(1.01) * Math.log(1.01) * w39 + r40 * r40) / (0.94 * w39 + 1));
        assertThat(s.forecastVolatility()).isCloseTo(sigma, within(1e-15)).isCloseTo(0.0096321863, within(1e-10));

        // The entry fills at 101.30 (next bar's open): stop = 101.30 - 3 x 0.00963219 x 101.30 = 101.30 - 2.92722
        //   = 98.37278, rounded down to the tick (a sell stop, away from the market): 98.37
        ctx.fill(s, new ClientOrderId("entry-1"), Side.BUY, "0.5", "101.30", "0.5", "101.30");
        assertThat(ctx.submitted()).hasSize(1);
        StopOrder stop = (StopOrder) ctx.submitted().get(0);
        assertThat(stop.side()).isEqualTo(Side.SELL);
        assertThat(stop.quantity()).isEqualByComparingTo("0.5");
        assertThat(stop.stopPrice()).isEqualByComparingTo("98.37");
        assertThat(stop.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(s.stopPrice()).isEqualByComparingTo("98.37");

        // a quiet bar changes nothing: the stop stays, no signal
        ctx.onBar(s, bar(41, 101.4));
        assertThat(ctx.submitted()).hasSize(1);
        assertThat(ctx.signals()).hasSize(1);

        // bar 42 jumps to 110: the EWMA variance tops the 41 earlier ones of 42, rank 41/42 = 0.976 >= 0.97, EXTREME:
        // the stop is cancelled first (the engine ignores an exit while another exit order works), then FLAT
        ctx.onBar(s, bar(42, 110));
        assertThat(s.regime()).isEqualTo(VolatilityRegime.EXTREME);
        assertThat(ctx.actions()).containsSubsequence("submit " + stop.clientOrderId().value(),
                "cancel " + stop.clientOrderId().value(), "emit FLAT 1.0");
        assertThat(ctx.signals().get(1).reason()).isEqualTo("volatility regime EXTREME");
        s.onOrderEvent(new OrderCanceled(stop.clientOrderId(), StrategyStubs.BTC, 0));
        ctx.fill(s, new ClientOrderId("exit-1"), Side.SELL, "0.5", "109", "0", "0");
        assertThat(s.stopPrice()).isNull();
        assertThat(ctx.submitted()).hasSize(1);   // no stop for a flat position

        // flat, and bar 43 breaks far above the 20-bar high (110) - but in EXTREME: no entry
        ctx.onBar(s, bar(43, 125));
        assertThat(s.regime()).isEqualTo(VolatilityRegime.EXTREME);
        assertThat(ctx.signals()).extracting(Signal::direction)
                .containsExactly(SignalDirection.LONG, SignalDirection.FLAT);
    }

    @Test
    void aCloseBelowTheExitChannelExitsTheLong() {
        StrategyStubs.FakeContext ctx = new StrategyStubs.FakeContext(PARAMETERS);
        RegimeTrendStrategy s = ctx.strategy();
        warmUp(ctx, s, 100, 101);
        ctx.onBar(s, bar(40, 101.2));
        ctx.fill(s, new ClientOrderId("entry-1"), Side.BUY, "0.5", "101.30", "0.5", "101.30");
        String stopId = ctx.submitted().get(0).clientOrderId().value();
        // 99.9 is below the lowest low of the 10 bars before (100); the return ln(99.9/101.2) = -0.0129 keeps the
        // EWMA variance (0.94 x 0.94 s0^2 + 0.06 x 1.672e-4 = 9.75e-5) below the 39 values near s0^2: rank 1/41, LOW
        ctx.onBar(s, bar(41, 99.9));
        assertThat(s.regime()).isEqualTo(VolatilityRegime.LOW);
        assertThat(ctx.actions().subList(ctx.actions().size() - 2, ctx.actions().size()))
                .containsExactly("cancel " + stopId, "emit FLAT 1.0");
        assertThat(ctx.signals().get(1).reason()).contains("below the 10-bar low 100.0");
    }

    @Test
    void aCalmBreakdownGoesShortWhenAllowedWithAStopAbove() {
        StrategyStubs.FakeContext ctx = new StrategyStubs.FakeContext("volatilityModel", "ewma", "windowBars", "50",
                "allowShort", "true");
        RegimeTrendStrategy s = ctx.strategy();
        warmUp(ctx, s, 101, 100);
        // 99.8 below the 20-bar low (100) after a close of 100: r = ln(0.998), small, LOW
        ctx.onBar(s, bar(40, 99.8));
        assertThat(ctx.signals()).extracting(Signal::direction).containsExactly(SignalDirection.SHORT);
        // sigma = 0.00963251 (as above with r_40 = -0.00200200); fill at 99.70:
        //   stop = 99.70 + 3 x 0.00963251 x 99.70 = 99.70 + 2.88108 = 102.58108, rounded up (a buy stop): 102.59
        ctx.fill(s, new ClientOrderId("entry-1"), Side.SELL, "0.5", "99.70", "-0.5", "99.70");
        StopOrder stop = (StopOrder) ctx.submitted().get(0);
        assertThat(stop.side()).isEqualTo(Side.BUY);
        assertThat(stop.stopPrice()).isEqualByComparingTo("102.59");

        StrategyStubs.FakeContext longOnly = new StrategyStubs.FakeContext(PARAMETERS);
        RegimeTrendStrategy l = longOnly.strategy();
        warmUp(longOnly, l, 101, 100);
        longOnly.onBar(l, bar(40, 99.8));
        assertThat(longOnly.signals()).isEmpty();
    }

    @Test
    void aSnapshotCarriesTheModelsTheChannelAndTheStopToTheNextVersion() {
        StrategyStubs.FakeContext ca = new StrategyStubs.FakeContext(PARAMETERS);
        RegimeTrendStrategy a = ca.strategy();
        warmUp(ca, a, 100, 101);
        ca.onBar(a, bar(40, 101.2));
        ca.fill(a, new ClientOrderId("entry-1"), Side.BUY, "0.5", "101.30", "0.5", "101.30");
        StateSnapshot snapshot = a.snapshot();
        assertThat(snapshot.format()).isEqualTo("regime-trend/1");
        int logged = ca.actions().size();

        StrategyStubs.FakeContext cb = new StrategyStubs.FakeContext(PARAMETERS);
        RegimeTrendStrategy b = cb.strategy();
        assertThat(b.restore(snapshot)).isTrue();
        cb.fill(b, new ClientOrderId("none"), Side.BUY, "0.00001", "101.30", "0.5", "101.30");   // position as in a
        assertThat(cb.submitted()).isEmpty();   // b knows the working stop: no second one
        for (int i = 41; i <= 42; i++) {
            double close = i == 42 ? 110 : 101.4;
            ca.onBar(a, bar(i, close));
            cb.onBar(b, bar(i, close));
            assertThat(b.regime()).isEqualTo(a.regime());
            assertThat(b.forecastVolatility()).isEqualTo(a.forecastVolatility());
        }
        // the same cancel of the same stop (a's id, carried over), the same exit
        List<String> afterSnapshot = ca.actions().subList(logged, ca.actions().size());
        assertThat(afterSnapshot).containsExactly("cancel rt-1", "emit FLAT 1.0");
        assertThat(cb.actions()).containsExactlyElementsOf(afterSnapshot);

        StrategyStubs.FakeContext hmm = new StrategyStubs.FakeContext("regimeModel", "hmm", "windowBars", "300");
        assertThat(hmm.strategy().restore(snapshot)).isFalse();   // another regime model's state
    }

    @Test
    void parametersAreCheckedNamingTheParameterAndTheRange() {
        assertThat(new StrategyStubs.FakeContext().strategy()).isNotNull();
        assertThatThrownBy(() -> new StrategyStubs.FakeContext("strengthLow", "0.5", "strengthMedium", "0.8")
                .strategy()).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'strengthMedium' = 0.8 must not exceed strengthLow (0.5)");
        assertThatThrownBy(() -> new StrategyStubs.FakeContext("strengthHigh", "0.6").strategy())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'strengthHigh' = 0.6 must not exceed strengthMedium (0.5)");
        assertThatThrownBy(() -> new StrategyStubs.FakeContext("entryBars", "1"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'entryBars' = 1 is out of range: allowed integer 2 .. 10000 (bars)");
        assertThatThrownBy(() -> new StrategyStubs.FakeContext("stopMultiple", "0"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'stopMultiple' = 0 is out of range: allowed decimal 0.1 .. 100 (sigmas)");
        assertThatThrownBy(() -> new StrategyStubs.FakeContext("regimeModel", "hmm", "windowBars", "100").strategy())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'windowBars' = 100 must be at least 230 for an HMM of 4 states");
        assertThatThrownBy(() -> new StrategyStubs.FakeContext("lowPercentile", "90").strategy())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'highPercentile' = 80.0 must be above lowPercentile (90.0)");
    }
}
