package io.quantplug.runtime.internal.venue;

import io.quantplug.api.order.Order;

/**
 * An accepted order waiting at the simulated venue, already rounded to the instrument's tick and lot size.
 *
 * @param order           the order
 * @param acceptedAtMillis acceptance time, UTC epoch milliseconds
 * @param referencePrice  the last price when it was accepted, for cash reservation
 * @param owner           the submitter's tag, handed back with every event of the order (may be null)
 * @param reduceOnly      whether it may only reduce the position (filled at most to flat, canceled when flat)
 */
record WorkingOrder(Order order, long acceptedAtMillis, double referencePrice, Object owner, boolean reduceOnly) {
}
