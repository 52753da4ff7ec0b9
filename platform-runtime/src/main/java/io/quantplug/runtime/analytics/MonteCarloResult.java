package io.quantplug.runtime.analytics;

import java.util.List;

/**
 * What a {@link MonteCarloSimulation} found: the distribution of total return, maximum drawdown and Sharpe ratio over
 * the resampled paths, next to the run's own path.
 *
 * <p>Returns and drawdowns are fractions ({@code 0.05} is 5 %); a drawdown is positive. Immutable; safe to share.
 *
 * @param method             how the paths were resampled
 * @param paths              number of paths simulated, &ge; 1
 * @param seed               the seed that reproduces them
 * @param meanBlockLength    mean block length in bars for {@link MonteCarloMethod#BLOCKS}; {@code NaN} for trades
 * @param steps              returns per path: the run's number of trades or bar returns
 * @param observed           the run's own path (its returns in their order)
 * @param totalReturn        distribution of the paths' total return
 * @param maxDrawdown        distribution of the paths' maximum drawdown
 * @param sharpe             distribution of the paths' annualised Sharpe ratio; paths whose returns have no
 *                           spread (Sharpe undefined) are left out and counted in {@code undefinedSharpe}
 * @param undefinedSharpe    paths left out of {@code sharpe}
 * @param lossThreshold      the loss asked about, a positive fraction
 * @param probabilityOfLoss  share of paths whose total return is at or below {@code -lossThreshold}
 * @param probabilityNegative share of paths whose total return is below zero
 * @param histogram          the paths' total returns in equal-width bins
 */
public record MonteCarloResult(MonteCarloMethod method, int paths, long seed, double meanBlockLength, int steps,
                               PathStatistics observed, Distribution totalReturn, Distribution maxDrawdown,
                               Distribution sharpe, int undefinedSharpe, double lossThreshold,
                               double probabilityOfLoss, double probabilityNegative, Histogram histogram) {

    /**
     * One path's figures.
     *
     * @param totalReturn {@code E_n / E_0 - 1}
     * @param maxDrawdown largest fall from a running peak, {@code max (M_t - E_t) / M_t}
     * @param sharpe      {@code mean(r) / s * sqrt(P)}, {@code NaN} when the returns have no spread
     */
    public record PathStatistics(double totalReturn, double maxDrawdown, double sharpe) {
    }

    /**
     * Percentiles of one figure over the paths, by the R-7 definition (linear interpolation between order statistics
     * at {@code (n - 1) p}, Hyndman and Fan, "Sample Quantiles in Statistical Packages", <i>The American
     * Statistician</i> 50(4), 1996; R's and NumPy's default), computed with Apache Commons Statistics'
     * {@code Quantile} ({@code HF7}).
     *
     * @param mean arithmetic mean over the paths
     * @param p1   1st percentile
     * @param p5   5th percentile
     * @param p25  25th percentile
     * @param p50  median
     * @param p75  75th percentile
     * @param p95  95th percentile
     * @param p99  99th percentile
     */
    public record Distribution(double mean, double p1, double p5, double p25, double p50, double p75, double p95,
                               double p99) {
    }

    /**
     * Equal-width bins from the smallest to the largest value; the last bin includes its upper edge.
     *
     * @param edges  bin edges, one more than the counts, ascending
     * @param counts paths per bin
     */
    public record Histogram(List<Double> edges, List<Integer> counts) {

        /**
         * Copies the lists.
         *
         * @param edges  bin edges, one more than the counts, ascending
         * @param counts paths per bin
         */
        public Histogram {
            edges = List.copyOf(edges);
            counts = List.copyOf(counts);
        }
    }
}
