package io.quantplug.plugins.volatility;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.enhancement.SignalEnhancer;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.signal.Signal;
import io.quantplug.api.signal.SignalDirection;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The regime classification by hand, what it does to signals, its hot-swap state and its provider's checks. */
class VolatilityRegimeEnhancerTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "SIM");
    private static final VolatilityRegimeProvider PROVIDER = new VolatilityRegimeProvider();

    private static Bar bar(int i, double close) {
        return new Bar(BTC, Timeframe.M1, i * 60_000L, close, close, close, close, 1.0);
    }

    private static Signal signal(SignalDirection d) {
        return Signal.of(BTC, d, 0, "test");
    }

    private static VolatilityRegimeEnhancer enhancer(Map<String, Object> params) {
        Map<String, String> text = new HashMap<>();
        params.forEach((k, v) -> text.put(k, v.toString()));
        Parameters p = PROVIDER.descriptor().parameters().resolve(text);
        return (VolatilityRegimeEnhancer) PROVIDER.create(p);
    }

    @Test
    void calmIsLowAJumpIsExtremeWhereEntriesStandAsideAndExitsPass() {
        VolatilityRegimeEnhancer e = enhancer(Map.of("windowBars", 50));
        // closes alternate 100, 101: every |r| = ln(1.01), so every EWMA value equals r^2 = 9.9007e-5 exactly
        // (seeded with the first r^2, and lambda r^2 + (1 - lambda) r^2 = r^2): no value lies below the current one,
        // the percentile is 0/n = 0 -> LOW.
        for (int i = 0; i < 60; i++) {
            e.onBar(bar(i, i % 2 == 0 ? 100 : 101));
            if (i < VolatilityRegimeEnhancer.MIN_RANKED) {
                assertThat(e.regime()).as("bar %d, %d EWMA values", i, i).isNull();
            }
        }
        assertThat(e.regime()).isEqualTo(VolatilityRegime.LOW);
        Signal scored = e.enhance(signal(SignalDirection.LONG), null).orElseThrow();
        assertThat(scored.scores()).containsEntry("volatilityRegime", 0.0);

        // bar 60 closes at 110 after 101: r = ln(110/101) = 0.0854, r^2 = 7.29e-3; the EWMA becomes
        // 0.94 x 9.9007e-5 + 0.06 x 7.29e-3 = 5.30e-4, above the 49 older values of the 50 kept: 49/50 = 0.98 >= 0.97
        e.onBar(bar(60, 110));
        assertThat(e.regime()).isEqualTo(VolatilityRegime.EXTREME);
        assertThat(e.enhance(signal(SignalDirection.LONG), null)).isEmpty();
        assertThat(e.enhance(signal(SignalDirection.SHORT), null)).isEmpty();
        assertThat(e.enhance(signal(SignalDirection.FLAT), null)).isPresent();
        Map<String, Object> d = e.diagnostics();
        assertThat(d.get("regime")).isEqualTo("EXTREME");
        assertThat((Double) d.get("percentile")).isCloseTo(98.0, within(1e-9));
        double r = Math.log(110.0 / 101.0);
        double s2 = 0.94 * Math.log(1.01) * Math.log(1.01) + 0.06 * r * r;
        assertThat((Double) d.get("ewmaVolatility")).isCloseTo(Math.sqrt(Timeframe.M1.barsPerYear() * s2),
                within(1e-12));
    }

    @Test
    void aSnapshotCarriesTheStateToANewInstance() {
        VolatilityRegimeEnhancer a = enhancer(Map.of("windowBars", 60));
        for (int i = 0; i < 130; i++) {
            a.onBar(bar(i, 100 + 10 * Math.sin(i / 5.0) + (i % 7)));
        }
        StateSnapshot snapshot = a.snapshot();
        VolatilityRegimeEnhancer b = enhancer(Map.of("windowBars", 60));
        assertThat(b.restore(snapshot)).isTrue();
        for (int i = 130; i < 200; i++) {
            Bar next = bar(i, 100 + 10 * Math.sin(i / 5.0) + (i % 7) + (i == 170 ? 30 : 0));
            a.onBar(next);
            b.onBar(next);
            assertThat(b.regime()).as("bar %d", i).isEqualTo(a.regime());
        }
        Map<String, Object> da = a.diagnostics();
        Map<String, Object> db = b.diagnostics();
        assertThat(db.get("percentile")).isEqualTo(da.get("percentile"));
        assertThat(db.get("ewmaVolatility")).isEqualTo(da.get("ewmaVolatility"));
        assertThat(db.get("estimators")).isEqualTo(da.get("estimators"));
        assertThat(b.restore(new StateSnapshot("other/1", Map.of()))).isFalse();
    }

    @Test
    void percentilesMustRise() {
        Map<String, String> bad = Map.of("lowPercentile", "50", "highPercentile", "40");
        assertThatThrownBy(() -> PROVIDER.create(PROVIDER.descriptor().parameters().resolve(bad)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("highPercentile").hasMessageContaining("must be above lowPercentile (50.0)");
        assertThat(PROVIDER.create(PROVIDER.descriptor().parameters().defaults())).isInstanceOf(SignalEnhancer.class);
    }
}
