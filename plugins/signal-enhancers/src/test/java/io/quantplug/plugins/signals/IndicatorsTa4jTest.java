package io.quantplug.plugins.signals;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.sdk.indicator.AverageTrueRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The indicators this plugin writes itself (the SDK has no ATR, range or rate of change) against ta4j 0.17 with exact
 * decimal arithmetic, on 5,000 real Binance BTCUSDT 1m bars (2023-08-26 from 03:00 UTC).
 */
class IndicatorsTa4jTest {

    private static final int BARS = 5_000;
    private static List<Bar> bars;
    private static BarSeries series;

    @BeforeAll
    static void load() {
        bars = RealData.klines(RealData.BTC_1M_2023, TestBars.BTC, Timeframe.M1).subList(0, BARS);
        series = new BaseBarSeriesBuilder().withName("BTCUSDT 1m").build();
        for (Bar b : bars) {
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(b.closeTimeMillis()), ZoneOffset.UTC);
            series.addBar(new BaseBar(Duration.ofMinutes(1), end, Double.toString(b.open()),
                    Double.toString(b.high()), Double.toString(b.low()), Double.toString(b.close()),
                    Double.toString(b.volume())));
        }
    }

    @Test
    void averageTrueRangeAgreesWithTa4jOnceTheSeedHasDecayed() {
        for (int period : new int[] {2, 14, 50}) {
            ATRIndicator reference = new ATRIndicator(series, period);
            AverageTrueRange atr = new AverageTrueRange(period);
            int compared = 0;
            for (int i = 0; i < BARS; i++) {
                Bar b = bars.get(i);
                double v = atr.update(b);
                assertThat(atr.isReady()).isEqualTo(i >= period - 1);
                // ta4j seeds Wilder's smoothing with TR_0, we with the mean of the first n TRs (Wilder's seed);
                // the difference weighs ((n-1)/n)^k, below 1e-12 after k = 30 n bars
                if (i >= 30 * period) {
                    double expected = reference.getValue(i).doubleValue();
                    assertThat(v).as("ATR(%d) at bar %d", period, i).isCloseTo(expected, within(expected * 1e-9));
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(BARS - 30 * period);
        }
    }

    @Test
    void highestHighLowestLowAndRateOfChangeAgreeWithTa4j() {
        int n = 50;
        HighestValueIndicator highest = new HighestValueIndicator(new HighPriceIndicator(series), n);
        LowestValueIndicator lowest = new LowestValueIndicator(new LowPriceIndicator(series), n);
        ROCIndicator roc = new ROCIndicator(new ClosePriceIndicator(series), n);
        BarWindow window = new BarWindow(n + 1);
        for (int i = 0; i < BARS; i++) {
            window.add(bars.get(i));
            if (i >= n) {
                assertThat(window.highestHigh(n)).as("highest high at %d", i)
                        .isEqualTo(highest.getValue(i).doubleValue());
                assertThat(window.lowestLow(n)).as("lowest low at %d", i).isEqualTo(lowest.getValue(i).doubleValue());
                double expected = roc.getValue(i).doubleValue();
                assertThat(window.rateOfChangePercent(n)).as("ROC at %d", i).isCloseTo(expected, within(1e-10));
            }
        }
        assertThat(window.size()).isEqualTo(n + 1);
        assertThat(window.added()).isEqualTo(BARS);
        assertThat(window.get(0)).isSameAs(bars.get(BARS - 1));
        assertThat(window.oldestFirst()).containsExactlyElementsOf(bars.subList(BARS - n - 1, BARS));
    }

    @Test
    void averageTrueRangeFollowsWildersDefinitionOnAHandExample() {
        // TR: 2 (first bar: high - low), max(1, |12 - 10|, |11 - 10|) = 2, max(3, |14 - 11.5|, |11 - 11.5|) = 3;
        // seed (2 + 2) / 2 = 2; then (2 x 1 + 3) / 2 = 2.5
        AverageTrueRange atr = new AverageTrueRange(2);
        assertThat(atr.update(10, 11, 9, 10, 1)).isNaN();
        assertThat(atr.update(11.5, 12, 11, 11.5, 1)).isEqualTo(2.0);
        assertThat(atr.update(13, 14, 11, 13, 1)).isEqualTo(2.5);
    }
}
