package io.quantplug.api.exchange;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.OrderEvent;

/**
 * Where an adapter delivers live events. Supplied by the runtime; safe to call from the adapter's own threads (the
 * runtime queues each event for the engine thread). A call may block briefly when the queue is full.
 */
public interface ExchangeListener {

    /**
     * A bar completed on the venue.
     *
     * @param bar the bar
     */
    void onBar(Bar bar);

    /**
     * A trade printed.
     *
     * @param trade the trade
     */
    void onTrade(TradeTick trade);

    /**
     * The book changed.
     *
     * @param book the new top of book
     */
    void onOrderBook(OrderBookSnapshot book);

    /**
     * One of our orders changed on the venue.
     *
     * @param event the order event
     */
    void onOrderEvent(OrderEvent event);

    /**
     * The connection failed or recovered.
     *
     * @param connected whether the adapter is connected now
     * @param detail    what happened, for people
     */
    void onConnectionChange(boolean connected, String detail);
}
