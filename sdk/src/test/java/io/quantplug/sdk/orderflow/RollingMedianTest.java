package io.quantplug.sdk.orderflow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollingMedianTest {

    @Test
    void medianOfTheLastPeriodValues() {
        RollingMedian m = new RollingMedian(3);
        assertThat(m.value()).isNaN();
        // windows by hand: [5] 5, [5 1] 3, [5 1 4] 4, [1 4 2] 2, [4 2 3] 3, [2 3 3] 3, [3 3 9] 3
        double[] in = {5, 1, 4, 2, 3, 3, 9};
        double[] expected = {5, 3, 4, 2, 3, 3, 3};
        for (int i = 0; i < in.length; i++) {
            assertThat(m.update(in[i])).as("after %s values", i + 1).isEqualTo(expected[i]);
        }
        assertThat(m.isReady()).isTrue();
        assertThat(m.size()).isEqualTo(3);
    }

    @Test
    void evenWindowAveragesTheTwoMiddleValues() {
        RollingMedian m = new RollingMedian(4);
        m.update(10);
        m.update(2);
        m.update(2);
        assertThat(m.update(7)).isEqualTo(4.5); // sorted 2 2 7 10
        assertThat(m.update(1)).isEqualTo(2.0); // 10 leaves: 1 2 2 7
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> new RollingMedian(0)).hasMessageContaining("period");
        assertThatThrownBy(() -> new RollingMedian(1).update(Double.NaN)).hasMessageContaining("finite");
    }
}
