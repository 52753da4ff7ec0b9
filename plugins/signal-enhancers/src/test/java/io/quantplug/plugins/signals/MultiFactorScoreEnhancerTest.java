package io.quantplug.plugins.signals;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.quantplug.plugins.signals.TestBars.BTC;
import static io.quantplug.plugins.signals.TestBars.ETH;
import static io.quantplug.plugins.signals.TestBars.NO_CONTEXT;
import static io.quantplug.plugins.signals.TestBars.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole enhancer on six daily bars small enough to compute by hand, with short periods: EMA 2/3, RSI 2,
 * volume 3, ATR 2, momentum 2, swing 4, range 3, band 1..4 % per day, stop 1 ATR, full reward/risk 2, the default
 * weights 25/10/10/20/20/15.
 *
 * <pre>
 *  bar  open  high   low    close  volume
 *   1   100   102    99     101    10
 *   2   101   104   100     103    12
 *   3   103   105   102     104     8
 *   4   104   106   100.5   101    10
 *   5   101   107   101     106    20
 *   6   106   108   103     104    15
 * </pre>
 * Hand calculation at bar 6:
 * <ul>
 *   <li>EMA(2), alpha 2/3: seed (101+103)/2 = 102; 102 + 2/3 (104-102) = 103.3333; + 2/3 (101-103.3333) = 101.7778;
 *       + 2/3 (106-101.7778) = 104.5926; + 2/3 (104-104.5926) = 104.1975.</li>
 *   <li>EMA(3), alpha 1/2: seed (101+103+104)/3 = 102.6667; (102.6667+101)/2 = 101.8333; (101.8333+106)/2 =
 *       103.9167; (103.9167+104)/2 = 103.9583.</li>
 *   <li>RSI(2): changes +2, +1, -3, +5, -2; seed gain (2+1)/2 = 1.5, loss 0; then gain (1.5+0)/2 = 0.75,
 *       loss (0+3)/2 = 1.5; gain (0.75+5)/2 = 2.875, loss 0.75; gain 1.4375, loss (0.75+2)/2 = 1.375;
 *       RSI = 100 - 100 / (1 + 1.4375/1.375) = 51.1111.</li>
 *   <li>ATR(2): TR 3, 4, 3, max(5.5, 2, 3.5) = 5.5, max(6, 6, 0) = 6, max(5, 2, 3) = 5; seed (3+4)/2 = 3.5;
 *       (3.5+3)/2 = 3.25; (3.25+5.5)/2 = 4.375; (4.375+6)/2 = 5.1875; (5.1875+5)/2 = 5.09375.</li>
 *   <li>ATR% = 100 x 5.09375 / 104 = 4.897837 (daily bars: no scaling).</li>
 *   <li>volume: 15 / ((8+10+20)/3) = 1.184211 -&gt; 59.210526.</li>
 *   <li>volatility: 4.897837 &gt; 4 -&gt; 100 (2 - 4.897837/4) = 77.554087.</li>
 *   <li>momentum: ROC(2) = 100 (104-101)/101 = 2.970297; z = 2.970297 / (4.897837 sqrt 2) = 0.428825;
 *       long 60.720637, short 39.279363.</li>
 *   <li>risk/reward: bars 3..6: HH 108, LL 100.5; long (108-104)/5.09375 = 0.785276 R / 2 -&gt; 39.263804; short
 *       (104-100.5)/5.09375 = 0.687117 R -&gt; 34.355828.</li>
 *   <li>timing: bars 4..6: HH 108, LL 100.5, pos 3.5/7.5 = 0.466667, SMA(3) 103.6667, ext 0.3333/5.09375 =
 *       0.065440; long 50 x 0.533333 + 50 (1 - 0.065440/3) = 75.576005; short 50 x 0.466667 + 50 = 73.333333.</li>
 *   <li>technical: long 100/3 (1 + 1 + (51.1111-30)/40) = 84.259259; short 100/3 (0 + 0 + (48.8889-30)/40) =
 *       15.740741.</li>
 *   <li>composite long (25 x 84.259259 + 10 x 59.210526 + 10 x 77.554087 + 20 x 60.720637 + 20 x 39.263804 +
 *       15 x 75.576005) / 100 = 21.064815 + 5.921053 + 7.755409 + 12.144127 + 7.852761 + 11.336401 = 66.074566
 *       (class B); short 3.935185 + 5.921053 + 7.755409 + 7.855873 + 6.871166 + 11.0 = 43.338686 (class D).</li>
 * </ul>
 */
class MultiFactorScoreEnhancerTest {

