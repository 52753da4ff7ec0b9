package io.quantplug.runtime.internal.venue;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.order.Side;

import java.math.BigDecimal;

/** How much worse than the reference price a taker fill executes. */
public interface SlippageModel {

    /**
     * The execution price of a taker fill.
     *
     * @param price      the reference price (bar open, stop price), on the tick grid
     * @param side       buy or sell
     * @param instrument the instrument, for tick rounding
     * @return the fill price on the tick grid, never better than {@code price}
     */
    BigDecimal apply(BigDecimal price, Side side, Instrument instrument);
}
