package io.quantplug.runtime.internal.venue;

/**
 * The conservative queue model: a level's decrease that no trade explains is taken from the back of the queue, so
 * only trades at its price advance the order; the quantity ahead is merely capped at the level's new quantity
 * (it cannot exceed what rests there). Fills come no earlier than on the real exchange, given the initial position.
 *
 * <p>Source: hftbacktest's {@code RiskAdverseQueueModel} (nkaz001/hftbacktest, docs "Order Fill", "Queue Models":
 * "the decrease in quantity by cancellation or modification ... happens only at the tail of the queue"). Formula:
 * {@code ahead' = min(ahead, levelAfter)}. Stateless.
 */
public final class RiskAverseQueueModel implements QueuePositionModel {

    /** Creates the model. */
    public RiskAverseQueueModel() {
    }

    /**
     * The quantity ahead capped at the level's new quantity: {@code min(ahead, levelAfter)}, never below 0.
     *
     * @param ahead       the quantity estimated ahead of the order, &ge; 0
     * @param levelBefore the level's quantity before the change (unused)
     * @param levelAfter  the level's quantity after the change, &ge; 0
     * @return {@code max(0, min(ahead, levelAfter))}
     */
    @Override
    public double aheadAfter(double ahead, double levelBefore, double levelAfter) {
        return Math.max(0, Math.min(ahead, levelAfter));
    }

    /**
     * Names the model.
     *
     * @return {@code "risk-averse"}
     */
    @Override
    public String toString() {
        return "risk-averse";
    }
}
