package io.quantplug.runtime.session;

import io.quantplug.api.order.Order;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.api.signal.Signal;

/**
 * Observes a trading session. Called on the engine thread, synchronously: implementations must be fast and must
 * not block, except to wait for room in a bounded queue of their own (the store's journal does, as backpressure). Every method has an empty default.
 */
public interface SessionListener {

    /**
     * A strategy emitted a signal, and the pipeline decided what to do with it.
     *
     * @param timeMillis decision time, UTC epoch milliseconds
     * @param strategy   the strategy instance id
     * @param signal     the signal as emitted
     * @param outcome    what the pipeline did, e.g. {@code ORDERED}, {@code FILTERED by mtf-filter},
     *                   {@code IGNORED: already long}
     */
    default void onSignal(long timeMillis, String strategy, Signal signal, String outcome) {
    }

    /**
     * An order passed the risk rules and went to the venue (which may still refuse it).
     *
     * @param timeMillis submission time, UTC epoch milliseconds
     * @param strategy   the owning instance id ({@code engine} for end-of-data liquidation)
     * @param order      the order as submitted
     */
    default void onOrderSubmitted(long timeMillis, String strategy, Order order) {
    }

    /**
     * An order changed state: accepted, rejected (by a risk rule, validation, the engine or the venue), filled,
     * canceled or expired.
     *
     * @param strategy the owning instance id
     * @param event    the event
     */
    default void onOrderEvent(String strategy, OrderEvent event) {
    }

    /**
     * A fill changed the account's position in an instrument.
     *
     * @param change the position after the fill
     */
    default void onPositionChanged(PositionChange change) {
    }

    /**
     * A plugin callback failed and the fault policy acted.
     *
     * @param fault what failed and what was done
     */
    default void onFault(PluginFault fault) {
    }
}
