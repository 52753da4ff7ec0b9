package io.quantplug.api.order;

import io.quantplug.api.instrument.InstrumentId;

/**
 * The order's time in force ran out before it filled (IOC/FOK not fillable at once, DAY at the end of the day).
 *
 * @param clientOrderId the order
 * @param instrument    its instrument
 * @param timeMillis    expiry time, UTC epoch milliseconds
 */
public record OrderExpired(ClientOrderId clientOrderId, InstrumentId instrument, long timeMillis)
        implements OrderEvent {
}
