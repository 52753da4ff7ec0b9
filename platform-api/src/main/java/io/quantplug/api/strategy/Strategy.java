package io.quantplug.api.strategy;

import io.quantplug.api.StateSnapshot;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.OrderBookView;
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
     * A trade printed (sessions replaying or streaming trades). The clock reads the trade's time as the session saw
     * it (after any feed latency); an order placed now reaches the venue after the order entry latency.
     *
     * @param trade the trade
     */
    default void onTrade(TradeTick trade) {
    }

    /**
     * The order book changed (sessions replaying or streaming depth updates): called after each update is applied,
     * with the engine's own book. The view allocates nothing and is valid only during this call; keep
     * {@link OrderBookView#snapshot()} to remember it.
     *
     * @param book the book after the update, as deep as the session's book depth
     */
    default void onOrderBook(OrderBookView book) {
    }

    /**
     * The same as {@link #onOrderBook(OrderBookView)} for a snapshot, which is a view: the engine never calls this
     * overload, and by default it hands the snapshot to the view one, so a test that passes a snapshot reaches the
     * strategy's book logic.
     *
     * @param book the book
     * @deprecated the engine calls {@link #onOrderBook(OrderBookView)}; override that one
     */
    @Deprecated
    default void onOrderBook(OrderBookSnapshot book) {
        onOrderBook((OrderBookView) book);
    }

    /**
     * One of this instance's orders changed: accepted, rejected (with a typed reason), filled, canceled, expired.
     *
     * @param event the order event
     */
    default void onOrderEvent(OrderEvent event) {
    }

    /**
     * Another instance of the session published what it noticed ({@link StrategyContext#publish}), e.g. a whale
     * trade or a spoof, right after the callback in which it did.
     *
     * @param publisher   the publishing instance's id
     * @param observation what it noticed
     */
    default void onObservation(String publisher, MarketObservation observation) {
    }

    /**
     * A timer set with {@link StrategyContext#scheduleTimer(String, long)} fired.
     *
     * @param timer the timer
     */
    default void onTimer(TimerEvent timer) {
    }

    /** Called once after the last event. Not called on an instance that is swapped out (see {@link #snapshot()}). */
    default void onStop() {
    }

    /**
     * The plugin of this strategy is being swapped for another version under a running session: returns the state
     * the new version's instance should continue from. Called on the engine thread between two events, after the
     * last event this instance sees; no callback follows.
     *
     * @return the state to hand over, or null (the default) when the new instance should start fresh
     */
    default StateSnapshot snapshot() {
        return null;
    }

    /**
     * Continues from the state of the previous version's instance, on a new instance created for a hot swap, before
     * its first event. A restored instance is not given {@link #onStart()} (it continues the old one: its timers,
     * working orders and position are still there); one that declines is started fresh with {@code onStart()}.
     *
     * @param snapshot what the previous version's {@link #snapshot()} returned; never null
     * @return true when restored, false (the default) when the snapshot's format is not one this version reads
     */
    default boolean restore(StateSnapshot snapshot) {
        return false;
    }
}
