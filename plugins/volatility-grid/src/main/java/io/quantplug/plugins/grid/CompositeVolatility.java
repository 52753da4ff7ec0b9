package io.quantplug.plugins.grid;

import io.quantplug.sdk.volatility.CloseToCloseEstimator;
import io.quantplug.sdk.volatility.EwmaEstimator;
import io.quantplug.sdk.volatility.GarmanKlassEstimator;
import io.quantplug.sdk.volatility.OhlcBars;
import io.quantplug.sdk.volatility.ParkinsonEstimator;
import io.quantplug.sdk.volatility.RogersSatchellEstimator;
import io.quantplug.sdk.volatility.VolatilityEstimator;
import io.quantplug.sdk.volatility.YangZhangEstimator;

import java.util.List;

/**
 * The composite per-bar variance the grid is spaced by: an equal-weight average of six historical estimators,
 * combined with the GARCH(1,1) forecast.
 *
 * <pre>
 *   V_H = 1/6 (V_CC + V_Parkinson + V_GK + V_RS + V_YZ + V_EWMA)      over the last windowBars bars
 *   V   = w V_GARCH + (1 - w) V_H                                    w = garchWeight
 *   sigma = sqrt(V)                                                  per bar, a fraction of the price
 * </pre>
 * Each {@code V_x} is an estimate of the variance of one bar's log return (the estimators of {@code sdk-volatility},
 * each citing its paper); {@code V_GARCH} is {@link GarchForecaster#averageVariance()}, the expected variance
 * per bar over the forecast horizon. Variances, not standard deviations, are averaged: a weighted average of
 * unbiased variance forecasts is itself unbiased, and fixed equal weights are the robust choice of the forecast
 * combination literature (Bates, J. M. and Granger, C. W. J. (1969), "The Combination of Forecasts", <i>Operational
 * Research Quarterly</i> 20(4), 451–468; Smith, J. and Wallis, K. F. (2009), "A Simple Explanation of the Forecast
 * Combination Puzzle", <i>Oxford Bulletin of Economics and Statistics</i> 71(3), 331–355). The range estimators
 * react within a bar to a widening range, the EWMA and GARCH terms to large returns; close-to-close and Yang–Zhang
 * anchor the average. When no GARCH model is available yet (or {@code w = 0}), {@code V = V_H}.
 *
 * <p>Stateless apart from its settings; thread-safe.
 */
final class CompositeVolatility {

    /** The six estimators, in the order of {@link Estimate#estimators()}. */
    private final List<VolatilityEstimator> estimators;
    private final double garchWeight;

    /**
     * The composite with its settings.
     *
     * @param ewmaLambda  decay factor of the EWMA estimator, in {@code (0, 1)}
     * @param garchWeight weight of the GARCH forecast, in {@code [0, 1]}
     */
    CompositeVolatility(double ewmaLambda, double garchWeight) {
        this.estimators = List.of(new CloseToCloseEstimator(), new ParkinsonEstimator(), new GarmanKlassEstimator(),
                new RogersSatchellEstimator(), new YangZhangEstimator(), new EwmaEstimator(ewmaLambda));
        this.garchWeight = garchWeight;
    }

    /**
     * Estimates the composite variance.
     *
     * @param window the trailing bars, oldest first, at least 3 (the fewest close-to-close and Yang–Zhang accept)
     * @param garch  the GARCH forecast; ignored while it has no model or when the weight is 0
     * @return the estimate with its parts
     * @throws IllegalArgumentException when the window has fewer than 3 bars
     */
    Estimate estimate(OhlcBars window, GarchForecaster garch) {
        double[] parts = new double[estimators.size()];
        double sum = 0;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = estimators.get(i).variance(window);
            sum += parts[i];
        }
        double historical = sum / parts.length;
        if (garchWeight == 0 || !garch.available()) {
            return new Estimate(parts, historical, Double.NaN, historical);
        }
        double g = garch.averageVariance();
        return new Estimate(parts, historical, g, garchWeight * g + (1.0 - garchWeight) * historical);
    }

    /**
     * One composite estimate and its parts, all variances of one bar's log return (fractions&sup2;).
     *
     * @param estimators the six estimators' variances: close-to-close, Parkinson, Garman–Klass, Rogers–Satchell,
     *                   Yang–Zhang, EWMA
     * @param historical their mean, {@code V_H}
     * @param garch      the GARCH forecast {@code V_GARCH}, or NaN when it did not enter
     * @param variance   the composite {@code V}
     */
    record Estimate(double[] estimators, double historical, double garch, double variance) {

        /**
         * The composite standard deviation of one bar's log return.
         *
         * @return {@code sqrt(variance)}, a fraction of the price (0.001 = 0.1 % per bar)
         */
        double sigma() {
            return Math.sqrt(variance);
        }
    }
}
