package io.quantplug.sdk.book;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.OrderBookView;

import java.util.Objects;

/**
 * An {@link OrderBook} seen through the SPI's {@link OrderBookView}: the same live book, no copy, at most
 * {@code depth} levels a side, stamped with the time of the update last applied ({@link #at}). What a replay or a
 * feed hands strategies after each update, and what a test uses to drive a strategy with a rebuilt book.
 *
 * <pre>{@code
 * LiveBookView view = new LiveBookView(instrument, book, 20);
 * sequencer.accept(update);                          // the book changes
 * strategy.onOrderBook(view.at(update.eventTimeMillis()));
 * }</pre>
 *
 * <p>Not thread-safe: the view shows the book as it is when read, so read it on the thread that changes the book.
 */
public final class LiveBookView implements OrderBookView {

    private final InstrumentId instrument;
    private final OrderBook book;
    private final int depth;
    private long timeMillis;

    /**
     * A view.
     *
     * @param instrument the book's instrument, not null
     * @param book       the live book, not null
     * @param depth      the most levels a side shows, &ge; 1 ({@link Integer#MAX_VALUE} for the whole book)
     * @throws IllegalArgumentException when {@code depth < 1}
     */
    public LiveBookView(InstrumentId instrument, OrderBook book, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.book = Objects.requireNonNull(book, "book");
        this.depth = depth;
    }

    /**
     * Stamps the view with the time of the update just applied.
     *
     * @param millis the update's time, UTC epoch milliseconds
     * @return this view
     */
    public LiveBookView at(long millis) {
        timeMillis = millis;
        return this;
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
        return Math.min(depth, book.bidLevels());
    }

    @Override
    public int askLevels() {
        return Math.min(depth, book.askLevels());
    }

    @Override
    public double bidPrice(int level) {
        return book.bidPrice(Objects.checkIndex(level, bidLevels()));
    }

    @Override
    public double bidQuantity(int level) {
        return book.bidQuantity(Objects.checkIndex(level, bidLevels()));
    }

    @Override
    public double askPrice(int level) {
        return book.askPrice(Objects.checkIndex(level, askLevels()));
    }

    @Override
    public double askQuantity(int level) {
        return book.askQuantity(Objects.checkIndex(level, askLevels()));
    }
}
