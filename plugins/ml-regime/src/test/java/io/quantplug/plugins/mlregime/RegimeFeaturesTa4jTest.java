package io.quantplug.plugins.mlregime;

import io.quantplug.api.market.Bar;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The indicator features against ta4j 0.17 on real BTCUSDT hours (n = 24, m = 168): mean true range
 * ({@code SMA(TR, n)}), the EMA slope ({@code EMAIndicator} seeded with the first close of a series of bars
 * {@code t - m .. t}), the range position ({@code StochasticOscillatorK / 100}) and the volume z-score
 * ({@code (V - SMA(V, m)) / StandardDeviation(V, m)}).
 */
class RegimeFeaturesTa4jTest {

    private static final int N = 24;
    private static final int M = 168;

    private static BarSeries ta4j(List<Bar> bars) {
        BarSeries s = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).withName("BTCUSDT").build();
        for (Bar b : bars) {
            s.addBar(Instant.ofEpochMilli(b.closeTimeMillis()).atZone(ZoneOffset.UTC), b.open(), b.high(), b.low(),
                    b.close(), b.volume());
        }
        return s;
    }

    private static double value(Indicator<Num> indicator, int index) {
        return indicator.getValue(index).doubleValue();
    }

    @Test
    void trueRangeRangePositionAndVolumeZMatchTa4j() {
        List<Bar> bars = Fixtures.btcHours().subList(0, 2_000);
        BarWindow w = Fixtures.window(bars);
        BarSeries series = ta4j(bars);
        SMAIndicator atr = new SMAIndicator(new TRIndicator(series), N);
        StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(series, N);
        VolumeIndicator volume = new VolumeIndicator(series);
        SMAIndicator volumeMean = new SMAIndicator(volume, M);
        StandardDeviationIndicator volumeSd = new StandardDeviationIndicator(volume, M);
        RegimeFeatures features = new RegimeFeatures(N, M);
        for (int t = M; t < bars.size(); t++) {
            double[] f = features.compute(w, t);
            double close = bars.get(t).close();
            assertThat(f[6]).as("atrToPrice at %d", t).isCloseTo(value(atr, t) / close, within(1e-12));
            assertThat(f[8]).as("rangePosition at %d", t).isCloseTo(value(k, t) / 100, within(1e-9));
            double z = (bars.get(t).volume() - value(volumeMean, t)) / value(volumeSd, t);
            assertThat(f[9]).as("volumeZ at %d", t).isCloseTo(z, within(1e-9));
        }
    }

    @Test
    void emaSlopeMatchesTa4jOnTheSameBars() {
        List<Bar> all = Fixtures.btcHours();
        RegimeFeatures features = new RegimeFeatures(N, M);
        BarWindow w = Fixtures.window(all.subList(0, 6_000));
        for (int t = M; t < 6_000; t += 97) {
            EMAIndicator ema = new EMAIndicator(new ClosePriceIndicator(ta4j(all.subList(t - M, t + 1))), N);
            double slope = Math.log(value(ema, M) / value(ema, M - 1));
            assertThat(features.compute(w, t)[7]).as("emaSlope at %d", t).isCloseTo(slope, within(1e-12));
        }
    }
}
