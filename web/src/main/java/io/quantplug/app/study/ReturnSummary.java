package io.quantplug.app.study;

import io.quantplug.runtime.analytics.CombinatoriallySymmetricCrossValidation;
import io.quantplug.runtime.analytics.DeflatedSharpeRatio;

import java.io.Serializable;

/**
 * What a study's statistics need of one trial's per-bar returns, taken in the worker that ran it so that the study
 * need not keep every trial's returns (8 bytes a bar a trial): its per-bar Sharpe ratio, its moments for the
 * Deflated Sharpe Ratio, and its block sums for the PBO. Each is computed as {@link StudyStatistics} would compute
 * it from the whole series, so the study's figures are the same.
 *
 * @param count   number of returns
 * @param sharpe  per-bar Sharpe ratio {@code mean / s} (sample standard deviation), {@code NaN} for fewer than 2 or
 *                constant returns
 * @param moments the moments for the DSR, or null for fewer than 4 returns
 * @param blocks  the block sums for CSCV, or null for fewer than {@code 2 S} returns
 */
public record ReturnSummary(int count, double sharpe, DeflatedSharpeRatio.ReturnMoments moments,
                            CombinatoriallySymmetricCrossValidation.BlockSums blocks) implements Serializable {

    /**
     * Summarises a series.
     *
     * @param returns   the per-bar returns; not modified
     * @param pboBlocks the blocks {@code S} of the PBO, even, 2..30
     * @return its summary
     */
    public static ReturnSummary of(double[] returns, int pboBlocks) {
        return new ReturnSummary(returns.length, sharpe(returns),
                returns.length >= 4 ? DeflatedSharpeRatio.ReturnMoments.of(returns) : null,
                returns.length >= 2 * pboBlocks
                        ? new CombinatoriallySymmetricCrossValidation(pboBlocks).blockSums(returns) : null);
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
