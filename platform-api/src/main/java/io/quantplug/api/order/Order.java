package io.quantplug.api.order;

import io.quantplug.api.instrument.InstrumentId;

/**
 * An order request. A closed set: {@link MarketOrder}, {@link LimitOrder} and {@link StopOrder}.
 */
public sealed interface Order permits MarketOrder, LimitOrder, StopOrder {

    /**
     * The client's id for this order, unique within a session.
     *
     * @return the id
     */
    ClientOrderId clientOrderId();

    /**
     * The instrument traded.
     *
     * @return the instrument id
     */
    InstrumentId instrument();

    /**
     * Buy or sell.
     *
     * @return the side
     */
    Side side();

    /**
     * How much to trade.
     *
     * @return the size
     */
    OrderSize size();

    /**
     * How long the order works.
     *
     * @return the time in force
     */
    TimeInForce timeInForce();
}
