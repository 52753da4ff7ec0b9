package io.quantplug.api.exchange;

import io.quantplug.api.instrument.InstrumentId;

/**
 * Receives a venue's market data exactly as the venue sent it, each message with its local receive time, from
 * {@link ExchangeAdapter#connectRaw}: what a recorder writes so that a replay sees the same bytes in the same order.
 *
 * <p>Threading: the adapter calls one method at a time (never two concurrently), from its own threads, and the
 * receive times of successive {@link #onStreamMessage} and {@link #onBookSnapshot} calls never decrease. A call
 * should return quickly: the adapter does not read the socket meanwhile. An exception thrown by a method is logged
 * by the adapter and the next message is delivered.
 */
public interface RawMarketListener {

    /**
     * One stream message, unchanged.
     *
     * @param receiveTimeNanos when the adapter received it, UTC epoch nanoseconds (the local clock: see the adapter
     *                         for how it is derived)
     * @param text             the message text exactly as received, not null (Binance: the combined-stream
     *                         envelope {@code {"stream":...,"data":...}})
     */
    void onStreamMessage(long receiveTimeNanos, String text);

    /**
     * An order-book snapshot the adapter fetched over REST after subscribing the instrument's depth stream (again
     * after each reconnect), to rebuild the book from.
     *
     * @param receiveTimeNanos when the answer was complete, UTC epoch nanoseconds (the same clock as messages)
     * @param instrument       the snapshot's instrument, not null
     * @param text             the answer's JSON body, not null (Binance: {@code {"lastUpdateId":...,"bids":...,
     *                         "asks":...}})
     */
    void onBookSnapshot(long receiveTimeNanos, InstrumentId instrument, String text);

    /**
     * The connection failed or recovered (the adapter reconnects by itself until it is closed).
     *
     * @param connected whether the adapter is connected now
     * @param detail    what happened, for people
     */
    void onConnectionChange(boolean connected, String detail);
}
