package io.quantplug.app.study;

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
public record StudyStatistics(Double deflatedSharpe, BacktestOverfitting overfitting) {

    /**
     * Computes the statistics.
     *
     * @param trials the trials, all over the same bars
     * @param best   the index of the best trial
     * @param blocks {@code S}, even, 2..30
     * @return the statistics
     */
    public static StudyStatistics of(List<ParameterSweep.Trial> trials, int best, int blocks) {
        double sum = 0;
        double sumOfSquares = 0;
        int defined = 0;
        for (ParameterSweep.Trial t : trials) {
            double sr = t.summary().sharpe();
            if (Double.isFinite(sr)) {
                sum += sr;
                sumOfSquares += sr * sr;
                defined++;
            }
        }
        double variance = defined < 2 ? 0 : Math.max(0, (sumOfSquares - sum * sum / defined) / (defined - 1));
        ReturnSummary bestReturns = trials.get(best).summary();
        Double dsr = null;
        if (bestReturns.moments() != null) {
            double v = new DeflatedSharpeRatio().ofMoments(bestReturns.moments(), variance, trials.size());
            dsr = Double.isFinite(v) ? v : null;
        }
        BacktestOverfitting pbo = null;
        if (trials.size() >= 2 && bestReturns.blocks() != null
                && bestReturns.blocks().sums().length == blocks) {
            pbo = new CombinatoriallySymmetricCrossValidation(blocks).estimate(trials.stream()
                    .map(t -> t.summary().blocks()).toList());
        }
        return new StudyStatistics(dsr, pbo);
    }
}
