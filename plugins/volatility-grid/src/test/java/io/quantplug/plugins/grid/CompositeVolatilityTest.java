package io.quantplug.plugins.grid;

import io.quantplug.sdk.volatility.OhlcBars;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The composite variance of {@link CompositeVolatility} on a fixture small enough to compute by hand, and the GARCH
 * forecast's recursion and horizon average of {@link GarchForecaster} with given parameters.
 */
class CompositeVolatilityTest {

    /**
     * Five bars that open and close at 20000 and reach {@code 20000 e^a} and {@code 20000 e^-a}, {@code a = 0.001}:
     * every close-to-close return and every open gap is 0, {@code ln(H/L) = 2a}, {@code ln(H/O) = a},
     * {@code ln(L/O) = -a}.
     */
    static OhlcBars flatCloses(int bars, double a) {
        double[] o = new double[bars];
        double[] h = new double[bars];
        double[] l = new double[bars];
        double[] c = new double[bars];
        for (int i = 0; i < bars; i++) {
            o[i] = 20000;
            c[i] = 20000;
            h[i] = 20000 * Math.exp(a);
            l[i] = 20000 * Math.exp(-a);
        }
        return OhlcBars.of(o, h, l, c);
    }

    /**
     * By hand, a = 0.001, a^2 = 1e-6:
     * <pre>
     *   close-to-close = 0                                    (all returns 0)
     *   Parkinson      = (2a)^2 / (4 ln 2) = a^2 / ln 2     = 1.4426950e-6
     *   Garman-Klass   = 1/2 (2a)^2 - 0.386 x 0^2           = 2e-6
     *   Rogers-Satch.  = a x a + (-a)(-a)                   = 2e-6
     *   Yang-Zhang     = 0 + k x 0 + (1 - k) x 2e-6, n = 4 periods,
     *                    k = 0.34 / (1.34 + 5/3) = 0.1130820 -> 1.7738359e-6
     *   EWMA           = 0                                    (all returns 0)
     *   V_H = (0 + 1.4426950 + 2 + 2 + 1.7738359 + 0) e-6 / 6 = 7.2165310e-6 / 6 = 1.2027552e-6
     *   sigma = sqrt(1.2027552e-6) = 1.0967019e-3
     * </pre>
     */
    @Test
    void historicalVarianceIsTheMeanOfTheSixEstimators() {
        CompositeVolatility composite = new CompositeVolatility(0.94, 0.5);
        GarchForecaster noModelYet = new GarchForecaster(50, 10, 5);

        CompositeVolatility.Estimate e = composite.estimate(flatCloses(5, 0.001), noModelYet);

        assertThat(e.estimators()).containsExactly(new double[] {0, 1.4426950e-6, 2e-6, 2e-6, 1.7738359e-6, 0},
                within(1e-12));
        assertThat(e.historical()).isCloseTo(1.2027552e-6, within(1e-12));
        assertThat(e.garch()).isNaN();                       // no GARCH model yet: V = V_H
        assertThat(e.variance()).isEqualTo(e.historical());
        assertThat(e.sigma()).isCloseTo(1.0967019e-3, within(1e-9));
    }

    /**
     * GARCH omega = 0.1, alpha = 0.1, beta = 0.8 (percent^2), one-step forecast v = 2.0, horizon 3:
     * <pre>
     *   V = 0.1 / (1 - 0.9) = 1.0
     *   h = 1: 2.0;  h = 2: 1 + 0.9 (2 - 1) = 1.9;  h = 3: 1 + 0.81 (2 - 1) = 1.81
     *   V_GARCH = (2.0 + 1.9 + 1.81) / 3 = 1.9033333 percent^2 = 1.9033333e-4
     *   V = 0.25 x 1.9033333e-4 + 0.75 x 1.2027552e-6 = 4.7583333e-5 + 9.0206640e-7 = 4.8485400e-5
     * </pre>
     */
    @Test
    void garchForecastIsBlendedByItsWeight() {
        GarchForecaster garch = new GarchForecaster(50, 10, 3);
        garch.readFrom(model(0.0, 0.1, 0.1, 0.8, 2.0));
        CompositeVolatility composite = new CompositeVolatility(0.94, 0.25);

        CompositeVolatility.Estimate e = composite.estimate(flatCloses(5, 0.001), garch);

        assertThat(garch.averageVariance()).isCloseTo(1.9033333e-4, within(1e-11));
        assertThat(e.garch()).isEqualTo(garch.averageVariance());
        assertThat(e.variance()).isCloseTo(4.8485400e-5, within(1e-12));
    }

    @Test
    void zeroWeightIgnoresTheGarchModel() {
        GarchForecaster garch = new GarchForecaster(50, 10, 3);
        garch.readFrom(model(0.0, 0.1, 0.1, 0.8, 2.0));

        CompositeVolatility.Estimate e = new CompositeVolatility(0.94, 0).estimate(flatCloses(5, 0.001), garch);

        assertThat(e.variance()).isEqualTo(e.historical());
    }

    /**
     * The recursion between fits, mu = 0.05: a close of 100 then 101 is the return r = 100 ln(1.01) = 0.9950331 %,
     * v' = 0.1 + 0.1 x (0.9950331 - 0.05)^2 + 0.8 x 2.0 = 0.1 + 0.1 x 0.8930875 + 1.6 = 1.7893088.
     */
    @Test
    void varianceMovesOnByTheGarchRecursionBetweenFits() {
        GarchForecaster garch = new GarchForecaster(50, 10, 3);
        garch.readFrom(model(0.05, 0.1, 0.1, 0.8, 2.0));
        RecentBars bars = new RecentBars(60);
        FakeContext ctx = new FakeContext(FakeContext.BTCUSDT, Map.of());
        bars.add(ctx.bar(0, 100, 100, 100, 100));
        bars.add(ctx.bar(1, 100, 101, 100, 101));

        garch.onBar(bars);   // 2 closes: far from the 51 a fit needs, so only the recursion runs

        assertThat(garch.nextVariance()).isCloseTo(1.7893088, within(1e-7));
        assertThat(garch.fits()).isZero();
    }

    static Map<String, String> model(double mu, double omega, double alpha, double beta, double variance) {
        Map<String, String> v = new HashMap<>();
        v.put("garch.barsSinceFit", "0");
        v.put("garch.fits", "0");
        v.put("garch.mu", Double.toString(mu));
        v.put("garch.omega", Double.toString(omega));
        v.put("garch.alpha", Double.toString(alpha));
        v.put("garch.beta", Double.toString(beta));
        v.put("garch.variance", Double.toString(variance));
        return v;
    }
}
