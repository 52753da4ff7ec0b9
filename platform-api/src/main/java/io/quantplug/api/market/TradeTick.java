package io.quantplug.api.market;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.order.Side;

import java.util.Objects;

/**
 * One trade printed by a venue.
 *
 * @param instrument the instrument
 * @param timeMillis trade time, UTC epoch milliseconds
 * @param price      trade price, quote per base, &gt; 0
 * @param quantity   traded quantity, base units, &gt; 0
 * @param aggressor  the taker's side ({@link Side#BUY} when a buyer lifted the offer)
 * @param tradeId    the venue's trade id, not null
 */
public record TradeTick(InstrumentId instrument, long timeMillis, double price, double quantity, Side aggressor,
                        String tradeId) {

    /**
     * Validates the trade.
     *
     * @param instrument the instrument
     * @param timeMillis trade time, UTC epoch milliseconds
     * @param price trade price, quote per base, &gt; 0
     * @param quantity traded quantity, base units, &gt; 0
     * @param aggressor the taker's side ({@link Side#BUY} when a buyer lifted the offer)
     * @param tradeId the venue's trade id, not null
     * @throws IllegalArgumentException when price or quantity is not finite and positive
     * 
     */
    public TradeTick {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(aggressor, "aggressor");
        Objects.requireNonNull(tradeId, "tradeId");
        if (!(price > 0) || !(quantity > 0) || !Double.isFinite(price + quantity)) {
            throw new IllegalArgumentException(instrument + " trade " + tradeId + ": price and quantity must be > 0");
        }
    }
}
