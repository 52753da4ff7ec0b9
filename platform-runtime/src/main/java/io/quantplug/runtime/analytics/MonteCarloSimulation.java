package io.quantplug.runtime.analytics;

import org.apache.commons.statistics.descriptive.NaNPolicy;
import org.apache.commons.statistics.descriptive.Quantile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Monte Carlo resampling of a run's returns: how its total return, maximum drawdown and Sharpe ratio could have
 * come out had the same returns arrived in another order ({@link MonteCarloMethod#TRADES}) or in other blocks of
 * bars ({@link MonteCarloMethod#BLOCKS}).
 *
 * <p>Each path draws as many returns as the input has and compounds them from an equity of 1:
 * {@code E_t = E_{t-1} (1 + r_t)}. Its total return is {@code E_n - 1}; its maximum drawdown
 * {@code max_t (M_t - E_t) / M_t} with {@code M_t} the running peak including {@code E_0} (Magdon-Ismail and Atiya,
 * 2004, as {@link MetricsCalculator}); its Sharpe ratio {@code mean(r) / s * sqrt(P)} with {@code s} the sample
 * standard deviation (divisor {@code n - 1}, by Welford's one-pass update, Welford 1962, <i>Technometrics</i> 4(3))
 * and {@code P} the periods per year, risk-free rate 0 (Sharpe 1994, annualised as Lo 2002, as
 * {@link MetricsCalculator}).
 *
 * <p>Draws: path {@code k} has its own generator, the {@code k}-th {@link SplittableRandom#split()} of a
 * {@code SplittableRandom} seeded with the seed (SplitMix64, Steele, Lea and Flood, "Fast Splittable Pseudorandom
 * Number Generators", OOPSLA 2014), so the output depends only on the input and the seed, not on how many threads
 * computed it. The stationary bootstrap starts each block at a uniform bar and ends it after each bar with
 * probability {@code 1 / L} ({@code L} the mean block length), wrapping from the last bar to the first (Politis and
 * Romano 1994).
 *
 * <p>Immutable and thread-safe; {@link #run} uses the common fork-join pool.
 */
public final class MonteCarloSimulation {

    /** Most paths one simulation runs. */
    public static final int MAX_PATHS = 1_000_000;
    /** Bins of the total-return histogram. */
    public static final int HISTOGRAM_BINS = 20;

    private final MonteCarloMethod method;
    private final int paths;
    private final double meanBlockLength;
    private final long seed;
    private final double lossThreshold;

    /**
     * Configures a simulation.
     *
     * @param method          trades or blocks
     * @param paths           paths to simulate, 1 to {@link #MAX_PATHS}
     * @param meanBlockLength mean block length in returns for {@link MonteCarloMethod#BLOCKS}, &ge; 1 (1 draws every
     *                        return independently); ignored for trades
     * @param seed            any value; the same seed gives the same paths
     * @param lossThreshold   the loss whose probability is reported, a fraction in (0, 1]
     * @throws IllegalArgumentException naming the parameter and its range when one is out of range
     */
    public MonteCarloSimulation(MonteCarloMethod method, int paths, double meanBlockLength, long seed,
                                double lossThreshold) {
        if (method == null) {
            throw new IllegalArgumentException("method is required: trades or blocks");
        }
        if (paths < 1 || paths > MAX_PATHS) {
            throw new IllegalArgumentException("paths must be in [1, " + MAX_PATHS + "], got " + paths);
        }
        if (method == MonteCarloMethod.BLOCKS && !(meanBlockLength >= 1)) {
            throw new IllegalArgumentException("mean block length must be >= 1 bar, got " + meanBlockLength);
        }
        if (!(lossThreshold > 0 && lossThreshold <= 1)) {
            throw new IllegalArgumentException("loss threshold must be in (0, 1] (a fraction of equity), got "
                    + lossThreshold);
        }
        this.method = method;
        this.paths = paths;
        this.meanBlockLength = method == MonteCarloMethod.BLOCKS ? meanBlockLength : Double.NaN;
        this.seed = seed;
        this.lossThreshold = lossThreshold;
    }

    /**
     * The common default mean block length for {@code n} returns, {@code max(1, round(n^(1/3)))}: the order of the
     * optimal block length for variance and distribution estimates (Hall, Horowitz and Jing, "On Blocking Rules for
     * the Bootstrap with Dependent Data", <i>Biometrika</i> 82(3), 1995).
     *
     * @param n returns in the series, &ge; 0
     * @return the mean block length, &ge; 1
     */
    public static double defaultBlockLength(int n) {
        return Math.max(1, Math.round(Math.cbrt(n)));
    }

    /**
     * Simulates the paths.
     *
     * @param returns        the run's returns in their order (trade returns for trades, bar returns for blocks),
     *                       at least 2, each finite and above -1; not modified
     * @param periodsPerYear returns per year, for the Sharpe ratio's annualisation; &gt; 0
     * @return the distributions
     * @throws IllegalArgumentException when there are fewer than 2 returns, one is not finite or at most -1, or
     *                                  {@code periodsPerYear} is not positive
     */
    public MonteCarloResult run(double[] returns, double periodsPerYear) {
        int n = returns.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 " + (method == MonteCarloMethod.TRADES
                    ? "closed trades" : "bar returns") + " to resample, got " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(returns[i]) || returns[i] <= -1) {
                throw new IllegalArgumentException("return " + i + " must be finite and above -1, got " + returns[i]);
            }
        }
        if (!(periodsPerYear > 0)) {
            throw new IllegalArgumentException("periods per year must be > 0, got " + periodsPerYear);
        }
        double[] r = returns.clone();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] generators = new SplittableRandom[paths];
        for (int k = 0; k < paths; k++) {
            generators[k] = root.split();
        }
        double[] total = new double[paths];
        double[] drawdown = new double[paths];
        double[] sharpe = new double[paths];
        double sqrtP = Math.sqrt(periodsPerYear);
        double jump = method == MonteCarloMethod.BLOCKS ? 1 / meanBlockLength : 1;
        IntStream.range(0, paths).parallel().forEach(k -> {
            PathAccumulator path = new PathAccumulator();
            SplittableRandom g = generators[k];
            int i = g.nextInt(n);
            for (int t = 0; t < n; t++) {
                path.add(r[i]);
                if (jump >= 1 || g.nextDouble() < jump) {
                    i = g.nextInt(n);
                } else {
                    i = i + 1 == n ? 0 : i + 1;
                }
            }
            total[k] = path.equity - 1;
            drawdown[k] = path.maxDrawdown;
            sharpe[k] = path.sharpe(sqrtP);
        });
        PathAccumulator own = new PathAccumulator();
        for (double x : r) {
            own.add(x);
        }
        int losses = 0;
        int negative = 0;
        int undefined = 0;
        for (int k = 0; k < paths; k++) {
            losses += total[k] <= -lossThreshold ? 1 : 0;
            negative += total[k] < 0 ? 1 : 0;
            undefined += Double.isNaN(sharpe[k]) ? 1 : 0;
        }
        return new MonteCarloResult(method, paths, seed, meanBlockLength, n,
                new MonteCarloResult.PathStatistics(own.equity - 1, own.maxDrawdown, own.sharpe(sqrtP)),
                distribution(total), distribution(drawdown), distribution(sharpe), undefined, lossThreshold,
                (double) losses / paths, (double) negative / paths, histogram(total));
    }

    /** Percentiles by R-7 of the defined values; all {@code NaN} when none is defined. */
    static MonteCarloResult.Distribution distribution(double[] values) {
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (defined.length == 0) {
            return new MonteCarloResult.Distribution(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        double[] q = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).with(NaNPolicy.ERROR)
                .evaluate(defined, 0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99);
        double sum = 0;
        for (double v : defined) {
            sum += v;
        }
        return new MonteCarloResult.Distribution(sum / defined.length, q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
    }

    private static MonteCarloResult.Histogram histogram(double[] values) {
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        int bins = min == max ? 1 : HISTOGRAM_BINS;
        double width = (max - min) / bins;
        int[] counts = new int[bins];
        for (double v : values) {
            int b = width == 0 ? 0 : (int) ((v - min) / width);
            counts[Math.min(b, bins - 1)]++;
        }
        List<Double> edges = new ArrayList<>(bins + 1);
        List<Integer> countList = new ArrayList<>(bins);
        for (int b = 0; b <= bins; b++) {
            edges.add(b == bins ? max : min + b * width);
        }
        for (int c : counts) {
            countList.add(c);
        }
        return new MonteCarloResult.Histogram(edges, countList);
    }

    /** One path's running equity, peak, drawdown and return moments. */
    private static final class PathAccumulator {
        double equity = 1;
        double peak = 1;
        double maxDrawdown;
        long count;
        double mean;
        double m2;

        void add(double r) {
            equity *= 1 + r;
            if (equity > peak) {
                peak = equity;
            } else {
                maxDrawdown = Math.max(maxDrawdown, (peak - equity) / peak);
            }
            count++;
            double delta = r - mean;
            mean += delta / count;
            m2 += delta * (r - mean);
        }

        double sharpe(double sqrtPeriodsPerYear) {
            double sd = Math.sqrt(m2 / (count - 1));
            return sd > 0 ? mean / sd * sqrtPeriodsPerYear : Double.NaN;
        }
    }
}
