package io.quantplug.runtime.data;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quantplug.runtime.data.CsvFixtures.JAN_1_2024;
import static io.quantplug.runtime.data.CsvFixtures.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarSeriesTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");

    /** Four 1m bars from 2024-01-01T00:00Z with a gap after the second; bar i has close 10 + i and volume i. */
    private static BarSeries fourBars() {
        long[] times = {JAN_1_2024, JAN_1_2024 + MINUTE, JAN_1_2024 + 5 * MINUTE, JAN_1_2024 + 6 * MINUTE};
        return BarSeries.of(Timeframe.M1, times, new double[] {10, 11, 12, 13}, new double[] {11, 12, 13, 14},
                new double[] {9, 10, 11, 12}, new double[] {10, 11, 12, 13}, new double[] {0, 1, 2, 3});
    }

    @Test
    void buildsFromArraysAndKeepsItsOwnCopy() {
        long[] times = {JAN_1_2024, JAN_1_2024 + MINUTE};
        double[] close = {10, 11};
        BarSeries series = BarSeries.of(Timeframe.M1, times, new double[] {10, 11}, new double[] {10, 11},
                new double[] {10, 11}, close, new double[] {1, 2});
        times[0] = 0;
        close[0] = 99;

        assertThat(series.size()).isEqualTo(2);
        assertThat(series.openTimeMillis(0)).isEqualTo(JAN_1_2024);
        assertThat(series.close(0)).isEqualTo(10);
        assertThat(series.timeframe()).isEqualTo(Timeframe.M1);
    }

    @Test
    void refusesOpenTimesThatDoNotStrictlyIncrease() {
        long[] times = {JAN_1_2024, JAN_1_2024};
        double[] one = {1, 1};

        assertThatIllegalArgumentException()
                .isThrownBy(() -> BarSeries.of(Timeframe.M1, times, one, one, one, one, one))
                .withMessageContaining("open times must strictly increase: bar 1 at 2024-01-01T00:00:00Z");
    }

    @Test
    void refusesAnInvalidBarNamingItsIndex() {
        double[] one = {1, 1};

        assertThatIllegalArgumentException()
                .isThrownBy(() -> BarSeries.of(Timeframe.M1, new long[] {0, MINUTE}, one, new double[] {1, 0.5},
                        one, one, one))
                .withMessageStartingWith("bar 1 at 1970-01-01T00:01:00Z: ");
    }

    @Test
    void refusesColumnsOfDifferentLengths() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BarSeries.of(Timeframe.M1, new long[] {0}, new double[] {1}, new double[] {1},
                        new double[] {1}, new double[] {1}, new double[0]))
                .withMessageContaining("columns must have equal lengths");
    }

    @Test
    void slicesByOpenTimeFromInclusiveToExclusive() {
        BarSeries slice = fourBars().slice(JAN_1_2024 + MINUTE, JAN_1_2024 + 6 * MINUTE);

        assertThat(slice.size()).isEqualTo(2);
        assertThat(slice.openTimeMillis(0)).isEqualTo(JAN_1_2024 + MINUTE);
        assertThat(slice.close(1)).isEqualTo(12);
        assertThat(slice.timeframe()).isEqualTo(Timeframe.M1);
    }

    @Test
    void slicesBetweenBarsToTheBarsInside() {
        BarSeries slice = fourBars().slice(JAN_1_2024 + 30_000, JAN_1_2024 + 5 * MINUTE + 1);

        assertThat(slice.size()).isEqualTo(2);
        assertThat(slice.volume(0)).isEqualTo(1);
        assertThat(slice.volume(1)).isEqualTo(2);
    }

    @Test
    void slicesASliceRelativeToItsOwnBars() {
        BarSeries inner = fourBars().slice(JAN_1_2024 + MINUTE, Long.MAX_VALUE)
                .slice(JAN_1_2024 + 5 * MINUTE, Long.MAX_VALUE);

        assertThat(inner.size()).isEqualTo(2);
        assertThat(inner.close(0)).isEqualTo(12);
        assertThat(inner.close(1)).isEqualTo(13);
    }

    @Test
    void slicesOutsideTheSeriesToAnEmptySeries() {
        BarSeries before = fourBars().slice(0, JAN_1_2024);
        BarSeries after = fourBars().slice(JAN_1_2024 + 7 * MINUTE, Long.MAX_VALUE);

        assertThat(before.isEmpty()).isTrue();
        assertThat(after.size()).isZero();
        assertThat(after.toBars(BTC)).isEmpty();
    }

    @Test
    void refusesASliceThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException().isThrownBy(() -> fourBars().slice(JAN_1_2024, 0))
                .withMessageContaining("is before its start");
    }

    @Test
    void refusesAnIndexOutsideTheSeriesOrSlice() {
        BarSeries slice = fourBars().slice(JAN_1_2024 + MINUTE, JAN_1_2024 + 6 * MINUTE);

        assertThatThrownBy(() -> slice.close(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> slice.open(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void turnsBarsIntoValueObjectsOfTheGivenInstrument() {
        BarSeries series = fourBars();

        Bar bar = series.bar(2, BTC);
        List<Bar> bars = series.toBars(BTC);

        assertThat(bar).isEqualTo(new Bar(BTC, Timeframe.M1, JAN_1_2024 + 5 * MINUTE, 12, 13, 11, 12, 2));
        assertThat(bars).hasSize(4).element(2).isEqualTo(bar);
        assertThat(bars.get(3).closeTimeMillis()).isEqualTo(JAN_1_2024 + 7 * MINUTE);
    }

    @Test
    void describesItselfWithTimeframeCountAndRange() {
        assertThat(fourBars().toString())
                .isEqualTo("BarSeries[1m, 4 bars, 2024-01-01T00:00:00Z .. 2024-01-01T00:06:00Z]");
    }
}
