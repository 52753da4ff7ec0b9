package io.quantplug.api.market;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.strategy.Strategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderBookViewTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");

    private final OrderBookSnapshot book = new OrderBookSnapshot(BTC, 1_723_075_200_000L,
            List.of(new BookLevel(100.0, 2.0), new BookLevel(99.5, 1.0)),
            List.of(new BookLevel(101.0, 0.5)));

    @Test
    void snapshotIsAViewOfItsLevelsBestFirst() {
        assertThat(book.bidLevels()).isEqualTo(2);
        assertThat(book.askLevels()).isEqualTo(1);
        assertThat(book.bidPrice(1)).isEqualTo(99.5);
        assertThat(book.bidQuantity(0)).isEqualTo(2.0);
        assertThat(book.askQuantity(0)).isEqualTo(0.5);
        assertThat(book.midPrice()).isEqualTo(100.5); // (100 + 101) / 2
        assertThat(book.snapshot()).isSameAs(book);
        assertThatThrownBy(() -> book.askPrice(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void emptySideHasNoBestPrice() {
        OrderBookSnapshot oneSided = new OrderBookSnapshot(BTC, 0, List.of(new BookLevel(100.0, 1.0)), List.of());
        assertThat(oneSided.bestAsk()).isNaN();
        assertThat(oneSided.midPrice()).isNaN();
    }

    @Test
    void defaultSnapshotCopiesTheLevelsOfAnyView() {
        OrderBookView live = new OrderBookView() {
            @Override public InstrumentId instrument() { return BTC; }
            @Override public long timeMillis() { return book.timeMillis(); }
            @Override public int bidLevels() { return book.bidLevels(); }
            @Override public int askLevels() { return book.askLevels(); }
            @Override public double bidPrice(int level) { return book.bidPrice(level); }
            @Override public double bidQuantity(int level) { return book.bidQuantity(level); }
            @Override public double askPrice(int level) { return book.askPrice(level); }
            @Override public double askQuantity(int level) { return book.askQuantity(level); }
        };
        assertThat(live.snapshot()).isEqualTo(book).isNotSameAs(book);
    }

    @Test
    @SuppressWarnings("deprecation")
    void snapshotOverloadReachesTheViewCallback() {
        List<OrderBookView> seen = new ArrayList<>();
        Strategy strategy = new Strategy() {
            @Override public void onBar(Bar bar) { }
            @Override public void onOrderBook(OrderBookView view) { seen.add(view); }
        };
        strategy.onOrderBook(book);
        assertThat(seen).containsExactly(book);
    }
}
