package io.quantplug.sdk.volatility;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** GARCH(1,1): the likelihood by hand, parameter recovery from a simulated series, forecasts, bad input. */
class GarchFitterTest {

    @Test
    void logLikelihoodMatchesAHandComputation() {
        // returns 1, -2, 0.5 with mu = 0, omega = 0.2, alpha = 0.1, beta = 0.8:
        //   mean eps^2 = (1 + 4 + 0.25) / 3 = 1.75
        //   h1 = 0.2 + (0.1 + 0.8) * 1.75 = 1.775
        //   h2 = 0.2 + 0.1 * 1   + 0.8 * 1.775 = 1.72
        //   h3 = 0.2 + 0.1 * 4   + 0.8 * 1.72  = 1.976
        //   sum = 3 ln(2 pi) + ln h1 + ln h2 + ln h3 + 1/h1 + 4/h2 + 0.25/h3
        //       = 5.513631199228 + 0.573800422927 + 0.542324290825 + 0.681074599326
        //         + 0.563380281690 + 2.325581395349 + 0.126518218623 = 10.326310407969
        //   log L = -sum / 2 = -5.163155203984
        //   next variance = 0.2 + 0.1 * 0.5^2 + 0.8 * 1.976 = 1.8058
        GarchLikelihood l = GarchLikelihood.of(new double[] {1, -2, 0.5});
        GarchParameters p = new GarchParameters(0, 0.2, 0.1, 0.8);
        assertThat(l.logLikelihood(p)).isCloseTo(-5.163155203984, within(1e-11));
        assertThat(l.initialVariance(p)).isCloseTo(1.775, within(1e-15));
        assertThat(l.conditionalVariances(p)).containsExactly(new double[] {1.775, 1.72, 1.976}, within(1e-14));
        assertThat(l.nextVariance(p)).isCloseTo(1.8058, within(1e-14));
    }