    private static final double[][] ROWS = {
            {100, 102, 99, 101, 10}, {101, 104, 100, 103, 12}, {103, 105, 102, 104, 8},
            {104, 106, 100.5, 101, 10}, {101, 107, 101, 106, 20}, {106, 108, 103, 104, 15}};
    private static final List<Bar> FIXTURE = TestBars.bars(BTC, Timeframe.D1, "2024-01-01T00:00:00Z", ROWS);

    private static Map<String, String> smallPeriods() {
        Map<String, String> p = new HashMap<>();
        p.put("emaFast", "2");
        p.put("emaSlow", "3");
        p.put("rsiPeriod", "2");
        p.put("volumeBars", "3");
        p.put("atrPeriod", "2");
        p.put("minVolatility", "1");
        p.put("maxVolatility", "4");
        p.put("momentumBars", "2");
        p.put("swingBars", "4");
        p.put("stopAtr", "1");
        p.put("fullRewardRisk", "2");
        p.put("rangeBars", "3");
        return p;
    }

    private static MultiFactorScoreEnhancer enhancer(Map<String, String> extra) {
        Map<String, String> p = smallPeriods();
        p.putAll(extra);
        return (MultiFactorScoreEnhancer) new MultiFactorScoreProvider().create(TestBars.multiFactor(p));
    }

    private static MultiFactorScoreEnhancer fed(Map<String, String> extra) {
        MultiFactorScoreEnhancer e = enhancer(extra);
        FIXTURE.forEach(e::onBar);
        return e;
    }

    private static long t6() {
        return FIXTURE.get(5).closeTimeMillis();
    }

    @Test
    void scoresEachFactorAndTheCompositeOfALong() {
        Signal out = fed(Map.of()).enhance(signal(BTC, SignalDirection.LONG, t6()), NO_CONTEXT).orElseThrow();

        Map<String, Double> s = out.scores();
        assertThat(s.get("score.technical")).isCloseTo(84.259259, within(1e-5));
        assertThat(s.get("score.volume")).isCloseTo(59.210526, within(1e-5));
        assertThat(s.get("score.volatility")).isCloseTo(77.554087, within(1e-5));
        assertThat(s.get("score.momentum")).isCloseTo(60.720637, within(1e-5));
        assertThat(s.get("score.riskReward")).isCloseTo(39.263804, within(1e-5));
        assertThat(s.get("score.timing")).isCloseTo(75.576005, within(1e-5));
        assertThat(s.get("score.composite")).isCloseTo(66.074566, within(1e-5));
        assertThat(s).hasSize(7);
        assertThat(out.reason()).isEqualTo("test signal | multi-factor 66.1 (class B), strongest technical 84.3,"
                + " weakest riskReward 39.3");
        assertThat(out.strength()).isEqualTo(1.0);
        assertThat(out.direction()).isEqualTo(SignalDirection.LONG);
    }

    @Test
    void scoresAShortInItsOwnDirectionAndDropsItBelowMinScore() {
        MultiFactorScoreEnhancer annotating = fed(Map.of("minScore", "0"));
        Signal out = annotating.enhance(signal(BTC, SignalDirection.SHORT, t6()), NO_CONTEXT).orElseThrow();
        assertThat(out.scores().get("score.technical")).isCloseTo(15.740741, within(1e-5));
        assertThat(out.scores().get("score.momentum")).isCloseTo(39.279363, within(1e-5));
        assertThat(out.scores().get("score.riskReward")).isCloseTo(34.355828, within(1e-5));
        assertThat(out.scores().get("score.timing")).isCloseTo(73.333333, within(1e-5));
        assertThat(out.scores().get("score.composite")).isCloseTo(43.338686, within(1e-5));
        assertThat(out.reason()).contains("(class D), strongest volatility 77.6, weakest technical 15.7");

        // default minScore 50: the short (43.3) is dropped, the long (66.1) passes
        MultiFactorScoreEnhancer filtering = fed(Map.of());
        assertThat(filtering.enhance(signal(BTC, SignalDirection.SHORT, t6()), NO_CONTEXT)).isEmpty();
        assertThat(filtering.enhance(signal(BTC, SignalDirection.LONG, t6()), NO_CONTEXT)).isPresent();
        // minScore just above the long's composite drops it too
        assertThat(fed(Map.of("minScore", "66.08")).enhance(signal(BTC, SignalDirection.LONG, t6()), NO_CONTEXT))
                .isEmpty();
    }

