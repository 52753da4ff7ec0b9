package io.quantplug.plugins.orderflow;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.sdk.book.OrderBook;

/**
 * The SDK's {@link OrderBook} seen through the SPI's {@link OrderBookView}, the best {@code depth} levels a side, as
 * the engine will hand its book to strategies: a test-only adapter for replaying a recording.
 */
final class BookView implements OrderBookView {

    private final InstrumentId instrument;
    private final OrderBook book;
    private final int depth;
    private long timeMillis;

    BookView(InstrumentId instrument, OrderBook book, int depth) {
        this.instrument = instrument;
        this.book = book;
        this.depth = depth;
    }

    BookView at(long millis) {
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