    @Test
    void logLikelihoodStaysExactForVariancesFarOutsideTheBlockedProductsRange() {
        // Returns scaled by c: log L(c r; c mu, c^2 omega, alpha, beta) = log L(r; mu, omega, alpha, beta) - n ln c.
        // With c = 1e20 (variances ~1e40) and c = 1e-20 (~1e-40) the product of 8 variances leaves the double range,
        // so these exercise the one-logarithm-per-variance fallback.
        double[] r = simulate(new GarchParameters(0.05, 0.10, 0.10, 0.85), 1_001, 100, 3L);
        GarchParameters p = new GarchParameters(0.04, 0.12, 0.09, 0.86);
        double reference = GarchLikelihood.of(r).logLikelihood(p);
        for (double c : new double[] {1e20, 1e-20}) {
            double[] scaled = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                scaled[i] = c * r[i];
            }
            GarchParameters q = new GarchParameters(c * p.mu(), c * c * p.omega(), p.alpha(), p.beta());
            assertThat(GarchLikelihood.of(scaled).logLikelihood(q)).as("scale %s", c)
                    .isCloseTo(reference - r.length * Math.log(c), within(1e-8));
        }
    }

    @Test
    void recoversTheParametersOfALongSimulatedSeries() {
        GarchParameters truth = new GarchParameters(0.05, 0.10, 0.10, 0.85);
        double[] r = simulate(truth, 20_000, 1_000, 20_251_121L);

        GarchFit fit = new GarchFitter().fit(r);
        GarchParameters est = fit.parameters();

        // Stated tolerance, absolute: mu +- 0.04, omega +- 0.04, alpha +- 0.025, beta +- 0.04 (about 3-4 asymptotic
        // standard errors at n = 20,000; the standard errors from the observed information are checked below).
        assertThat(est.mu()).isCloseTo(truth.mu(), within(0.04));
        assertThat(est.omega()).isCloseTo(truth.omega(), within(0.04));
        assertThat(est.alpha()).isCloseTo(truth.alpha(), within(0.025));
        assertThat(est.beta()).isCloseTo(truth.beta(), within(0.04));
        assertThat(fit.observations()).isEqualTo(20_000);

        // It is the maximum: no worse than the truth, and a local maximum (negative definite Hessian) ...
        GarchLikelihood l = GarchLikelihood.of(r);
        assertThat(fit.logLikelihood()).isEqualTo(l.logLikelihood(est));
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(l.logLikelihood(truth));
        double[] theta = {est.mu(), est.omega(), est.alpha(), est.beta()};
        double[] se = standardErrors(l, theta);
        // ... and each estimate is within 4 of its standard errors of the true value.
        double[] truthVector = {truth.mu(), truth.omega(), truth.alpha(), truth.beta()};
        for (int i = 0; i < 4; i++) {
            assertThat(Math.abs(theta[i] - truthVector[i])).as("parameter %d, se %s", i, se[i])
                    .isLessThan(4 * se[i]);
        }
    }

    @Test
    void recoversAModelWithoutDriftAndHighPersistence() {
        GarchParameters truth = new GarchParameters(0.0, 0.02, 0.08, 0.91);
        double[] r = simulate(truth, 20_000, 1_000, 7L);
        GarchParameters est = new GarchFitter().fit(r).parameters();
        assertThat(est.mu()).isCloseTo(0.0, within(0.04));
        assertThat(est.alpha()).isCloseTo(0.08, within(0.02));
        assertThat(est.beta()).isCloseTo(0.91, within(0.025));
        assertThat(est.persistence()).isLessThan(1.0);
    }

    @Test
    void estimatesAreEquivariantInTheScaleOfTheReturns() {
        double[] r = simulate(new GarchParameters(0.05, 0.10, 0.10, 0.85), 3_000, 500, 99L);
        double[] scaled = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            scaled[i] = 10 * r[i];
        }
        GarchFit a = new GarchFitter().fit(r);
        GarchFit b = new GarchFitter().fit(scaled);
        assertThat(b.parameters().mu()).isCloseTo(10 * a.parameters().mu(), within(1e-4));
        assertThat(b.parameters().omega()).isCloseTo(100 * a.parameters().omega(), within(1e-3));
        assertThat(b.parameters().alpha()).isCloseTo(a.parameters().alpha(), within(1e-5));
        assertThat(b.parameters().beta()).isCloseTo(a.parameters().beta(), within(1e-5));
        // log L changes by -n ln 10 with the Jacobian of the scaling
        assertThat(b.logLikelihood()).isCloseTo(a.logLikelihood() - r.length * Math.log(10), within(1e-4));
    }

    @Test
    void oneStepVarianceReproducesHullsWorkedExample() {
        // Hull, Options, Futures, and Other Derivatives, "Estimating Volatilities and Correlations", GARCH(1,1)
        // example: sigma^2_n = 0.000002 + 0.13 u^2_{n-1} + 0.86 sigma^2_{n-1}; long-run variance
        // 0.000002 / (1 - 0.99) = 0.0002 (1.4% a day); with sigma_{n-1} = 1.6% and u_{n-1} = 1%:
        // sigma^2_n = 0.000002 + 0.13 * 0.0001 + 0.86 * 0.000256 = 0.00023516, i.e. 1.53% a day.
        GarchParameters p = new GarchParameters(0, 0.000002, 0.13, 0.86);
        assertThat(p.unconditionalVariance()).isCloseTo(0.0002, within(1e-15));
        double next = p.nextVariance(0.01, 0.016 * 0.016);
        assertThat(next).isCloseTo(0.00023516, within(1e-15));
        assertThat(Math.sqrt(next)).isCloseTo(0.0153, within(0.00005));
    }

    @Test
    void nStepForecastIsTheIteratedExpectationAndRevertsToTheUnconditionalVariance() {
        GarchParameters p = new GarchParameters(0.05, 0.10, 0.10, 0.85);
        GarchFit fit = new GarchFit(p, -1000, 500, 1.5, 2.5, p.nextVariance(1.5, 2.5), 0);
        // E_t[sigma^2_{t+h}] = omega + (alpha + beta) E_t[sigma^2_{t+h-1}]
        double expected = fit.nextVariance();
        double[] all = fit.forecastVariances(50);
        for (int h = 1; h <= 50; h++) {
            assertThat(fit.forecastVariance(h)).as("h = %d", h).isCloseTo(expected, within(1e-12));
            assertThat(all[h - 1]).isCloseTo(expected, within(1e-12));
            expected = p.omega() + p.persistence() * expected;
        }
        assertThat(fit.forecastVariance(2_000)).isCloseTo(p.unconditionalVariance(), within(1e-12));
        assertThat(fit.nextVariance()).isCloseTo(0.10 + 0.10 * 2.25 + 0.85 * 2.5, within(1e-15));
        assertThat(fit.annualisedVolatility(1, 365))
                .isCloseTo(Math.sqrt(365 * fit.nextVariance()) / 100, within(1e-15));
        assertThatIllegalArgumentException().isThrownBy(() -> fit.forecastVariance(0))
                .withMessageContaining("horizon");
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        GarchFitter fitter = new GarchFitter();
        assertThatIllegalArgumentException().isThrownBy(() -> fitter.fit(new double[19]))
                .withMessage("returns needs at least 20 values to fit GARCH(1,1), got 19");
        double[] flat = new double[30];
        java.util.Arrays.fill(flat, 0.3);
        assertThatIllegalArgumentException().isThrownBy(() -> fitter.fit(flat))
                .withMessageContaining("zero variance");
        double[] nan = simulate(new GarchParameters(0, 0.1, 0.1, 0.8), 30, 10, 1L);
        nan[17] = Double.NaN;
        assertThatIllegalArgumentException().isThrownBy(() -> fitter.fit(nan))
                .withMessage("returns[17] must be finite, got NaN");
        double[] closes = {100, 101, -1, 102};
        assertThatIllegalArgumentException().isThrownBy(() -> LogReturns.percent(closes))
                .withMessage("closes[2] must be finite and > 0, got -1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> new GarchParameters(0, 0, 0.1, 0.8))
                .withMessageStartingWith("omega");
        assertThatIllegalArgumentException().isThrownBy(() -> new GarchParameters(0, 1, -0.1, 0.8))
                .withMessageStartingWith("alpha");
        assertThatIllegalArgumentException().isThrownBy(() -> new GarchParameters(0, 1, 0.3, 0.7))
                .withMessageStartingWith("alpha + beta must be < 1");
    }

    @Test
    void simulationFollowsTheModelsRecursionFromTheUnconditionalVariance() {
        // mu = 0.1, omega = 0.2, alpha = 0.1, beta = 0.8: unconditional variance 0.2 / 0.1 = 2; shocks z = 1, -2:
        //   h0 = 0.2 + 0.1 * 0^2 + 0.8 * 2 = 1.8,    eps0 = sqrt(1.8) * 1 = 1.3416407865,   r0 = 1.4416407865
        //   h1 = 0.2 + 0.1 * 1.8 + 0.8 * 1.8 = 1.82, eps1 = sqrt(1.82) * -2 = -2.6981475126, r1 = -2.5981475126
        double[] z = {1, -2};
        RandomGenerator shocks = new RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextGaussian() {
                return z[next++];
            }
        };
        double[] r = new GarchParameters(0.1, 0.2, 0.1, 0.8).simulate(2, 0, shocks);
        assertThat(r).containsExactly(new double[] {1.4416407865, -2.5981475126}, within(1e-10));
        GarchParameters p = new GarchParameters(0, 0.1, 0.1, 0.8);
        assertThatIllegalArgumentException().isThrownBy(() -> p.simulate(0, 0, new Random(1)))
                .withMessage("observations must be >= 1, got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> p.simulate(1, -1, new Random(1)))
                .withMessage("burnIn must be >= 0, got -1");
    }

    /** r_t = mu + sigma_t z_t with java.util.Random's Gaussian (its algorithm is fixed by its Javadoc). */
    static double[] simulate(GarchParameters p, int n, int burnIn, long seed) {
        return p.simulate(n, burnIn, new Random(seed));
    }

    /** Standard errors from the inverse of the observed information (central-difference Hessian of log L). */
    private static double[] standardErrors(GarchLikelihood l, double[] theta) {
        int k = theta.length;
        double[][] hessian = new double[k][k];
        double[] step = new double[k];
        for (int i = 0; i < k; i++) {
            step[i] = 1e-4 * Math.max(Math.abs(theta[i]), 1e-2);
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                hessian[i][j] = (ll(l, theta, i, step[i], j, step[j]) - ll(l, theta, i, step[i], j, -step[j])
                        - ll(l, theta, i, -step[i], j, step[j]) + ll(l, theta, i, -step[i], j, -step[j]))
                        / (4 * step[i] * step[j]);
            }
        }
        RealMatrix covariance = MatrixUtils.inverse(MatrixUtils.createRealMatrix(hessian).scalarMultiply(-1));
        double[] se = new double[k];
        for (int i = 0; i < k; i++) {
            assertThat(covariance.getEntry(i, i)).as("information matrix diagonal %d", i).isPositive();
            se[i] = Math.sqrt(covariance.getEntry(i, i));
        }
        return se;
    }

    private static double ll(GarchLikelihood l, double[] theta, int i, double di, int j, double dj) {
        double[] x = theta.clone();
        x[i] += di;
        x[j] += dj;
        return l.logLikelihood(x[0], x[1], x[2], x[3]);
    }
}
