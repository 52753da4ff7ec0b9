package io.quantplug.runtime.analytics;

import org.junit.jupiter.api.Test;

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
}
