package io.quantplug.api.strategy;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.OrderEvent;

/**
 * One running strategy instance. Every method is called on the session's engine thread, never concurrently; an
 * exception thrown from a callback is handled by the session's fault policy (the instance is stopped and the
 * failure reported) and never reaches other instances.
 */
public interface Strategy {

    /** Called once before the first event, with the clock at the session start. */
    default void onStart() {
    }

    /**
     * A bar completed. The clock reads the bar's close time; an order placed now fills on a later bar.
     *
     * @param bar the completed bar
     */
    void onBar(Bar bar);

    /**
     * A trade printed (sessions fed with trades only).
     *
     * @param trade the trade
     */
    default void onTrade(TradeTick trade) {
    }

    /**
     * The order book changed (sessions fed with order books only).
     *
     * @param book the new top of book
     */
    default void onOrderBook(OrderBookSnapshot book) {
    }

    /**
     * One of this instance's orders changed: accepted, rejected (with a typed reason), filled, canceled, expired.
     *
     * @param event the order event
     */
    default void onOrderEvent(OrderEvent event) {
    }

    /**
     * A timer set with {@link StrategyContext#scheduleTimer(String, long)} fired.
     *
     * @param timer the timer
     */
    default void onTimer(TimerEvent timer) {
    }

    /** Called once after the last event. */
    default void onStop() {
    }
}
