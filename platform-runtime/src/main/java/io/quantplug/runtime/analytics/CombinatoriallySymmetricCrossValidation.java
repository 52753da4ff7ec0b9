package io.quantplug.runtime.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The Probability of Backtest Overfitting (PBO) by combinatorially symmetric cross-validation (CSCV).
 *
 * <p>Source: D. H. Bailey, J. M. Borwein, M. López de Prado and Q. J. Zhu, "The Probability of Backtest
 * Overfitting", <i>Journal of Computational Finance</i> 20(4), 2017 (working paper 2015), section 2:
 * <ol>
 *   <li>the {@code T x N} matrix {@code M} holds the per-observation returns of {@code N} trials (columns; here
 *       given as one series per trial);</li>
 *   <li>its rows are split into {@code S} (even) disjoint blocks of equal size, in time order;</li>
 *   <li>for each of the {@code C(S, S/2)} ways to pick {@code S/2} blocks as the in-sample set {@code J} (the other
 *       blocks, in order, are the out-of-sample set), the performance of each trial is measured on {@code J} and
 *       on its complement; here the performance is the Sharpe ratio {@code mean / s} of the rows (sample standard
 *       deviation, risk-free rate 0), as in the paper's examples;</li>
 *   <li>{@code n*} is the trial best in sample (the first on a tie); {@code w = r / (N + 1)} with {@code r} its rank
 *       out of sample, 1 for the worst and {@code N} for the best (tied performances share their mean rank); the
 *       logit is {@code ln(w / (1 - w))};</li>
 *   <li>{@code PBO} is the share of the combinations whose logit is &le; 0: how often the in-sample best is at or
 *       below the out-of-sample median.</li>
 * </ol>
 * A constant series has an undefined Sharpe ratio; it is ranked as 0. Combinations are listed in lexicographic
 * order of the in-sample block indices ({@code {0,1,..}} first). Cost: {@code C(S, S/2) * S * N} additions after one
 * pass over the matrix ({@code S = 16}: 12,870 combinations), spread over the common fork-join pool; the result does
 * not depend on the number of threads. Stateless and thread-safe.
 */
public final class CombinatoriallySymmetricCrossValidation {

    /** Combinations one task of the common pool evaluates. */
    private static final int CHUNK = 256;

    private final int blocks;

    /**
     * A cross-validation with {@code S} blocks.
     *
     * @param blocks the number {@code S} of blocks, even, from 2 to 30
     * @throws IllegalArgumentException when {@code blocks} is odd or outside 2..30
     */
    public CombinatoriallySymmetricCrossValidation(int blocks) {
        if (blocks < 2 || blocks > 30 || blocks % 2 != 0) {
            throw new IllegalArgumentException("blocks S must be even, from 2 to 30, got " + blocks);
        }
        this.blocks = blocks;
    }

    /**
     * Estimates the probability of backtest overfitting.
     *
     * @param trialReturns {@code trialReturns[n][t]}: the return of trial {@code n} at observation {@code t}, the
     *                     columns of the paper's matrix; {@code N >= 2} series of the same length {@code T >= 2 S}
     *                     (two rows a block)
     * @return the PBO and its logits
     * @throws IllegalArgumentException when the series differ in length, are too short or fewer than 2
     */
    public BacktestOverfitting estimate(double[][] trialReturns) {
        if (trialReturns.length < 2) {
            throw new IllegalArgumentException("at least 2 trials are needed, got " + trialReturns.length);
        }
        List<BlockSums> sums = new ArrayList<>(trialReturns.length);
        for (double[] series : trialReturns) {
            sums.add(blockSums(series));
        }
        return estimate(sums);
    }

    /**
     * One trial's series reduced to what the estimate needs: per block, the sum and the sum of squares of its rows
     * (the first {@code T mod S} rows are left out, so that the blocks are equal), accumulated in row order.
     *
     * @param returns the trial's returns, at least {@code 2 S}; not modified
     * @return its block sums
     * @throws IllegalArgumentException when the series is shorter than {@code 2 S}
     */
    public BlockSums blockSums(double[] returns) {
        int rows = returns.length;
        if (rows < 2 * blocks) {
            throw new IllegalArgumentException("each trial needs at least 2 returns per block, " + 2 * blocks
                    + " for S = " + blocks + ", got " + rows);
        }
        int perBlock = rows / blocks;
        int skip = rows % blocks;
        double[] sum = new double[blocks];
        double[] sumOfSquares = new double[blocks];
        for (int t = skip; t < rows; t++) {
            int b = (t - skip) / perBlock;
            double r = returns[t];
            sum[b] += r;
            sumOfSquares[b] += r * r;
        }
        return new BlockSums(rows, sum, sumOfSquares);
    }

