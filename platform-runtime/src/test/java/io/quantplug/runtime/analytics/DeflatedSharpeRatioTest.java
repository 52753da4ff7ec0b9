package io.quantplug.runtime.analytics;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link DeflatedSharpeRatio} against the numerical example of Bailey and López de Prado (2014), "The Deflated
 * Sharpe Ratio", <i>Journal of Portfolio Management</i> 40(5), and against hand calculations.
 */
class DeflatedSharpeRatioTest {

    private static final double DAYS = 250; // the paper annualises daily figures with 250 days

    private final DeflatedSharpeRatio dsr = new DeflatedSharpeRatio();

    @Test
    void reproducesThePapersNumericalExample() {
        // annualised SR 2.5 over T = 1250 daily returns, N = 100 trials whose SRs have annualised variance 0.5,
        // skewness -3, kurtosis 10: the paper gives DSR = 0.9004
        double sharpe = 2.5 / Math.sqrt(DAYS);
        double variance = 0.5 / DAYS;
        // SR0 = sqrt(0.002) * ((1 - 0.5772) * Z^-1(0.99) + 0.5772 * Z^-1(1 - 1/(100 e)))
        //     = 0.044721 * (0.42278 * 2.326348 + 0.57722 * 2.679175) = 0.044721 * 2.530... = 0.113172
        assertThat(dsr.expectedMaximumSharpe(variance, 100)).isCloseTo(0.113172, Offset.offset(5e-7));
        assertThat(dsr.deflated(sharpe, variance, 100, 1250, -3, 10)).isCloseTo(0.9004, Offset.offset(5e-5));
    }

    @Test
    void probabilisticSharpeOfNormalReturnsByHand() {
        // SR 0.1, benchmark 0, T = 101, g3 = 0, g4 = 3: z = 0.1 * 10 / sqrt(1 + 2/4 * 0.01) = 0.997509,
        // Z(0.997509) = 0.840741
        assertThat(dsr.probabilisticSharpe(0.1, 0, 101, 0, 3)).isCloseTo(0.840741, Offset.offset(1e-6));
        // at the benchmark the probability is one half, whatever the moments
        assertThat(dsr.probabilisticSharpe(0.2, 0.2, 50, -1, 7)).isEqualTo(0.5);
    }

    @Test
    void oneTrialOrNoDispersionLeavesNothingToDeflate() {
        assertThat(dsr.expectedMaximumSharpe(0.3, 1)).isZero();
        assertThat(dsr.expectedMaximumSharpe(0, 1000)).isZero();
        // more trials raise the bar
        assertThat(dsr.expectedMaximumSharpe(0.01, 1000)).isGreaterThan(dsr.expectedMaximumSharpe(0.01, 10));
    }

    @Test
    void ofReturnsUsesTheSampleMomentsOfTheSeries() {
        // x = 0.01 -0.02 0.03 0.015 -0.005 0.02 0 0.01: mean 0.0075, sample sd 0.0155839 -> SR 0.481267;
        // adjusted Fisher-Pearson skewness G1 = -0.471830 and excess kurtosis G2 = 0.235554 (Joanes and Gill 1998,
        // "Comparing measures of sample skewness and kurtosis", The Statistician 47(1));
        // z = 0.481267 sqrt(7) / sqrt(1 + 0.471830 * 0.481267 + (3.235554 - 1) / 4 * 0.481267^2) = 1.093254,
        // Z(1.093254) = 0.862859
        double[] x = {0.01, -0.02, 0.03, 0.015, -0.005, 0.02, 0.0, 0.01};
        assertThat(dsr.ofReturns(x, 0, 1)).isCloseTo(0.862859, Offset.offset(1e-6));
        assertThat(dsr.ofReturns(new double[] {0.01, 0.01, 0.01, 0.01}, 0.1, 5)).isNaN();
    }

    @Test
    void refusesBadInputNamingIt() {
        assertThatThrownBy(() -> dsr.expectedMaximumSharpe(0.1, 0)).hasMessageContaining("trials must be >= 1");
        assertThatThrownBy(() -> dsr.expectedMaximumSharpe(-1, 5)).hasMessageContaining("sharpeVariance");
        assertThatThrownBy(() -> dsr.probabilisticSharpe(0.1, 0, 1, 0, 3)).hasMessageContaining("observations");
        assertThatThrownBy(() -> dsr.ofReturns(new double[3], 0, 2)).hasMessageContaining("at least 4");
    }
}
