package io.quantplug.runtime.analytics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks the resampling against the exact distribution of small cases, enumerated path by path in the test: every
 * sequence of draws with its probability, so the simulated percentiles and loss probabilities have an independent
 * truth to meet.
 */
class MonteCarloSimulationTest {

    private static final int PATHS = 200_000;

    /** Exact distribution of a figure: value to probability. */
    private static final class Exact {
        final TreeMap<Double, Double> mass = new TreeMap<>();

        void add(double value, double probability) {
            // one key per value: the same draws in another order differ only in the last bits of the product
            mass.merge(Math.round(value * 1e12) / 1e12, probability, Double::sum);
        }

        double cdf(double x) {
            return mass.headMap(x, true).values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double below(double x) {
            return mass.headMap(x, false).values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /**
         * The smallest value whose CDF passes p, or null when a step of the CDF sits within 0.005 of p (over 4
         * standard errors of a sample CDF of {@link #PATHS} paths, so the sample percentile could fall on either side).
         */
        Double quantile(double p) {
            double cumulative = 0;
            for (Map.Entry<Double, Double> e : mass.entrySet()) {
                cumulative += e.getValue();
                if (Math.abs(cumulative - p) < 0.005) {
                    return null; // the sample percentile may land on either side of the step
                }
                if (cumulative > p) {
                    return e.getKey();
                }
            }
            return mass.lastKey();
        }
    }

    /** Each percentile away from a step of the exact CDF equals the exact quantile; at least three are checked. */
    private static void assertPercentiles(String figure, MonteCarloResult.Distribution d, Exact exact) {
        double[] levels = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};
        double[] simulated = {d.p1(), d.p5(), d.p25(), d.p50(), d.p75(), d.p95(), d.p99()};
        int checked = 0;
        for (int i = 0; i < levels.length; i++) {
            Double q = exact.quantile(levels[i]);
            if (q != null) {
                assertThat(simulated[i]).as("%s at %s", figure, levels[i]).isCloseTo(q, within(1e-12));
                checked++;
            }
        }
        assertThat(checked).as("%s percentiles away from a step", figure).isGreaterThanOrEqualTo(3);
    }

    /** Total return and maximum drawdown of one sequence, by the definitions in the class's Javadoc. */
    private static double[] figures(double[] returns, int[] indices) {
        double equity = 1;
        double peak = 1;
        double drawdown = 0;
        for (int i : indices) {
            equity *= 1 + returns[i];
            peak = Math.max(peak, equity);
            drawdown = Math.max(drawdown, (peak - equity) / peak);
        }
        return new double[] {equity - 1, drawdown};
    }

    private static void assertMatches(MonteCarloResult result, Exact total, Exact drawdown, double loss) {
        double sigma = Math.sqrt(0.25 / PATHS);
        assertThat(result.probabilityOfLoss()).isCloseTo(total.cdf(-loss), within(4 * sigma));
        assertThat(result.probabilityNegative()).isCloseTo(total.below(0), within(4 * sigma));
        assertPercentiles("total return", result.totalReturn(), total);
        assertPercentiles("max drawdown", result.maxDrawdown(), drawdown);
        double exactMean = total.mass.entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue()).sum();
        assertThat(result.totalReturn().mean()).isCloseTo(exactMean, within(0.002));
    }

    @Test
    void tradeBootstrapMeetsTheEnumeratedDistributionOfEveryOrderingWithReplacement() {
        double[] returns = {0.10, -0.05, 0.02, -0.08};
        Exact total = new Exact();
        Exact drawdown = new Exact();
        int n = returns.length;
        int sequences = (int) Math.pow(n, n); // 4^4 equally likely sequences of draws
        for (int code = 0; code < sequences; code++) {
            int[] idx = new int[n];
            for (int t = 0, c = code; t < n; t++, c /= n) {
                idx[t] = c % n;
            }
            double[] f = figures(returns, idx);
            total.add(f[0], 1.0 / sequences);
            drawdown.add(f[1], 1.0 / sequences);
        }
        MonteCarloResult result = new MonteCarloSimulation(MonteCarloMethod.TRADES, PATHS, 1, 42, 0.1)
                .run(returns, 250);
        assertThat(result.steps()).isEqualTo(n);
        assertMatches(result, total, drawdown, 0.1);
        // the run's own path: 1.1 * 0.95 = 1.045, * 1.02 = 1.0659, * 0.92 = 0.980628: -0.019372
        assertThat(result.observed().totalReturn()).isCloseTo(-0.019372, within(1e-12));
        assertThat(result.observed().maxDrawdown()).isCloseTo(1 - 0.95 * 1.02 * 0.92, within(1e-12));
    }