    /**
     * Estimates the probability of backtest overfitting from the trials' block sums ({@link #blockSums}): the same
     * result as {@link #estimate(double[][])} on their series, without keeping them.
     *
     * @param trialSums each trial's block sums, {@code N >= 2}, all of series of the same length, with {@code S}
     *                  blocks
     * @return the PBO and its logits
     * @throws IllegalArgumentException when the trials are fewer than 2, or their series lengths or blocks differ
     */
    public BacktestOverfitting estimate(List<BlockSums> trialSums) {
        int trials = trialSums.size();
        if (trials < 2) {
            throw new IllegalArgumentException("at least 2 trials are needed, got " + trials);
        }
        int rows = trialSums.get(0).rows();
        int perBlock = rows / blocks;
        double[][] sum = new double[blocks][trials];
        double[][] sumOfSquares = new double[blocks][trials];
        for (int n = 0; n < trials; n++) {
            BlockSums t = trialSums.get(n);
            if (t.rows() != rows) {
                throw new IllegalArgumentException("trial " + n + " has " + t.rows() + " returns, trial 0 has "
                        + rows);
            }
            if (t.sums().length != blocks) {
                throw new IllegalArgumentException("trial " + n + " has " + t.sums().length + " blocks, not " + blocks);
            }
            for (int b = 0; b < blocks; b++) {
                sum[b][n] = t.sums()[b];
                sumOfSquares[b][n] = t.sumsOfSquares()[b];
            }
        }
        List<Long> masks = new ArrayList<>();
        int[] chosen = new int[blocks / 2];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = i;
        }
        do {
            long inMask = 0;
            for (int c : chosen) {
                inMask |= 1L << c;
            }
            masks.add(inMask);
        } while (next(chosen, blocks));
        // the combinations are independent: chunks of them run on the common pool, each logit in its own slot
        double[] logits = new double[masks.size()];
        long rowsPerHalf = (long) perBlock * chosen.length;
        int chunks = (masks.size() + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(k -> {
            double[] inSample = new double[trials];
            double[] outOfSample = new double[trials];
            for (int i = k * CHUNK, end = Math.min(masks.size(), i + CHUNK); i < end; i++) {
                long inMask = masks.get(i);
                sharpe(sum, sumOfSquares, inMask, rowsPerHalf, inSample);
                sharpe(sum, sumOfSquares, ~inMask, rowsPerHalf, outOfSample);
                logits[i] = logit(inSample, outOfSample);
            }
        });
        int overfit = 0;
        for (double logit : logits) {
            if (logit <= 0) {
                overfit++;
            }
        }
        return new BacktestOverfitting((double) overfit / logits.length, logits, blocks, perBlock);
    }

    /**
     * A trial's series reduced to its blocks; serializable, so that a distributed study can send it.
     *
     * @param rows          length {@code T} of the series
     * @param sums          per block, the sum of its rows
     * @param sumsOfSquares per block, the sum of its rows' squares
     */
    public record BlockSums(int rows, double[] sums, double[] sumsOfSquares) implements java.io.Serializable {
    }

    /** The logit of the in-sample best trial's relative rank out of sample. */
    private static double logit(double[] inSample, double[] outOfSample) {
        int trials = inSample.length;
        int best = 0;
        for (int n = 1; n < trials; n++) {
            if (inSample[n] > inSample[best]) {
                best = n;
            }
        }
        double below = 0;
        double tied = 0;
        for (int n = 0; n < trials; n++) {
            if (outOfSample[n] < outOfSample[best]) {
                below++;
            } else if (outOfSample[n] == outOfSample[best]) {
                tied++; // includes best itself
            }
        }
        double rank = below + (tied + 1) / 2; // mean of ranks below+1 .. below+tied
        double w = rank / (trials + 1);
        return Math.log(w / (1 - w));
    }

    /** Per-trial Sharpe ratio of the rows of the blocks in {@code mask}; 0 for a constant series. */
    private void sharpe(double[][] sum, double[][] sumOfSquares, long mask, long count, double[] into) {
        int trials = into.length;
        for (int n = 0; n < trials; n++) {
            double s = 0;
            double q = 0;
            for (int b = 0; b < blocks; b++) {
                if ((mask & (1L << b)) != 0) {
                    s += sum[b][n];
                    q += sumOfSquares[b][n];
                }
            }
            double mean = s / count;
            double variance = (q - s * mean) / (count - 1);
            // a constant series leaves only rounding in the variance: relative to the mean square, it is zero
            into[n] = variance > 1e-12 * q / count ? mean / Math.sqrt(variance) : 0;
        }
    }

    /** Advances to the next {@code k}-subset of {@code 0..n-1} in lexicographic order; false after the last. */
    private static boolean next(int[] chosen, int n) {
        int k = chosen.length;
        int i = k - 1;
        while (i >= 0 && chosen[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        chosen[i]++;
        for (int j = i + 1; j < k; j++) {
            chosen[j] = chosen[j - 1] + 1;
        }
        return true;
    }
}
