package io.quantplug.cli;

import io.quantplug.runtime.analytics.BacktestOverfitting;
import io.quantplug.runtime.analytics.CombinatoriallySymmetricCrossValidation;
import io.quantplug.runtime.analytics.DeflatedSharpeRatio;

import java.util.List;

/**
 * The overfitting statistics of a finished study.
 *
 * <ul>
 *   <li>The Deflated Sharpe Ratio of the best trial: its per-bar returns' Sharpe ratio, skewness and kurtosis, the
 *       number of trials {@code N}, and the sample variance of the trials' per-bar Sharpe ratios (a trial whose
 *       returns are constant, e.g. one that never traded, has none and is left out of the variance but counted
 *       in {@code N}); see {@link DeflatedSharpeRatio}.</li>
 *   <li>The Probability of Backtest Overfitting by CSCV over the trials' per-bar return series with {@code S}
 *       blocks; see {@link CombinatoriallySymmetricCrossValidation}. Null with fewer than 2 trials or fewer than
 *       {@code 2 S} bars.</li>
 * </ul>
 * Per-bar returns are {@code E_i / E_(i-1) - 1} over the equity at each bar's close, as the metrics use them.
 *
 * @param deflatedSharpe the best trial's DSR, or null when undefined (constant returns, fewer than 4 bars)
 * @param overfitting    the PBO and its logits, or null when it cannot be estimated
 */
record StudyStatistics(Double deflatedSharpe, BacktestOverfitting overfitting) {

    /**
     * Computes the statistics.
     *
     * @param trials the trials, all over the same bars
     * @param best   the index of the best trial
     * @param blocks {@code S}, even, 2..30
     * @return the statistics
     */
    static StudyStatistics of(List<ParameterSweep.Trial> trials, int best, int blocks) {
        double sum = 0;
        double sumOfSquares = 0;
        int defined = 0;
        for (ParameterSweep.Trial t : trials) {
            double sr = sharpe(t.returns());
            if (Double.isFinite(sr)) {
                sum += sr;
                sumOfSquares += sr * sr;
                defined++;
            }
        }
        double variance = defined < 2 ? 0 : Math.max(0, (sumOfSquares - sum * sum / defined) / (defined - 1));
        double[] bestReturns = trials.get(best).returns();
        Double dsr = null;
        if (bestReturns.length >= 4) {
            double v = new DeflatedSharpeRatio().ofReturns(bestReturns, variance, trials.size());
            dsr = Double.isFinite(v) ? v : null;
        }
        BacktestOverfitting pbo = null;
        if (trials.size() >= 2 && bestReturns.length >= 2 * blocks) {
            double[][] series = new double[trials.size()][];
            for (int i = 0; i < series.length; i++) {
                series[i] = trials.get(i).returns();
            }
            pbo = new CombinatoriallySymmetricCrossValidation(blocks).estimate(series);
        }
        return new StudyStatistics(dsr, pbo);
    }

    /** Per-bar Sharpe ratio, mean over sample standard deviation; NaN for fewer than 2 or constant returns. */
    private static double sharpe(double[] r) {
        if (r.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double x : r) {
            mean += x;
        }
        mean /= r.length;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (r.length - 1));
        return sd > 0 ? mean / sd : Double.NaN;
    }
}
