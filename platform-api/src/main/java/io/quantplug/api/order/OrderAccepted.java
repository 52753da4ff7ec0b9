package io.quantplug.api.order;

import io.quantplug.api.instrument.InstrumentId;

/**
 * The venue accepted the order; it is working.
 *
 * @param clientOrderId the order
 * @param instrument    its instrument
 * @param timeMillis    acceptance time, UTC epoch milliseconds
 */
public record OrderAccepted(ClientOrderId clientOrderId, InstrumentId instrument, long timeMillis)
        implements OrderEvent {
}
