package io.quantplug.runtime.internal.venue;

/**
 * Estimates how much of a price level rests ahead of an own limit order when the level shrinks for a reason other
 * than a trade (a cancel or a reduction), on an L2 (market-by-price) feed that shows only the level's total.
 *
 * <p>Trades at the order's price are not the model's business: {@link BookVenue} takes each from the quantity ahead
 * first (FIFO matching), whatever the model. A level that grows gains its new quantity behind the order (later
 * arrivals queue behind), so the quantity ahead never rises; every model caps it at the level's new quantity.
 *
 * <p>The own order is never part of the replayed book (the replay has no market impact): {@code ahead} and the level
 * quantities count other participants' orders only. Quantities are base units, {@code double} (market data).
 * Implementations are stateless and may be shared; called on the engine thread.
 *
 * <p>Source: the queue models of hftbacktest (nkaz001/hftbacktest, docs "Order Fill", section "Queue Models") and
 * E. Rigtorp, "Estimating order queue position" (2013).
 */
public interface QueuePositionModel {

    /**
     * The quantity ahead of the order after its level changed from {@code levelBefore} to {@code levelAfter} by
     * other means than trades.
     *
     * @param ahead       the quantity estimated ahead of the order, &ge; 0
     * @param levelBefore the level's quantity before the change, less the trades at its price since it was seen,
     *                    &ge; 0
     * @param levelAfter  the level's quantity after the change, &ge; 0
     * @return the new estimate, between 0 and {@code levelAfter}
     */
    double aheadAfter(double ahead, double levelBefore, double levelAfter);
}
