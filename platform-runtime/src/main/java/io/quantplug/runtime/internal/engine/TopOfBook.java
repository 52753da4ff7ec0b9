package io.quantplug.runtime.internal.engine;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.OrderBookView;

import java.util.Objects;

/**
 * The top levels of a book as strategies see it: a view of at most {@code depth} levels a side over the session's
 * full book, re-pointed at each update without allocating. Engine thread only.
 */
final class TopOfBook implements OrderBookView {

    private final int depth;
    private OrderBookView book;

    /**
     * A view.
     *
     * @param depth the most levels a side shows, &ge; 1
     * @throws IllegalArgumentException when {@code depth < 1}
     */
    TopOfBook(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("book depth must be >= 1, got " + depth);
        }
        this.depth = depth;
    }

    /** Points the view at the book after an update; returns itself. */
    TopOfBook of(OrderBookView full) {
        this.book = full;
        return this;
    }

    @Override
    public InstrumentId instrument() {
        return book.instrument();
    }

    @Override
    public long timeMillis() {
        return book.timeMillis();
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