    @Test
    void exitsPassUnchanged() {
        Signal exit = new Signal(BTC, SignalDirection.FLAT, 0.5, 0.4, t6(), "stop hit", Map.of("x", 1.0));
        assertThat(fed(Map.of("minScore", "100")).enhance(exit, NO_CONTEXT)).containsSame(exit);
        assertThat(enhancer(Map.of()).enhance(exit, NO_CONTEXT)).containsSame(exit);
    }

    @Test
    void anEntryBeforeWarmUpIsDroppedUnlessMinScoreIsZero() {
        // the relative volume needs volumeBars + 1 = 4 bars, the swing window 4: three bars are not enough
        MultiFactorScoreEnhancer filtering = enhancer(Map.of());
        FIXTURE.subList(0, 3).forEach(filtering::onBar);
        assertThat(filtering.enhance(signal(BTC, SignalDirection.LONG, 0), NO_CONTEXT)).isEmpty();
        assertThat(filtering.diagnostics().get("signals")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("unscored", 1L);

        MultiFactorScoreEnhancer annotating = enhancer(Map.of("minScore", "0"));
        FIXTURE.subList(0, 3).forEach(annotating::onBar);
        Signal entry = signal(BTC, SignalDirection.LONG, 0);
        assertThat(annotating.enhance(entry, NO_CONTEXT)).containsSame(entry);
        annotating.onBar(FIXTURE.get(3));
        assertThat(annotating.enhance(entry, NO_CONTEXT).orElseThrow().scores()).containsKey("score.composite");
    }

    @Test
    void scalesTheStrengthByTheCompositeWhenAsked() {
        Signal in = new Signal(BTC, SignalDirection.LONG, 0.8, 0.9, t6(), "x", Map.of("other", 3.0));
        Signal out = fed(Map.of("scaleStrength", "true")).enhance(in, NO_CONTEXT).orElseThrow();
        // 0.8 x 66.074566 / 100 = 0.528597
        assertThat(out.strength()).isCloseTo(0.528597, within(1e-6));
        assertThat(out.confidence()).isEqualTo(0.9);
        assertThat(out.scores()).containsEntry("other", 3.0).hasSize(8);
    }

    @Test
    void keepsOneSetOfIndicatorsPerInstrument() {
        MultiFactorScoreEnhancer e = enhancer(Map.of());
        for (Bar b : FIXTURE) {
            e.onBar(b);
            // ETH bars in between, far away in price and volume, must not touch BTC's indicators
            e.onBar(new Bar(ETH, b.timeframe(), b.openTimeMillis(), 2000, 2100, 1900, 2050, 9999));
        }
        Optional<Signal> btc = e.enhance(signal(BTC, SignalDirection.LONG, t6()), NO_CONTEXT);
        assertThat(btc.orElseThrow().scores().get("score.composite")).isCloseTo(66.074566, within(1e-5));
        assertThat(e.diagnostics().get("instruments")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKeys("BTCUSDT.BINANCE", "ETHUSDT.BINANCE");
    }

    @Test
    void diagnosticsCountSignalsAndClassesAndShowTheIndicators() {
        MultiFactorScoreEnhancer e = fed(Map.of());
        e.enhance(signal(BTC, SignalDirection.LONG, t6()), NO_CONTEXT);
        e.enhance(signal(BTC, SignalDirection.SHORT, t6()), NO_CONTEXT);
        e.enhance(signal(BTC, SignalDirection.FLAT, t6()), NO_CONTEXT);
        Map<String, Object> d = e.diagnostics();
        assertThat(d.get("signals")).isEqualTo(Map.of("entries", 2L, "exits", 1L, "passed", 1L, "dropped", 1L,
                "unscored", 0L));
        assertThat(d.get("classes")).isEqualTo(Map.of("A", 0L, "B", 1L, "C", 0L, "D", 1L));
        @SuppressWarnings("unchecked")
        Map<String, Object> btc = (Map<String, Object>) ((Map<String, Object>) d.get("instruments"))
                .get("BTCUSDT.BINANCE");
        assertThat(btc.get("bars")).isEqualTo(6L);
        assertThat(btc.get("ready")).isEqualTo(true);
        assertThat((Double) btc.get("emaFast")).isCloseTo(104.197531, within(1e-6));
        assertThat((Double) btc.get("emaSlow")).isCloseTo(103.958333, within(1e-6));
        assertThat((Double) btc.get("rsi")).isCloseTo(51.111111, within(1e-6));
        assertThat((Double) btc.get("atr")).isCloseTo(5.09375, within(1e-12));
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) btc.get("lastScore");
        assertThat(last.get("class")).isEqualTo("D");   // the short was scored last
    }
}
