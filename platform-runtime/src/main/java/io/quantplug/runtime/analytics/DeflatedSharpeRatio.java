package io.quantplug.runtime.analytics;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;

import java.util.EnumSet;

/**
 * The Deflated Sharpe Ratio: the probability that a strategy's true Sharpe ratio exceeds the best one a search of
 * {@code N} skill-less trials would be expected to find, given the length, skewness and kurtosis of its returns.
 *
 * <p>Source: D. H. Bailey and M. López de Prado, "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest
 * Overfitting and Non-Normality", <i>Journal of Portfolio Management</i> 40(5), 2014, pp. 94-107, equations (1)-(2)
 * of its section "The Deflated Sharpe Ratio":
 * <ul>
 *   <li>expected maximum Sharpe of {@code N} independent trials of zero true skill whose Sharpe ratios have variance
 *       {@code V}: {@code SR0 = sqrt(V) * ((1 - g) * Z^-1(1 - 1/N) + g * Z^-1(1 - 1/(N e)))}, {@code g} the
 *       Euler-Mascheroni constant and {@code Z^-1} the inverse standard normal CDF;</li>
 *   <li>Probabilistic Sharpe Ratio (Bailey and López de Prado, "The Sharpe Ratio Efficient Frontier", <i>Journal of
 *       Risk</i> 15(2), 2012): {@code PSR(SR*) = Z((SR - SR*) sqrt(T - 1) / sqrt(1 - g3 SR + (g4 - 1) / 4 SR^2))}
 *       with {@code T} observations, skewness {@code g3} and (non-excess) kurtosis {@code g4} of the returns;</li>
 *   <li>{@code DSR = PSR(SR0)}.</li>
 * </ul>
 * Every Sharpe ratio here is per observation (not annualised): divide an annualised figure by {@code sqrt(P)}, and
 * an annualised variance by {@code P}. The paper's numerical example (annualised SR 2.5, {@code T = 1250} daily
 * observations, {@code N = 100}, annualised {@code V = 0.5}, {@code g3 = -3}, {@code g4 = 10}, 250 days a year)
 * gives {@code DSR = 0.9004}; the tests reproduce it. Stateless and thread-safe.
 */
public final class DeflatedSharpeRatio {

    /** The Euler-Mascheroni constant. */
    public static final double EULER_MASCHERONI = 0.5772156649015329;

    private final NormalDistribution normal = new NormalDistribution(null, 0, 1);

    /** A calculator (it holds only the standard normal distribution). */
    public DeflatedSharpeRatio() {
    }

