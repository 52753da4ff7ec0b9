package io.quantplug.runtime.analytics;

/**
 * What combinatorially symmetric cross-validation found: the Probability of Backtest Overfitting and the logits it
 * counts.
 *
 * @param probability  the share of the logits that are &le; 0, in [0, 1]
 * @param logits       {@code ln(w / (1 - w))} per combination, {@code w} the out-of-sample relative rank of the
 *                     in-sample best, in the order {@link CombinatoriallySymmetricCrossValidation} lists the
 *                     combinations; a shared array: do not modify
 * @param blocks       the number {@code S} of blocks the rows were split into
 * @param rowsPerBlock observations in each block ({@code T / S} rounded down; the earliest {@code T mod S} are left
 *                     out)
 */
public record BacktestOverfitting(double probability, double[] logits, int blocks, int rowsPerBlock) {
}
