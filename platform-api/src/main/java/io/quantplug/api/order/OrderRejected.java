package io.quantplug.api.order;

import io.quantplug.api.instrument.InstrumentId;

/**
 * The order was refused before it could work: by a risk rule, validation, the engine or the venue.
 *
 * @param clientOrderId the order
 * @param instrument    its instrument
 * @param timeMillis    refusal time, UTC epoch milliseconds
 * @param reason        why, typed
 */
public record OrderRejected(ClientOrderId clientOrderId, InstrumentId instrument, long timeMillis,
                            RejectReason reason) implements OrderEvent {
}
