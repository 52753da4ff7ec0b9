package io.quantplug.plugins.volatility;

import io.quantplug.sdk.volatility.EwmaEstimator;
import io.quantplug.sdk.volatility.GarchFit;
import io.quantplug.sdk.volatility.GarchFitter;
import io.quantplug.sdk.volatility.GarchParameters;
import io.quantplug.sdk.volatility.OhlcBars;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The one-step volatility forecasts shared by the guard and the strategy: the EWMA by hand and against the
 * estimator, GARCH(1,1) walk-forward against fits of the same windows and the model's recursion written out, and both
 * across a snapshot.
 */
class VolatilityForecastTest {

    @Test
    void ewmaForecastByHand() {
        // 19 returns of 0.01 then one of 0.05, lambda = 0.9, normalised weights:
        //   S = 0.05^2 + 0.01^2 (0.9 + 0.9^2 + ... + 0.9^19) = 0.0025 + 0.0001 (0.9 - 0.9^20) / 0.1
        //     = 0.0025 + 0.0001 x (0.9 - 0.121576655) / 0.1 = 0.0025 + 0.000778423345 = 0.003278423345
        //   W = (1 - 0.9^20) / 0.1 = 8.78423345
        //   sigma^2 = 0.003278423345 / 8.78423345 = 3.73217e-4
        EwmaForecast f = new EwmaForecast(0.9);
        for (int i = 0; i < 19; i++) {
            f.update(0.01);
            assertThat(f.variance()).as("after %d returns", i + 1).isNaN();
        }
        f.update(0.05);
        double l20 = Math.pow(0.9, 20);
        double expected = (0.0025 + 0.0001 * (0.9 - l20) / 0.1) / ((1 - l20) / 0.1);
        assertThat(f.variance()).isCloseTo(expected, within(1e-18)).isCloseTo(3.73217e-4, within(1e-9));
        assertThat(f.volatility()).isCloseTo(Math.sqrt(expected), within(1e-15));
        assertThat(f.returns()).isEqualTo(20);
    }

    @Test
    void ewmaForecastEqualsTheEstimatorOverTheSameBars() {
        double[] closes = closes(new GarchParameters(0.01, 0.05, 0.1, 0.85).simulate(300, 100, new Random(7L)));
        EwmaForecast f = new EwmaForecast(0.94);
        for (int t = 1; t < closes.length; t++) {
            f.update(Math.log(closes[t] / closes[t - 1]));
            if (t >= VolatilityForecast.MIN_RETURNS) {
                double[] seen = Arrays.copyOf(closes, t + 1);
                assertThat(f.variance()).as("return %d", t)
                        .isEqualTo(new EwmaEstimator(0.94).variance(OhlcBars.of(seen, seen, seen, seen)));
            }
        }
    }

    @Test
    void garchForecastFallsBackToEwmaThenFollowsEachWalkForwardFitAndItsRecursion() {
        // percent returns of a GARCH(1,1) process; fits of 300 returns, refitted every 100
        double[] x = new GarchParameters(0.02, 0.08, 0.12, 0.82).simulate(620, 200, new Random(11L));
        double[] closes = closes(x);
        WalkForwardGarchForecast g = new WalkForwardGarchForecast(0.94, 300, 100);
        EwmaForecast ewma = new EwmaForecast(0.94);
        GarchParameters p = null;
        double v = Double.NaN;   // sigma^2_{t+1|t}, percent^2
        for (int t = 1; t < closes.length; t++) {
            double r = Math.log(closes[t] / closes[t - 1]);
            g.update(r);
            ewma.update(r);
            double pct = 100.0 * r;
            int n = t;   // returns so far
            if (n >= 300 && (n - 300) % 100 == 0) {
                double[] window = new double[300];
                for (int k = 0; k < 300; k++) {
                    window[k] = 100.0 * Math.log(closes[n - 300 + k + 1] / closes[n - 300 + k]);
                }
                GarchFit fit = new GarchFitter().fit(window);
                p = fit.parameters();
                v = fit.nextVariance();
            } else if (p != null) {
                double e = pct - p.mu();
                v = p.omega() + p.alpha() * e * e + p.beta() * v;   // Bollerslev (1986)
            }
            if (p == null) {
                assertThat(Double.valueOf(g.variance())).as("return %d", n)
                        .isEqualTo(Double.valueOf(ewma.variance()));   // both NaN before 20
                assertThat(g.source()).startsWith("ewma");
            } else {
                assertThat(g.parameters()).as("return %d", n).isEqualTo(p);
                assertThat(g.variance()).as("return %d", n).isEqualTo(v / 10_000);
                assertThat(g.source()).isEqualTo("garch");
            }
        }
        // the fit is near the truth it was drawn from (a weak check: 300 returns)
        assertThat(p.alpha() + p.beta()).isCloseTo(0.94, within(0.1));
    }

    @Test
    void bothForecastsContinueBitForBitFromASnapshot() {
        double[] closes = closes(new GarchParameters(0.0, 0.1, 0.1, 0.85).simulate(420, 100, new Random(5L)));
        for (VolatilityForecast a : new VolatilityForecast[] {new EwmaForecast(0.97),
            new WalkForwardGarchForecast(0.97, 200, 150)}) {
            VolatilityForecast b = a instanceof EwmaForecast ? new EwmaForecast(0.97)
                    : new WalkForwardGarchForecast(0.97, 200, 150);
            for (int t = 1; t <= 250; t++) {
                a.update(Math.log(closes[t] / closes[t - 1]));
            }
            Map<String, String> snapshot = new LinkedHashMap<>();
            a.writeTo("f.", snapshot);
            b.readFrom("f.", snapshot);
            for (int t = 251; t < closes.length; t++) {   // a refit at return 350 included
                double r = Math.log(closes[t] / closes[t - 1]);
                a.update(r);
                b.update(r);
                assertThat(b.variance()).as("%s, return %d", a.source(), t).isEqualTo(a.variance());
            }
        }
    }

    /** Closes from percent log returns, starting at 100: {@code C_t = C_{t-1} exp(x_t / 100)}. */
    static double[] closes(double[] percentReturns) {
        double[] c = new double[percentReturns.length + 1];
        c[0] = 100;
        for (int t = 0; t < percentReturns.length; t++) {
            c[t + 1] = c[t] * Math.exp(percentReturns[t] / 100);
        }
        return c;
    }
}
