package io.quantplug.sdk.statistics;

import org.junit.jupiter.api.Test;

import static io.quantplug.sdk.statistics.DeterministicTerms.CONSTANT;
import static io.quantplug.sdk.statistics.DeterministicTerms.CONSTANT_AND_TREND;
import static io.quantplug.sdk.statistics.DeterministicTerms.NONE;
import static io.quantplug.sdk.statistics.SignificanceLevel.FIVE_PERCENT;
import static io.quantplug.sdk.statistics.SignificanceLevel.ONE_PERCENT;
import static io.quantplug.sdk.statistics.SignificanceLevel.TEN_PERCENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * MacKinnon's response surfaces against his published asymptotic values, by hand at a finite sample size, and against
 * the independent Monte Carlo table of Fuller (1976), as Hamilton (1994, Table B.6) and R's {@code urca::ur.df} print
 * it at {@code T = 100} (two decimals).
 */
class MacKinnonCriticalValuesTest {

    private final MacKinnonCriticalValues values = new MacKinnonCriticalValues();
    private static final double INFINITE = Double.POSITIVE_INFINITY;

    @Test
    void asymptoticValuesAreThePublishedOnes() {
        // MacKinnon (2010), N = 1 constant; N = 1 constant and trend; N = 2 constant
        assertThat(values.unitRoot(CONSTANT, ONE_PERCENT, INFINITE)).isEqualTo(-3.43035);
        assertThat(values.unitRoot(CONSTANT, FIVE_PERCENT, INFINITE)).isEqualTo(-2.86154);
        assertThat(values.unitRoot(CONSTANT, TEN_PERCENT, INFINITE)).isEqualTo(-2.56677);
        assertThat(values.unitRoot(CONSTANT_AND_TREND, FIVE_PERCENT, INFINITE)).isEqualTo(-3.41049);
        assertThat(values.unitRoot(NONE, FIVE_PERCENT, INFINITE)).isEqualTo(-1.94100);
        assertThat(values.engleGranger(CONSTANT, ONE_PERCENT, INFINITE)).isEqualTo(-3.89644);
        assertThat(values.engleGranger(CONSTANT, FIVE_PERCENT, INFINITE)).isEqualTo(-3.33613);
        assertThat(values.engleGranger(CONSTANT, TEN_PERCENT, INFINITE)).isEqualTo(-3.04445);
        assertThat(values.engleGranger(CONSTANT_AND_TREND, FIVE_PERCENT, INFINITE)).isEqualTo(-3.78057);
    }

    @Test
    void finiteSampleFollowsTheResponseSurface() {
        // -3.43035 - 6.5393/100 - 16.786/100^2 - 79.433/100^3
        assertThat(values.unitRoot(CONSTANT, ONE_PERCENT, 100)).isCloseTo(-3.497501033, within(1e-9));
        // -3.33613 - 6.1101/500 - 6.823/500^2
        assertThat(values.engleGranger(CONSTANT, FIVE_PERCENT, 500)).isCloseTo(-3.348377492, within(1e-9));
        // -3.89644 - 10.9519/100 - 22.527/100^2
        assertThat(values.engleGranger(CONSTANT, ONE_PERCENT, 100)).isCloseTo(-4.0082117, within(1e-9));
    }

    @Test
    void agreeWithFullersTableAtOneHundredObservations() {
        double[][] fuller = {{-2.60, -1.95, -1.61}, {-3.51, -2.89, -2.58}, {-4.04, -3.45, -3.15}};
        for (DeterministicTerms terms : DeterministicTerms.values()) {
            for (SignificanceLevel level : SignificanceLevel.values()) {
                assertThat(values.unitRoot(terms, level, 100)).as("%s at %s", terms, level)
                        .isCloseTo(fuller[terms.ordinal()][level.ordinal()], within(0.015));
            }
        }
    }

    @Test
    void rejectsBadParametersNamingThem() {
        assertThatThrownBy(() -> values.unitRoot(CONSTANT, FIVE_PERCENT, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("observations must be >= 1 or +Infinity, got 0.0");
        assertThatThrownBy(() -> values.unitRoot(CONSTANT, FIVE_PERCENT, Double.NaN))
                .hasMessage("observations must be >= 1 or +Infinity, got NaN");
        assertThatThrownBy(() -> values.engleGranger(NONE, FIVE_PERCENT, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cointegratingTerms must be CONSTANT or CONSTANT_AND_TREND");
    }
}
