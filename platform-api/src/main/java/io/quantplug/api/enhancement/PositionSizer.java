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

    /**
     * Rebalancing on drift: the quantity to trade now to bring an open position of the signal pipeline back to the
     * size this sizer wants, asked at each bar's close while the position is open (after the strategies have seen
     * the bar, never during a warm-up, and not while an order of the instrument is working). The engine trades at
     * most down to flat, rounded toward zero to the lot, with a market order of the instance that opened the
     * position. The default never rebalances.
     *
     * @param context the instrument, its history, the account and the reference price
     * @return the signed base quantity to trade (positive buys), or null or zero for none
     * @since 0.2.0
     */
    default BigDecimal rebalance(SizingContext context) {
        return null;
    }
}
