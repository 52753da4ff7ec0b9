package io.quantplug.runtime.internal.engine;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.OrderEvent;

/**
 * Who an order of the session belongs to: a strategy instance, the signal group of aggregated instances, or the
 * engine acting for a risk rule. The owner's id is what listeners and the store see as the order's
 * {@code strategy}; its order events are handed to {@link #orderEvent} after the callback that caused them returns.
 * Engine thread only.
 */
interface OrderOwner {

    /**
     * The id orders, fills and positions are recorded under.
     *
     * @return e.g. {@code sma-crossover-1}, {@code group} or a risk rule's id
     */
    String ownerId();

    /**
     * The strategy this owner stands for, as risk events are tagged with it.
     *
     * @return the instance or group id, or null for the engine's own orders
     */
    String strategyId();

    /**
     * The next id for an order of this owner.
     *
     * @return a fresh id
     */
    ClientOrderId nextClientOrderId();

    /**
     * Receives an event of one of this owner's orders (or of the engine's order that closed a position this owner
     * opened).
     *
     * @param event the event
     */
    void orderEvent(OrderEvent event);
}
