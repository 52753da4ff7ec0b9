package io.quantplug.plugins.binance.stream;

import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.OrderEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps what it is told, for assertions (safe to read from the test thread). */
final class RecordingListener implements ExchangeListener {

    final List<Bar> bars = new CopyOnWriteArrayList<>();
    final List<TradeTick> trades = new CopyOnWriteArrayList<>();
    final List<OrderBookSnapshot> books = new CopyOnWriteArrayList<>();
    final List<OrderEvent> orderEvents = new CopyOnWriteArrayList<>();
    final List<String> connection = new CopyOnWriteArrayList<>();

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
