package io.quantplug.sdk.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The ADF regression by hand on a four-value series, the lag rule of {@code tseries::adf.test}, and bad input. The
 * twelve-value {@link #FIXTURE} is checked against R in {@link CointegrationReferenceTest}.
 */
class AugmentedDickeyFullerTest {

    /** The fixture of {@code cointegration-reference.R}. */
    static final double[] FIXTURE = {10, 10.4, 10.1, 10.9, 11.3, 10.8, 11.6, 12.0, 11.7, 12.5, 12.2, 12.9};

    @Test
    void dickeyFullerWithoutTermsMatchesHandCalculation() {
        // y = 1, 2, 4, 3: Δy = 1, 2, -1 on y_{t-1} = 1, 2, 4. γ = Σ y Δy / Σ y² = 1/21; residuals 20/21, 40/21, -25/21,
        // RSS = 2625/441 on 3 - 1 degrees of freedom; se = sqrt(RSS / 2 / 21).
        AdfResult result = new AugmentedDickeyFuller(DeterministicTerms.NONE, 0).test(new double[] {1, 2, 4, 3});
        double se = Math.sqrt(2625.0 / 441 / 2 / 21);
        assertThat(result.coefficient()).isCloseTo(1.0 / 21, within(1e-15));
        assertThat(result.standardError()).isCloseTo(se, within(1e-15));
        assertThat(result.statistic()).isCloseTo(1.0 / 21 / se, within(1e-14));
        assertThat(result.lags()).isZero();
        assertThat(result.observations()).isEqualTo(3);
    }

    @Test
    void cubeRootLagsIsTseriesDefault() {
        // trunc((n - 1)^(1/3)): 8759^(1/3) = 20.6, 4342^(1/3) = 16.3, 11^(1/3) = 2.2, 7^(1/3) = 1.9
        assertThat(AugmentedDickeyFuller.cubeRootLags(8760)).isEqualTo(20);
        assertThat(AugmentedDickeyFuller.cubeRootLags(4343)).isEqualTo(16);
        assertThat(AugmentedDickeyFuller.cubeRootLags(12)).isEqualTo(2);
        assertThat(AugmentedDickeyFuller.cubeRootLags(8)).isEqualTo(1);
        assertThat(AugmentedDickeyFuller.cubeRootLags(9)).isEqualTo(2);
    }

    @Test
    void rejectsBadParametersNamingThem() {
        assertThatThrownBy(() -> new AugmentedDickeyFuller(DeterministicTerms.CONSTANT, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lags must be >= 0, got -1");
        assertThatThrownBy(() -> AugmentedDickeyFuller.selectingLags(DeterministicTerms.NONE, -2,
                InformationCriterion.AIC)).hasMessage("lags must be >= 0, got -2");
        assertThatThrownBy(() -> AugmentedDickeyFuller.cubeRootLags(1))
                .hasMessage("length must be >= 2, got 1");
        AugmentedDickeyFuller trendTwoLags = new AugmentedDickeyFuller(DeterministicTerms.CONSTANT_AND_TREND, 2);
        assertThatThrownBy(() -> trendTwoLags.test(new double[8]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("y must hold at least 9 values for lags=2 and terms=CONSTANT_AND_TREND, got 8");
        assertThatThrownBy(() -> trendTwoLags.test(new double[] {1, 2, 3, Double.NaN, 5, 6, 7, 8, 9}))
                .hasMessage("y[3] must be finite, got NaN");
    }

    @Test
    void constantSeriesIsSingular() {
        double[] flat = new double[30];
        java.util.Arrays.fill(flat, 7.0);
        assertThatThrownBy(() -> new AugmentedDickeyFuller(DeterministicTerms.CONSTANT, 1).test(flat))
                .isInstanceOf(SingularRegressionException.class)
                .hasMessageContaining("ADF regression on 28 rows has linearly dependent regressors");
    }

    @Test
    void nineValuesAreEnoughForTrendWithTwoLags() {
        // 9 values: 8 differences, 6 rows, 5 coefficients, 1 degree of freedom
        AdfResult result = new AugmentedDickeyFuller(DeterministicTerms.CONSTANT_AND_TREND, 2)
                .test(new double[] {1, 3, 2, 5, 4, 4.5, 7, 6, 9});
        assertThat(result.observations()).isEqualTo(6);
        assertThat(result.standardError()).isPositive();
    }
}
