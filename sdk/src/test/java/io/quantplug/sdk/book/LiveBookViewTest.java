package io.quantplug.sdk.book;

import io.quantplug.api.instrument.InstrumentId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveBookViewTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");

    @Test
    void showsTheLiveBookUpToItsDepthBestFirst() {
        OrderBook book = new OrderBook();
        book.applyBid(100.0, 1);
        book.applyBid(99.0, 2);
        book.applyBid(98.0, 3);
        book.applyAsk(101.0, 4);
        LiveBookView view = new LiveBookView(BTC, book, 2).at(1_000);
        assertThat(view.bidLevels()).isEqualTo(2); // three in the book, depth 2
        assertThat(view.bidPrice(1)).isEqualTo(99.0);
        assertThat(view.askQuantity(0)).isEqualTo(4.0);
        assertThat(view.midPrice()).isEqualTo(100.5);
        assertThat(view.timeMillis()).isEqualTo(1_000);
        assertThatThrownBy(() -> view.bidPrice(2)).isInstanceOf(IndexOutOfBoundsException.class);
        book.applyBid(100.0, 0); // the best bid leaves: the view follows, no copy
        assertThat(view.bestBid()).isEqualTo(99.0);
        assertThatThrownBy(() -> new LiveBookView(BTC, book, 0)).hasMessageContaining("depth must be >= 1");
    }
}
