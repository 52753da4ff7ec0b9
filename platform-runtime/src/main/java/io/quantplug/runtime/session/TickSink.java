package io.quantplug.runtime.session;

import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.TradeTick;

/**
 * Where a {@link TickSource} hands the trades and book updates that come before its next bar: the running session,
 * which passes each to the venue and the strategies. Called on the engine thread only, in time order.
 */
public interface TickSink {

    /**
     * A trade.
     *
     * @param trade the trade, of the session's instrument
     */
    void onTrade(TradeTick trade);

    /**
     * The order book after a depth update (or a snapshot) was applied.
     *
     * @param book the source's live book at full depth, its time the update's; it shows this update's state until
     *             the source hands over the next book (the venue may read it until then), and changes after
     */
    void onOrderBook(OrderBookView book);
}
