package io.quantplug.plugins.signals;

import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static io.quantplug.plugins.signals.TestBars.BTC;
import static io.quantplug.plugins.signals.TestBars.NO_CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No look-ahead: on 50,000 real 1m bars (BTCUSDT, 2022-06-15 .. 2022-07-19), changing every bar after a time t
 * changes no decision at or before t, while it does change later ones (so the perturbation is one the enhancers
 * see). The cut lies inside an hour and a day, so the higher-timeframe buckets being built at t are perturbed too.
 */
class LookAheadTest {

    private static final int SIGNAL_EVERY = 97;
    private static List<Bar> real;

    @BeforeAll
    static void load() {
        real = RealData.klines(RealData.BTC_1M_2022, BTC, Timeframe.M1);
    }

    /** Every bar after {@code cut} with its prices scaled by 1 + 3 % sin(i) and its volume tripled. */
    private static List<Bar> perturbedAfter(int cut) {
        List<Bar> out = new ArrayList<>(real.subList(0, cut + 1));
        for (int i = cut + 1; i < real.size(); i++) {
            Bar b = real.get(i);
            double f = 1 + 0.03 * Math.sin(i);
            out.add(new Bar(b.instrument(), b.timeframe(), b.openTimeMillis(), b.open() * f, b.high() * f,
                    b.low() * f, b.close() * f, b.volume() * 3));
        }
        return out;
    }

    /** The enhancer's answer to a signal after every 97th bar: LONG, SHORT and FLAT in turn. */
    private static List<Optional<Signal>> decisions(SignalEnhancer enhancer, List<Bar> bars) {
        List<Optional<Signal>> out = new ArrayList<>();
        SignalDirection[] directions = {SignalDirection.LONG, SignalDirection.SHORT, SignalDirection.FLAT};
        for (int i = 0; i < bars.size(); i++) {
            enhancer.onBar(bars.get(i));
            if (i % SIGNAL_EVERY == 0) {
                SignalDirection d = directions[(i / SIGNAL_EVERY) % 3];
                out.add(enhancer.enhance(TestBars.signal(BTC, d, bars.get(i).closeTimeMillis()), NO_CONTEXT));
            }
        }
        return out;
    }

    private static void assertNoLookAhead(Supplier<SignalEnhancer> factory) {
        int cut = 40_000 + 37;   // 2022-07-12 22:17 UTC: inside an hour, a 4h bucket and a day
        List<Optional<Signal>> original = decisions(factory.get(), real);
        List<Optional<Signal>> changed = decisions(factory.get(), perturbedAfter(cut));
        int before = cut / SIGNAL_EVERY + 1;   // signals at bars 0, 97, ..., <= cut
        assertThat(changed.subList(0, before)).isEqualTo(original.subList(0, before));
        assertThat(changed.subList(before, changed.size())).isNotEqualTo(original.subList(before, original.size()));
        // and the decisions are not trivial: some entries pass with scores, some are dropped
        assertThat(original).anyMatch(Optional::isEmpty);
        assertThat(original).anyMatch(o -> o.isPresent() && !o.get().scores().isEmpty());
    }

    @Test
    void multiFactorScoreDecidesFromPastBarsOnly() {
        assertNoLookAhead(() -> (SignalEnhancer) new MultiFactorScoreProvider().create(
                TestBars.multiFactor(Map.of())));
    }

    @Test
    void multiTimeframeDecidesFromCompletedPastBarsOnly() {
        assertNoLookAhead(() -> (SignalEnhancer) new MultiTimeframeProvider().create(
                TestBars.multiTimeframe(Map.of())));
    }
}
