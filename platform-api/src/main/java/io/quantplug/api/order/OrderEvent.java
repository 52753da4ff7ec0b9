package io.quantplug.api.order;

import io.quantplug.api.instrument.InstrumentId;

/**
 * Something that happened to an order. A closed set: {@link OrderAccepted}, {@link OrderRejected},
 * {@link OrderFilled}, {@link OrderCanceled}, {@link OrderExpired}.
 */
public sealed interface OrderEvent permits OrderAccepted, OrderRejected, OrderFilled, OrderCanceled, OrderExpired {

    /**
     * The order concerned.
     *
     * @return the client order id
     */
    ClientOrderId clientOrderId();

    /**
     * The instrument of the order.
     *
     * @return the instrument id
     */
    InstrumentId instrument();

    /**
     * When it happened.
     *
     * @return UTC epoch milliseconds
     */
    long timeMillis();
}
