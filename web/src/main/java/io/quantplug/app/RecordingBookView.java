package io.quantplug.app;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.sdk.book.OrderBook;

import java.util.Objects;

/**
 * The SDK's {@link OrderBook} as the engine's {@link OrderBookView}: the same live book, no copy, at full depth,
 * stamped with the time of the update last applied. The session shows strategies its top levels only.
 *
 * <p>Not thread-safe: the engine thread reads it while the replay, on the same thread, changes it between events.
 */
final class RecordingBookView implements OrderBookView {

    private final InstrumentId instrument;
    private final OrderBook book;
    private long timeMillis;

    /**
     * A view.
     *
     * @param instrument the book's instrument
     * @param book       the live book
     */
    RecordingBookView(InstrumentId instrument, OrderBook book) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.book = Objects.requireNonNull(book, "book");
    }

    /** Stamps the view with the time of the update just applied. */
    void at(long millis) {
        timeMillis = millis;
    }

    @Override
    public InstrumentId instrument() {
        return instrument;
    }

    @Override
    public long timeMillis() {
        return timeMillis;
    }

    @Override
    public int bidLevels() {
        return book.bidLevels();
    }

    @Override
    public int askLevels() {
        return book.askLevels();
    }

    @Override
    public double bidPrice(int level) {
        return book.bidPrice(level);
    }

    @Override
    public double bidQuantity(int level) {
        return book.bidQuantity(level);
    }

    @Override
    public double askPrice(int level) {
        return book.askPrice(level);
    }

    @Override
    public double askQuantity(int level) {
        return book.askQuantity(level);
    }
}
