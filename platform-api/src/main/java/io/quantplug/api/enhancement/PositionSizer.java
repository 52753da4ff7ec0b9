package io.quantplug.api.enhancement;

import io.quantplug.api.signal.Signal;

import java.math.BigDecimal;

/**
 * Turns a signal into an order quantity. The engine rounds the result down to the lot size, and a buy whose cost
 * at the fill price exceeds the cash is refused by the venue, so leave headroom for fees and price movement.
 * Without a sizer, a long signal invests its strength times the available cash (all of it at strength 1); a sizer
 * decides itself whether to scale by {@link io.quantplug.api.signal.Signal#strength()}.
 */
public non-sealed interface PositionSizer extends Enhancement {

    /**
     * The quantity to trade to enter the signal's direction from flat.
     *
     * @param signal  the signal, after enhancers
     * @param context portfolio, instrument and reference price
     * @return base units, &ge; 0; zero means no order
     */
    BigDecimal size(Signal signal, SizingContext context);
}
