package io.quantplug.sdk.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The interpolation of {@code tseries::adf.test} by hand on its table (Banerjee et al. 1993, Table 4.2); the p-values
 * of real statistics are checked against R in {@link CointegrationReferenceTest}.
 */
class InterpolatedAdfPValueTest {

    private final InterpolatedAdfPValue pValues = new InterpolatedAdfPValue();

    @Test
    void nodesOfTheTableGiveTheirProbability() {
        assertThat(pValues.pValue(-3.60, 25)).isCloseTo(0.05, within(1e-15));
        assertThat(pValues.pValue(-1.25, 100_000)).isCloseTo(0.90, within(1e-15));
    }

    @Test
    void interpolatesInTheStatisticThenInTheSampleSize() {
        // T = 100: -3.30 lies halfway between the 5 % (-3.45) and 10 % (-3.15) quantiles
        assertThat(pValues.pValue(-3.30, 100)).isCloseTo(0.075, within(1e-12));
        // T = 175: the 5 % quantile is halfway between -3.45 (T = 100) and -3.43 (T = 250), -3.44
        assertThat(pValues.pValue(-3.44, 175)).isCloseTo(0.05, within(1e-12));
        // beyond the table's sizes the end rows hold: T = 10 reads T = 25, T = 10^6 reads 100000
        assertThat(pValues.pValue(-3.60, 10)).isCloseTo(0.05, within(1e-15));
        assertThat(pValues.pValue(-3.41, 1_000_000)).isCloseTo(0.05, within(1e-15));
    }

    @Test
    void clampsOutsideTheTabulatedProbabilities() {
        assertThat(pValues.pValue(-9, 500)).isEqualTo(0.01);
        assertThat(pValues.pValue(2, 500)).isEqualTo(0.99);
    }

    @Test
    void rejectsBadParametersNamingThem() {
        assertThatThrownBy(() -> pValues.pValue(Double.NaN, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("statistic must be finite, got NaN");
        assertThatThrownBy(() -> pValues.pValue(-2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("differences must be >= 1, got 0");
    }
}
