package io.quantplug.sdk.indicator;

import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a series of our values with a ta4j indicator bar by bar, within {@code 1e-9} relative.
 *
 * <p>"Relative" is to {@code max(|expected|, scale)}. For quantities that stay away from zero (prices, ranges,
 * bands) the scale is 0: a pure relative error. For differences of two price-sized averages that cross zero (MACD)
 * or running totals that cross zero (OBV) the scale is the size of the terms they are computed from, since their
 * rounding error is relative to those terms, not to the small difference. Where ta4j's value is NaN (a division
 * by zero) ours must be NaN too.
 */
final class Ta4jMatch {

    static final double RELATIVE = 1e-9;

    private Ta4jMatch() {
    }

    /**
     * Asserts {@code ours[i]} matches {@code reference} at every bar {@code i >= from}, and returns the largest
     * relative error seen.
     */
    static double assertMatches(String what, double[] ours, Indicator<Num> reference, int from, double[] scale) {
        double worst = 0;
        for (int i = from; i < ours.length; i++) {
            Num r = reference.getValue(i);
            if (r.isNaN()) {
                assertThat(ours[i]).as("%s at bar %d, where ta4j gives NaN", what, i).isNaN();
                continue;
            }
            double expected = r.doubleValue();
            double size = Math.max(Math.abs(expected), scale == null ? 0.0 : scale[i]);
            assertThat(ours[i]).as("%s at bar %d", what, i).isCloseTo(expected,
                    org.assertj.core.api.Assertions.within(RELATIVE * size));
            if (size > 0) {
                worst = Math.max(worst, Math.abs(ours[i] - expected) / size);
            }
        }
        return worst;
    }
}
