package io.quantplug.runtime.internal.venue;

/**
 * The probabilistic queue model: a level's decrease that no trade explains (a cancel) is split between the orders
 * ahead of the own order and those behind it, by where the own order stands in the queue.
 *
 * <p>With {@code front} the quantity ahead, {@code back = max(levelBefore − front, 0)} the quantity behind, a
 * cancel of {@code c = levelBefore − levelAfter} and {@code f(x) = x^n}, the probability that the cancel happened
 * behind the order is {@code p = f(back) / (f(back) + f(front))}; the expected part taken from ahead is
 * {@code (1 − p)·c}, and whatever the part behind, {@code p·c}, exceeds {@code back} comes from ahead too:
 * <pre>
 *   front' = min(levelAfter, max(0, front − (1 − p)·c + min(back − p·c, 0)))
 * </pre>
 * So an order at the head ({@code front = 0}) never advances by a cancel and one at the tail ({@code back = 0})
 * takes all of it. {@code n = 1} splits the cancel in proportion to the quantities ahead and behind; a larger
 * {@code n} shifts it further towards the longer side. When the level grows, or when {@code f(back) + f(front)}
 * is 0, the quantity ahead is only capped at {@code levelAfter}.
 *
 * <p>Sources: hftbacktest's {@code ProbQueueModel} with {@code PowerProbQueueFunc} (nkaz001/hftbacktest, docs
 * "Order Fill", "Queue Models", and {@code backtest/models/queue.rs}: probability of a decrease behind the order
 * {@code f(back)/(f(back)+f(front))}, {@code f(x) = x^n}), after E. Rigtorp, "Estimating order queue position"
 * (2013) and the quant.stackexchange question 3782, "How do we estimate position of our order in order book?".
 * Stateless.
 */
public final class ProbabilisticQueueModel implements QueuePositionModel {

    private final double n;

    /**
     * Creates the model with the power {@code n} of {@code f(x) = x^n}.
     *
     * @param n the power, finite and &gt; 0 (hftbacktest's identity model is 1, its square model 2)
     * @throws IllegalArgumentException when {@code n} is not finite and positive
     */
    public ProbabilisticQueueModel(double n) {
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("queue model power n must be finite and > 0, was " + n);
        }
        this.n = n;
    }

    /**
     * The power of {@code f(x) = x^n}.
     *
     * @return {@code n}, &gt; 0
     */
    public double power() {
        return n;
    }

    /**
     * The quantity ahead after a decrease split by the probability above.
     *
     * @param ahead       the quantity estimated ahead of the order ({@code front}), &ge; 0
     * @param levelBefore the level's quantity before the change, trades since taken off, &ge; 0
     * @param levelAfter  the level's quantity after the change, &ge; 0
     * @return the new quantity ahead, between 0 and {@code levelAfter}
     */
    @Override
    public double aheadAfter(double ahead, double levelBefore, double levelAfter) {
        double cancel = levelBefore - levelAfter;
        double front = Math.max(0, ahead);
        if (!(cancel > 0)) {
            return Math.min(front, levelAfter);
        }
        double back = Math.max(levelBefore - front, 0);
        double fBack = Math.pow(back, n);
        double sum = fBack + Math.pow(front, n);
        if (!(sum > 0)) {
            return Math.min(front, levelAfter);
        }
        double behind = fBack / sum;
        double estimate = front - (1 - behind) * cancel + Math.min(back - behind * cancel, 0);
        return Math.min(levelAfter, Math.max(0, estimate));
    }

    /**
     * Names the model and its power.
     *
     * @return e.g. {@code "probabilistic(n=2.0)"}
     */
    @Override
    public String toString() {
        return "probabilistic(n=" + n + ")";
    }
}