    @Test
    void stationaryBootstrapMeetsTheEnumeratedDistributionOfItsBlockChain() {
        double[] returns = {0.10, -0.20, 0.05};
        double mean = 2; // a block ends after each bar with probability 1/2
        int n = returns.length;
        Exact total = new Exact();
        Exact drawdown = new Exact();
        for (int code = 0; code < 27; code++) {
            int[] idx = {code % 3, (code / 3) % 3, code / 9};
            double p = 1.0 / n;
            for (int t = 1; t < n; t++) {
                // continue the block (prob 1 - 1/L) onto the next bar, or start anew at a uniform bar (prob 1/L)
                p *= (idx[t] == (idx[t - 1] + 1) % n ? 1 - 1 / mean : 0) + (1 / mean) / n;
            }
            double[] f = figures(returns, idx);
            total.add(f[0], p);
            drawdown.add(f[1], p);
        }
        assertThat(total.mass.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
        MonteCarloResult result = new MonteCarloSimulation(MonteCarloMethod.BLOCKS, PATHS, mean, 7, 0.15)
                .run(returns, 8760);
        assertMatches(result, total, drawdown, 0.15);
    }

    @Test
    void blocksLongerThanTheSeriesOnlyRotateItSoEveryPathKeepsTheTotalReturn() {
        double[] returns = {0.01, -0.03, 0.02, 0.005, -0.01, 0.04, -0.02};
        MonteCarloResult result = new MonteCarloSimulation(MonteCarloMethod.BLOCKS, 500, 1e12, 3, 0.5)
                .run(returns, 365);
        double observed = result.observed().totalReturn();
        assertThat(result.totalReturn().p1()).isCloseTo(observed, within(1e-14));
        assertThat(result.totalReturn().p99()).isCloseTo(observed, within(1e-14));
        assertThat(result.maxDrawdown().p1()).isLessThan(result.maxDrawdown().p99()); // the rotations differ
    }

    @Test
    void theSameSeedGivesTheSameResultAndAnotherSeedAnother() {
        double[] returns = new double[300];
        java.util.SplittableRandom g = new java.util.SplittableRandom(1);
        for (int i = 0; i < returns.length; i++) {
            returns[i] = g.nextDouble(-0.02, 0.021);
        }
        MonteCarloSimulation a = new MonteCarloSimulation(MonteCarloMethod.BLOCKS, 3_000, 7, 99, 0.1);
        assertThat(a.run(returns, 525_600)).isEqualTo(a.run(returns, 525_600));
        assertThat(new MonteCarloSimulation(MonteCarloMethod.BLOCKS, 3_000, 7, 100, 0.1).run(returns, 525_600))
                .isNotEqualTo(a.run(returns, 525_600));
    }

    @Test
    void histogramCountsEveryPathInTwentyBinsFromTheLowestToTheHighest() {
        MonteCarloResult result = new MonteCarloSimulation(MonteCarloMethod.TRADES, 10_000, 1, 5, 0.1)
                .run(new double[] {0.03, -0.02, 0.01, -0.04, 0.05}, 52);
        List<Integer> counts = result.histogram().counts();
        assertThat(counts).hasSize(MonteCarloSimulation.HISTOGRAM_BINS);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
        List<Double> edges = result.histogram().edges();
        assertThat(edges.get(0)).isCloseTo(Math.pow(0.96, 5) - 1, within(1e-15)); // every draw the worst trade
        assertThat(edges.get(edges.size() - 1)).isCloseTo(Math.pow(1.05, 5) - 1, within(1e-15));
    }

    @Test
    void tradeReturnsCompoundBackToTheClosedTradeEquity() {
        double[] r = RunReturns.ofTrades(new BigDecimal("1000"),
                List.of(new BigDecimal("100"), new BigDecimal("-55"), new BigDecimal("20")));
        assertThat(r).containsExactly(0.1, -0.05, 20.0 / 1045);
        assertThat(1000 * (1 + r[0]) * (1 + r[1]) * (1 + r[2])).isCloseTo(1065, within(1e-9));
        assertThat(RunReturns.ofEquity(new double[] {100, 110, 99})).containsExactly(110.0 / 100 - 1, 99.0 / 110 - 1);
        assertThatThrownBy(() -> RunReturns.ofTrades(new BigDecimal("100"),
                List.of(new BigDecimal("-100"), new BigDecimal("5"))))
                .hasMessageContaining("before trade 2 is 0");
    }

    @Test
    void refusesOutOfRangeSettingsAndInputsNamingThem() {
        assertThatThrownBy(() -> new MonteCarloSimulation(MonteCarloMethod.TRADES, 0, 1, 1, 0.1))
                .hasMessageContaining("paths must be in [1, 1000000], got 0");
        assertThatThrownBy(() -> new MonteCarloSimulation(MonteCarloMethod.BLOCKS, 10, 0.5, 1, 0.1))
                .hasMessageContaining("mean block length must be >= 1 bar, got 0.5");
        assertThatThrownBy(() -> new MonteCarloSimulation(MonteCarloMethod.TRADES, 10, 1, 1, 0))
                .hasMessageContaining("loss threshold must be in (0, 1]");
        MonteCarloSimulation ok = new MonteCarloSimulation(MonteCarloMethod.TRADES, 10, 1, 1, 0.1);
        assertThatThrownBy(() -> ok.run(new double[] {0.1}, 1)).hasMessageContaining("need at least 2 closed trades");
        assertThatThrownBy(() -> ok.run(new double[] {0.1, -1}, 1)).hasMessageContaining("return 1 must be finite");
    }
}
