package io.quantplug.sdk.marketdata.binance;

import io.quantplug.api.instrument.InstrumentId;

/**
 * Binance's best bid and offer ({@code bookTicker} stream): the top of the venue's book after order-book update
 * {@code updateId}.
 *
 * @param instrument      the instrument
 * @param updateId        the order-book update id ({@code u}); the same id space as the diff-depth {@code u}
 * @param bidPrice        best bid price
 * @param bidQuantity     quantity at the best bid
 * @param askPrice        best ask price
 * @param askQuantity     quantity at the best ask
 * @param eventTimeMillis event time (UTC epoch ms; 0 on spot, which does not send one)
 */
public record BookTicker(InstrumentId instrument, long updateId, double bidPrice, double bidQuantity,
                         double askPrice, double askQuantity, long eventTimeMillis) {
}