    /**
     * The expected maximum Sharpe ratio of {@code trials} independent skill-less trials, {@code SR0} above.
     *
     * @param sharpeVariance variance of the trials' per-observation Sharpe ratios, &ge; 0
     * @param trials         number of trials {@code N}, &ge; 1; one trial has nothing to select from and gives 0
     * @return {@code SR0}, per observation
     * @throws IllegalArgumentException when {@code trials < 1} or the variance is negative or not finite
     */
    public double expectedMaximumSharpe(double sharpeVariance, long trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }
        if (!(sharpeVariance >= 0) || Double.isInfinite(sharpeVariance)) {
            throw new IllegalArgumentException("sharpeVariance must be a finite number >= 0, got " + sharpeVariance);
        }
        if (trials == 1 || sharpeVariance == 0) {
            return 0;
        }
        double n = trials;
        return Math.sqrt(sharpeVariance) * ((1 - EULER_MASCHERONI) * normal.inverseCumulativeProbability(1 - 1 / n)
                + EULER_MASCHERONI * normal.inverseCumulativeProbability(1 - 1 / (n * Math.E)));
    }

    /**
     * The Probabilistic Sharpe Ratio: the probability that the true Sharpe ratio exceeds a benchmark.
     *
     * @param sharpe       observed Sharpe ratio, per observation
     * @param benchmark    the benchmark {@code SR*}, per observation
     * @param observations number of returns {@code T}, &ge; 2
     * @param skewness     skewness {@code g3} of the returns
     * @param kurtosis     kurtosis {@code g4} of the returns, not excess (3 for normal returns)
     * @return a probability in [0, 1], or {@code NaN} when {@code 1 - g3 SR + (g4 - 1) / 4 SR^2 <= 0} or an input is
     *         {@code NaN}
     * @throws IllegalArgumentException when {@code observations < 2}
     */
    public double probabilisticSharpe(double sharpe, double benchmark, long observations, double skewness,
                                      double kurtosis) {
        if (observations < 2) {
            throw new IllegalArgumentException("observations must be >= 2, got " + observations);
        }
        double variance = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(variance > 0)) {
            return Double.NaN;
        }
        return normal.cumulativeProbability((sharpe - benchmark) * Math.sqrt(observations - 1.0)
                / Math.sqrt(variance));
    }

    /**
     * The Deflated Sharpe Ratio: {@link #probabilisticSharpe} against {@link #expectedMaximumSharpe}.
     *
     * @param sharpe         observed Sharpe ratio of the selected trial, per observation
     * @param sharpeVariance variance of the trials' per-observation Sharpe ratios, &ge; 0
     * @param trials         number of trials, &ge; 1
     * @param observations   number of returns of the selected trial, &ge; 2
     * @param skewness       skewness of its returns
     * @param kurtosis       kurtosis of its returns, not excess
     * @return a probability in [0, 1], or {@code NaN} as {@link #probabilisticSharpe}
     * @throws IllegalArgumentException as the two methods it combines
     */
    public double deflated(double sharpe, double sharpeVariance, long trials, long observations, double skewness,
                           double kurtosis) {
        return probabilisticSharpe(sharpe, expectedMaximumSharpe(sharpeVariance, trials), observations, skewness,
                kurtosis);
    }

    /**
     * The Deflated Sharpe Ratio of a return series selected from {@code trials}: its per-observation Sharpe ratio
     * {@code mean / s} (sample standard deviation, risk-free rate 0), and its skewness and kurtosis as Commons
     * Statistics estimates them (the bias-corrected sample skewness, and the bias-corrected sample excess kurtosis
     * plus 3).
     *
     * @param returns        the selected trial's returns, at least 4 (kurtosis needs 4)
     * @param sharpeVariance variance of the trials' per-observation Sharpe ratios, &ge; 0
     * @param trials         number of trials, &ge; 1
     * @return a probability in [0, 1], or {@code NaN} when the returns are constant or as {@link #probabilisticSharpe}
     * @throws IllegalArgumentException when there are fewer than 4 returns, or as {@link #deflated}
     */
    public double ofReturns(double[] returns, double sharpeVariance, long trials) {
        return ofMoments(ReturnMoments.of(returns), sharpeVariance, trials);
    }

    /**
     * {@link #ofReturns} from the moments of the selected series, so that a study need not keep every trial's
     * returns: the same result for the same series.
     *
     * @param moments        the selected trial's return moments ({@link ReturnMoments#of})
     * @param sharpeVariance variance of the trials' per-observation Sharpe ratios, &ge; 0
     * @param trials         number of trials, &ge; 1
     * @return a probability in [0, 1], or {@code NaN} when the returns are constant or as {@link #probabilisticSharpe}
     * @throws IllegalArgumentException as {@link #deflated}
     */
    public double ofMoments(ReturnMoments moments, double sharpeVariance, long trials) {
        if (!(moments.standardDeviation() > 0)) {
            return Double.NaN;
        }
        return deflated(moments.mean() / moments.standardDeviation(), sharpeVariance, trials, moments.count(),
                moments.skewness(), moments.excessKurtosis() + 3);
    }

    /**
     * The moments of a return series that the Deflated Sharpe Ratio needs, as Commons Statistics estimates them.
     * Serializable, so that a distributed study (the Spark job) can send them from its executors.
     *
     * @param count             observations
     * @param mean              arithmetic mean
     * @param standardDeviation sample standard deviation (divisor {@code n - 1})
     * @param skewness          bias-corrected sample skewness
     * @param excessKurtosis    bias-corrected sample excess kurtosis
     */
    public record ReturnMoments(long count, double mean, double standardDeviation, double skewness,
                                double excessKurtosis) implements java.io.Serializable {

        /**
         * The moments of a series.
         *
         * @param returns the series, at least 4 values (kurtosis needs 4); not modified
         * @return its moments
         * @throws IllegalArgumentException when there are fewer than 4 values
         */
        public static ReturnMoments of(double[] returns) {
            if (returns.length < 4) {
                throw new IllegalArgumentException("returns must hold at least 4 values, got " + returns.length);
            }
            DoubleStatistics s = DoubleStatistics.of(EnumSet.of(Statistic.MEAN, Statistic.STANDARD_DEVIATION,
                    Statistic.SKEWNESS, Statistic.KURTOSIS), returns);
            return new ReturnMoments(returns.length, s.getAsDouble(Statistic.MEAN),
                    s.getAsDouble(Statistic.STANDARD_DEVIATION), s.getAsDouble(Statistic.SKEWNESS),
                    s.getAsDouble(Statistic.KURTOSIS));
        }
    }
}
