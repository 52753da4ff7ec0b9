package io.quantplug.sdk.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The Engle-Granger test's verdict and bad input; its numbers are checked against R in
 * {@link CointegrationReferenceTest}.
 */
class EngleGrangerTest {

    @Test
    void usesTheTwoSeriesCriticalValueAtTheResidualSampleSize() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.5 + 2 * x[i] + AugmentedDickeyFullerTest.FIXTURE[i] - 11.5;
        }
        EngleGrangerResult result = new EngleGranger(1).test(y, x);
        // 12 values, one lag: 10 rows; -3.33613 - 6.1101/10 - 6.823/100
        assertThat(result.residualTest().observations()).isEqualTo(10);
        assertThat(result.criticalValue(SignificanceLevel.FIVE_PERCENT)).isCloseTo(-4.01537, within(1e-9));
        assertThat(result.rejectsNoCointegration(SignificanceLevel.FIVE_PERCENT))
                .isEqualTo(result.statistic() < -4.01537);
        assertThat(result.spread(y[3], x[3])).isCloseTo(y[3] - result.intercept() - result.hedgeRatio() * x[3],
                within(1e-15));
    }

    @Test
    void rejectsBadInputNamingIt() {
        EngleGranger test = new EngleGranger(1);
        assertThatThrownBy(() -> new EngleGranger(-1)).hasMessage("lags must be >= 0, got -1");
        assertThatThrownBy(() -> test.test(new double[5], new double[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x and y must have the same length, got x.length=4 and y.length=5");
        assertThatThrownBy(() -> test.test(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, Double.NaN, 4, 5}))
                .hasMessage("x[2] must be finite, got NaN");
        assertThatThrownBy(() -> test.test(new double[] {1, 2, 3, 4, 5, 6}, new double[] {3, 3, 3, 3, 3, 3}))
                .isInstanceOf(SingularRegressionException.class)
                .hasMessageContaining("cointegrating regression on 6 rows");
    }
}
