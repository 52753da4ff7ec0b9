package io.quantplug.sdk.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The criteria against R's {@code AIC} of a small {@code lm} fit; that they pick R's lags on real data is checked in
 * {@link CointegrationReferenceTest}.
 */
class InformationCriterionTest {

    @Test
    void matchesRsAicOfAnLmFit() {
        // R 4.2.2: m <- lm(y ~ x + z) with x = 1:10, y = c(2,3,5,4,6,8,7,9,12,11), z = rep(c(1,0), 5):
        // sum(residuals(m)^2) = 6.75, AIC(m) = 32.448344783, AIC(m, k = log(10)) = 33.658685155
        assertThat(InformationCriterion.AIC.of(6.75, 10, 3)).isCloseTo(32.448344783, within(1e-9));
        assertThat(InformationCriterion.BIC.of(6.75, 10, 3)).isCloseTo(33.658685155, within(1e-9));
    }

    @Test
    void rejectsBadParametersNamingThem() {
        assertThatThrownBy(() -> InformationCriterion.AIC.of(0, 10, 3))
                .hasMessage("residualSumOfSquares must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> InformationCriterion.BIC.of(1, 0, 3))
                .hasMessage("rows must be >= 1 and coefficients >= 0, got rows=0, coefficients=3");
    }
}
