package io.quantplug.plugins.pairs;

import io.quantplug.sdk.statistics.EngleGranger;
import io.quantplug.sdk.statistics.EngleGrangerResult;
import io.quantplug.sdk.statistics.RollingHedgeRatio;
import io.quantplug.sdk.statistics.SignificanceLevel;
import io.quantplug.sdk.statistics.StatisticsException;

/**
 * The optional entry gate: the Engle-Granger test (OLS of {@code y} on {@code x}, then an ADF regression without
 * deterministic terms and with {@code adfLags} lagged differences on the residuals) over the rolling window's pairs,
 * passed when its {@code τ} is below MacKinnon's (2010) critical value for two series with a constant at the chosen
 * size and the residual regression's sample size ({@link EngleGrangerResult#rejectsNoCointegration}). Engle and
 * Granger (1987); the statistics come from {@code sdk-statistics}, checked there against R's {@code urca}.
 *
 * <p>Allocates two window-long arrays once. Mutable, engine thread only.
 */
final class CointegrationGate {

    private final EngleGranger test;
    private final SignificanceLevel level;
    private final double[] ys;
    private final double[] xs;
    private double statistic = Double.NaN;
    private double criticalValue = Double.NaN;

    /**
     * A gate at {@code level}, or an open gate when {@code level} is null.
     *
     * @param level   the test's size, or null for no gate
     * @param adfLags lagged differences of the residual regression
     * @param window  the rolling window's length
     */
    CointegrationGate(SignificanceLevel level, int adfLags, int window) {
        this.level = level;
        this.test = new EngleGranger(adfLags);
        this.ys = new double[window];
        this.xs = new double[window];
    }

    /**
     * Tests the window's pairs.
     *
     * @param window the rolling estimator, full (its window as long as this gate's)
     * @return true when there is no gate or the test rejects "no cointegration"; false also when the regression
     *         cannot be fitted (a constant series)
     */
    boolean passes(RollingHedgeRatio window) {
        if (level == null) {
            return true;
        }
        window.copyPairs(ys, xs);
        try {
            EngleGrangerResult r = test.test(ys, xs);
            statistic = r.statistic();
            criticalValue = r.criticalValue(level);
            return statistic < criticalValue;
        } catch (StatisticsException | IllegalArgumentException e) {
            statistic = Double.NaN;
            criticalValue = Double.NaN;
            return false;
        }
    }

    /** @return whether the gate tests at all */
    boolean enabled() {
        return level != null;
    }

    /** @return the last test's {@code τ}, NaN before one or when it failed */
    double statistic() {
        return statistic;
    }

    /** @return the last test's critical value, NaN before one or when it failed */
    double criticalValue() {
        return criticalValue;
    }
}
