package io.quantplug.runtime.analytics;

import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EquityCurveTest {

    @Test
    void adoptedCurveSeesOnlyItsLengthWithoutCopying() {
        long[] times = {0, 60_000, 120_000, 0};
        double[] values = {100, 110, 99, 0};
        EquityCurve c = EquityCurve.adopt(times, values, 3);

        assertThat(c.size()).isEqualTo(3);
        assertThat(c.equity(2)).isEqualTo(99);
        assertThat(c.values()).containsExactly(100, 110, 99);
        assertThat(c.timesMillis()).containsExactly(0, 60_000, 120_000);
        // running high 100, 110, 110: drawdown 0, 0, (110 - 99) / 110 = 0.1
        assertThat(c.drawdowns()).containsExactly(0, 0, 0.1);
        assertThatThrownBy(() -> c.equity(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(c).isEqualTo(EquityCurve.copyOf(times, values, 3))
                .hasSameHashCodeAs(EquityCurve.copyOf(times, values, 3));
    }

    @Test
    void copiesAreIndependentAndTimesMustNotDecrease() {
        long[] times = {0, 60_000};
        double[] values = {100, 101};
        EquityCurve c = new EquityCurve(times, values);
        values[1] = 0;
        assertThat(c.equity(1)).isEqualTo(101);
        assertThatThrownBy(() -> new EquityCurve(new long[] {60_000, 0}, new double[] {1, 1}))
                .hasMessageContaining("equity times decrease at point 1");
        assertThatThrownBy(() -> EquityCurve.adopt(times, values, 3)).hasMessageContaining("exceeds the arrays");
    }

    @Test
    void chartPointsKeepTheTrueMaximumDrawdownsPeakAndTroughAndTheExtremes() {
        // 20,000 real closes as an equity curve (one falls 23 % from its high inside the window)
        BarSeries series = new BarFileReader().read(SharedData.require(
                "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv")).series();
        int n = 20_000;
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = series.openTimeMillis(i);
            values[i] = series.close(i);
        }
        EquityCurve curve = new EquityCurve(times, values);

        // the deepest fall by brute force over every pair (peak i before trough j; of equal highs the latest, of
        // equal falls the first trough): O(n^2), independent of the one-pass running high
        double deepest = 0;
        int peak = 0;
        int trough = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                double fall = (values[i] - values[j]) / values[i];
                if (fall > deepest || fall == deepest && fall > 0 && j == trough) {
                    deepest = fall;
                    peak = i;
                    trough = j;
                }
            }
        }
        int[] kept = curve.chartIndices(500);

        assertThat(kept).hasSizeLessThanOrEqualTo(500).isSorted().startsWith(0).endsWith(n - 1);
        assertThat(kept).contains(peak, trough);
        int high = 0;
        int low = 0;
        for (int i = 1; i < n; i++) {
            high = values[i] > values[high] ? i : high;
            low = values[i] < values[low] ? i : low;
        }
        assertThat(kept).contains(high, low);
        double[] thinnedValues = Arrays.stream(kept).mapToDouble(i -> values[i]).toArray();
        long[] thinnedTimes = Arrays.stream(kept).mapToLong(i -> times[i]).toArray();
        double thinnedDeepest = Arrays.stream(new EquityCurve(thinnedTimes, thinnedValues).drawdowns()).max()
                .orElseThrow();
        assertThat(thinnedDeepest).isEqualTo(deepest);
    }
}
