package io.quantplug.app;

/**
 * The events of a source that holds the order book only (a book snapshot CSV, a depth CSV): no trades, so its
 * trade accessors are never meaningful and refuse to answer.
 */
interface BookEvents extends MarketEvents {

    @Override
    default boolean bookOnly() {
        return true;
    }

    @Override
    default double price() {
        throw new IllegalStateException("an order-book file has no trades");
    }

    @Override
    default double quantity() {
        throw new IllegalStateException("an order-book file has no trades");
    }

    @Override
    default boolean buyerMaker() {
        throw new IllegalStateException("an order-book file has no trades");
    }

    @Override
    default long tradeId() {
        throw new IllegalStateException("an order-book file has no trades");
    }
}
