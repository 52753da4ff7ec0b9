package io.quantplug.sdk.bar;

import io.quantplug.sdk.bar.ActivityBarAggregator.Measure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Volume and dollar bars on trades whose bars are worked out by hand in the comments. */
class ActivityBarAggregatorTest {

    private final List<double[]> bars = new ArrayList<>();

    private ActivityBarAggregator of(Measure measure, double threshold) {
        return new ActivityBarAggregator(measure, threshold,
                (o, c, op, h, l, cl, v) -> bars.add(new double[] {o, c, op, h, l, cl, v}));
    }

    @Test
    void aVolumeBarClosesWithTheTradeThatCrossesItsThresholdWholeAndTheNextStartsFromZero() {
        ActivityBarAggregator oneBtc = of(Measure.VOLUME, 1.0);
        assertThat(oneBtc.trade(1_000, 100, 0.4)).isFalse(); // 0.4
        assertThat(oneBtc.trade(1_005, 101, 0.3)).isFalse(); // 0.7, high 101
        assertThat(oneBtc.trade(1_005, 99, 0.5)).isTrue();   // 1.2 >= 1: closes, whole (not split at 1.0)
        assertThat(oneBtc.trade(1_010, 102, 1.5)).isTrue();  // from 0 again: one trade fills a bar alone
        assertThat(oneBtc.trade(1_020, 103, 0.1)).isFalse();
        assertThat(bars).hasSize(2);
        assertThat(bars.get(0)).containsExactly(1_000, 1_005, 100, 101, 99, 99, 1.2);
        assertThat(bars.get(1)).containsExactly(1_010, 1_010, 102, 102, 102, 102, 1.5);
        assertThat(oneBtc.openTrades()).isEqualTo(1); // short of the threshold: no bar
    }

    @Test
    void aDollarBarSumsPriceTimesQuantityAndReportsBaseVolume() {
        ActivityBarAggregator notional250 = of(Measure.DOLLAR, 250);
        notional250.trade(1, 100, 1);   // 100
        notional250.trade(2, 100, 1);   // 200
        notional250.trade(3, 50, 1.1);  // 200 + 55 = 255 >= 250
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0)).containsExactly(1, 3, 100, 100, 50, 50, 2.1 + 1.0);
    }

    @Test
    void decimalQuantitiesSummingExactlyToTheThresholdCloseTheBar() {
        // ten trades of 0.1 sum to exactly 1 in decimal; a plain double sum gives 0.9999999999999999
        double plain = 0;
        for (int i = 0; i < 10; i++) {
            plain += 0.1;
        }
        assertThat(plain).isLessThan(1.0);
        ActivityBarAggregator oneBtc = of(Measure.VOLUME, 1.0);
        for (int i = 0; i < 10; i++) {
            oneBtc.trade(i, 100, 0.1);
        }
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0)[1]).isEqualTo(9);
        assertThat(bars.get(0)[6]).isEqualTo(1.0);
    }

    @Test
    void refusesABadThresholdAndTradesOutOfOrderOrWithoutAPositivePrice() {
        assertThatThrownBy(() -> of(Measure.VOLUME, 0)).hasMessageContaining("threshold must be finite and > 0");
        assertThatThrownBy(() -> of(Measure.DOLLAR, Double.NaN)).hasMessageContaining("threshold");
        ActivityBarAggregator a = of(Measure.VOLUME, 5);
        a.trade(2_000, 100, 1);
        assertThatThrownBy(() -> a.trade(1_999, 100, 1)).hasMessageContaining("before the trade before it");
        assertThatThrownBy(() -> a.trade(2_000, 0, 1)).hasMessageContaining("finite and > 0");
    }
}
