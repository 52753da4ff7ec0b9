package io.quantplug.api.order;

import io.quantplug.api.instrument.InstrumentId;

/**
 * The order stopped working at the client's request (or the engine's, at the end of a session).
 *
 * @param clientOrderId the order
 * @param instrument    its instrument
 * @param timeMillis    cancel time, UTC epoch milliseconds
 */
public record OrderCanceled(ClientOrderId clientOrderId, InstrumentId instrument, long timeMillis)
        implements OrderEvent {
}
