package io.quantplug.plugins.signals;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.quantplug.plugins.signals.TestBars.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Aggregation against an outside truth: Binance's own recorded 1h and 1d klines for the same symbol and period as
 * the 1m klines fed in (two different public repositories, see the PROVENANCE.md files); plus small hand cases.
 */
class BarAggregatorTest {

    private static List<Bar> aggregate(List<Bar> input, Timeframe target) {
        BarAggregator a = new BarAggregator(target);
        List<Bar> out = new ArrayList<>();
        for (Bar b : input) {
            out.addAll(a.add(b));
        }
        return out;
    }

    /**
     * Every truth bar inside the span of the aggregated bars is reproduced exactly (prices) and to 1e-9 relative
     * (volume, a sum of doubles), and no aggregated bar lacks a truth bar.
     *
     * @return how many bars were compared
     */
    private static int compare(List<Bar> aggregated, List<Bar> truth) {
        Map<Long, Bar> byTime = new HashMap<>();
        truth.forEach(b -> byTime.put(b.openTimeMillis(), b));
        long first = Math.max(aggregated.get(0).openTimeMillis(), truth.get(0).openTimeMillis());
        long last = Math.min(aggregated.get(aggregated.size() - 1).openTimeMillis(),
                truth.get(truth.size() - 1).openTimeMillis());
        Map<Long, Bar> mine = new HashMap<>();
        aggregated.forEach(b -> mine.put(b.openTimeMillis(), b));
        int compared = 0;
        for (Bar t : truth) {
            if (t.openTimeMillis() < first || t.openTimeMillis() > last) {
                continue;
            }
            Bar a = mine.get(t.openTimeMillis());
            assertThat(a).as("aggregated bar at %s", t.openTime()).isNotNull();
            assertThat(new double[] {a.open(), a.high(), a.low(), a.close()}).as("OHLC at %s", t.openTime())
                    .containsExactly(t.open(), t.high(), t.low(), t.close());
            assertThat(a.volume()).as("volume at %s", t.openTime()).isCloseTo(t.volume(), within(t.volume() * 1e-9));
            compared++;
        }
        for (Bar a : aggregated) {
            if (a.openTimeMillis() >= first && a.openTimeMillis() <= last) {
                assertThat(byTime).as("truth bar at %s", a.openTime()).containsKey(a.openTimeMillis());
            }
        }
        return compared;
    }

    @Test
    void oneMinuteBarsAggregateToBinancesOwnHourlyBarsAcrossOutages() {
        // BTCUSDT 1m 2021-03-26 03:00 .. 2021-04-30 03:33 (with the outages 2021-04-20 02:00, 150 min, and
        // 2021-04-25 04:01, 284 min) against Binance's 1h klines from 2021-04-04 20:00: the hours 2021-04-04 20:00
        // .. 2021-04-30 02:00 are 25 x 24 + 6 + 1 = 607, minus the 2 + 3 hours without any trade = 602. The hours
        // 2021-04-25 04:00 (one minute of trading) and 08:00 (from 08:45) are partial in both.
        List<Bar> minutes = RealData.klines(RealData.BTC_1M_2021, BTC, Timeframe.M1);
        List<Bar> hours = aggregate(minutes, Timeframe.H1);
        int compared = compare(hours, RealData.klines(RealData.BTC_1H, BTC, Timeframe.H1));
        assertThat(compared).isEqualTo(602);
        // the last hour (03:00 .. 03:33) is incomplete and never emitted
        assertThat(hours.get(hours.size() - 1).openTime()).isEqualTo(Instant.parse("2021-04-30T02:00:00Z"));
    }

    @Test
    void oneMinuteBarsAggregateToBinancesHourlyBarsIn2023() {
        // 2023-08-26 03:00 .. 2023-09-29 20:19, no gaps: complete hours 03:00 .. 2023-09-29 19:00 =
        // 34 x 24 + 16 + 1 = 833
        List<Bar> hours = aggregate(RealData.klines(RealData.BTC_1M_2023, BTC, Timeframe.M1), Timeframe.H1);
        assertThat(compare(hours, RealData.klines(RealData.BTC_1H, BTC, Timeframe.H1))).isEqualTo(833);
    }

