package io.quantplug.runtime.internal.engine;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.order.OrderEvent;

/**
 * The owner of an order the engine sends itself: a position closed for a risk rule (owner id the rule's id) or at
 * the end of the data when no instance opened it (owner id {@code engine}). It names its orders itself, stands for
 * no strategy, and hands the order's events to the instance or group that opened the position, if any.
 *
 * @param ownerId the id the order is recorded under
 * @param opener  the owner of the position being closed, or null
 */
record EngineOwner(String ownerId, OrderOwner opener) implements OrderOwner {

    @Override
    public String strategyId() {
        return null;
    }

    @Override
    public ClientOrderId nextClientOrderId() {
        throw new IllegalStateException("the engine names its own orders");
    }

    @Override
    public void orderEvent(OrderEvent event) {
        if (opener != null) {
            opener.orderEvent(event);
        }
    }
}
