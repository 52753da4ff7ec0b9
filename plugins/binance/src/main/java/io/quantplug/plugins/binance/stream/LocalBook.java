package io.quantplug.plugins.binance.stream;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;
import io.quantplug.sdk.book.TopLevels;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The local book of one symbol: the sequencer and book owned by the stream thread, plus the hand-over slot for a
 * snapshot fetched on another thread (installed by the stream thread before the next depth event).
 */
final class LocalBook {

    final String symbol;
    final InstrumentId instrument;
    final OrderBook book = new OrderBook();
    final DepthSequencer sequencer;
    final TopLevels top;
    final AtomicReference<DepthSnapshot> arrived = new AtomicReference<>();
    /** Nanos (injected clock) of the last snapshot request, or Long.MIN_VALUE when none is outstanding. */
    long requestedAtNanos = Long.MIN_VALUE;
    boolean outstanding;

    LocalBook(String symbol, InstrumentId instrument, SequenceRule rule, int maxBuffered, int topLevels) {
        this.symbol = symbol;
        this.instrument = instrument;
        this.sequencer = new DepthSequencer(rule, book, maxBuffered);
        this.top = new TopLevels(Math.max(1, topLevels));
    }
}