    @Test
    void oneMinuteBarsAggregateToBinancesDailyBars() {
        // 2021 block: the first day (2021-03-26, seen from 03:00 only) is dropped; complete days 2021-03-27 ..
        // 2021-04-29 = 5 + 29 = 34, including the two outage days
        List<Bar> days2021 = aggregate(RealData.klines(RealData.BTC_1M_2021, BTC, Timeframe.M1), Timeframe.D1);
        assertThat(days2021.get(0).openTime()).isEqualTo(Instant.parse("2021-03-27T00:00:00Z"));
        List<Bar> truth = RealData.cddDaily(RealData.BTC_1D_CDD, BTC);
        assertThat(compare(days2021, truth)).isEqualTo(34);
        // 2022 block (2022-06-15 03:00 .. 2022-07-19 20:19): 2022-06-16 .. 2022-07-18 = 15 + 18 = 33 days
        List<Bar> days2022 = aggregate(RealData.klines(RealData.BTC_1M_2022, BTC, Timeframe.M1), Timeframe.D1);
        assertThat(compare(days2022, truth)).isEqualTo(33);
        assertThat(days2022).hasSize(33);
    }

    @Test
    void emitsABarOnlyWhenItsLastInputBarArrives() {
        // 5m from 1m: minutes 00:00 .. 00:04 complete the first bucket at the fifth bar, not before
        BarAggregator a = new BarAggregator(Timeframe.M5);
        long t0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        double[][] rows = {{10, 12, 9, 11, 1}, {11, 11.5, 10, 10.5, 2}, {10.5, 13, 10.5, 12, 3}, {12, 12, 8, 9, 4},
                {9, 10, 9, 9.5, 5}};
        for (int i = 0; i < 4; i++) {
            assertThat(a.add(new Bar(BTC, Timeframe.M1, t0 + i * 60_000L, rows[i][0], rows[i][1], rows[i][2],
                    rows[i][3], rows[i][4]))).isEmpty();
        }
        // partial so far: open 10, high max(12, 11.5, 13, 12) = 13, low min(9, 10, 10.5, 8) = 8, close 9, volume 10
        assertThat(a.partial()).isEqualTo(new Bar(BTC, Timeframe.M5, t0, 10, 13, 8, 9, 10));
        List<Bar> done = a.add(new Bar(BTC, Timeframe.M1, t0 + 4 * 60_000L, 9, 10, 9, 9.5, 5));
        assertThat(done).containsExactly(new Bar(BTC, Timeframe.M5, t0, 10, 13, 8, 9.5, 15));
        assertThat(a.partial()).isNull();
    }

    @Test
    void aBucketWhoseLastMinutesAreMissingCompletesWithTheNextBucketsFirstBar() {
        BarAggregator a = new BarAggregator(Timeframe.M5);
        long t0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        assertThat(a.add(TestBars.minute(BTC, t0, 100))).isEmpty();
        assertThat(a.add(TestBars.minute(BTC, t0 + 60_000L, 101))).isEmpty();
        // 00:02 .. 00:06 missing (an outage); 00:07 belongs to the next bucket and closes the first
        assertThat(a.add(TestBars.minute(BTC, t0 + 7 * 60_000L, 102)))
                .containsExactly(new Bar(BTC, Timeframe.M5, t0, 100, 101, 100, 101, 2));
        assertThat(a.partial().openTimeMillis()).isEqualTo(t0 + 5 * 60_000L);
    }

    @Test
    void dropsAFirstBucketEnteredAfterItsOpen() {
        BarAggregator a = new BarAggregator(Timeframe.M5);
        long t0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        // starts at 00:03: the bucket 00:00 .. 00:05 was not seen from its open
        assertThat(a.add(TestBars.minute(BTC, t0 + 3 * 60_000L, 100))).isEmpty();
        assertThat(a.add(TestBars.minute(BTC, t0 + 4 * 60_000L, 101))).isEmpty();
        assertThat(a.partialCounts()).isFalse();
        for (int i = 5; i < 9; i++) {
            assertThat(a.add(TestBars.minute(BTC, t0 + i * 60_000L, 100 + i))).isEmpty();
        }
        assertThat(a.add(TestBars.minute(BTC, t0 + 9 * 60_000L, 110)))
                .containsExactly(new Bar(BTC, Timeframe.M5, t0 + 5 * 60_000L, 105, 110, 105, 110, 5));
    }

    @Test
    void refusesInputThatDoesNotDivideTheTargetOrGoesBack() {
        BarAggregator a = new BarAggregator(Timeframe.H1);
        Bar sevenMinutes = new Bar(BTC, Timeframe.parse("7m"), 0, 1, 1, 1, 1, 1);
        assertThatIllegalArgumentException().isThrownBy(() -> a.add(sevenMinutes))
                .withMessageContaining("1h is not a whole multiple of 7m");
        a.add(TestBars.minute(BTC, 3_600_000L, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> a.add(TestBars.minute(BTC, 0, 1)))
                .withMessageContaining("older than the 1h bucket");
        // the same timeframe passes each bar through as complete
        BarAggregator same = new BarAggregator(Timeframe.M1);
        Bar m = TestBars.minute(BTC, 60_000L, 5);
        assertThat(same.add(m)).containsExactly(m);
    }
}
