package io.quantplug.plugins.binance.testserver;

import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.OrderEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps what it is told, for assertions (safe to read from the test thread); connection changes as {@code "up: <detail>"} or {@code "down: <detail>"}. */
public final class RecordingListener implements ExchangeListener {

    public final List<Bar> bars = new CopyOnWriteArrayList<>();
    public final List<TradeTick> trades = new CopyOnWriteArrayList<>();
    public final List<OrderBookSnapshot> books = new CopyOnWriteArrayList<>();
    public final List<OrderEvent> orderEvents = new CopyOnWriteArrayList<>();
    public final List<String> connection = new CopyOnWriteArrayList<>();

    @Override
    public void onBar(Bar bar) {
        bars.add(bar);
    }

    @Override
    public void onTrade(TradeTick trade) {
        trades.add(trade);
    }

    @Override
    public void onOrderBook(OrderBookSnapshot book) {
        books.add(book);
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        orderEvents.add(event);
    }

    @Override
    public void onConnectionChange(boolean connected, String detail) {
        connection.add((connected ? "up: " : "down: ") + detail);
    }
}
