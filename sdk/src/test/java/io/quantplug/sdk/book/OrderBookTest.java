package io.quantplug.sdk.book;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderBookTest {

    @Test
    void keepsBestLevelsAndRemovesLevelsOnZeroQuantity() {
        OrderBook book = new OrderBook(1);   // grows past its first arrays
        for (int i = 0; i < 40; i++) {
            book.applyBid(100.0 - i, 1.0 + i);
            book.applyAsk(101.0 + i, 2.0 + i);
        }
        assertThat(book.bestBidPrice()).isEqualTo(100.0);
        assertThat(book.bestBidQuantity()).isEqualTo(1.0);
        assertThat(book.bestAskPrice()).isEqualTo(101.0);
        assertThat(book.askPrice(3)).isEqualTo(104.0);
        assertThat(book.bidPrice(39)).isEqualTo(61.0);

        book.applyBid(100.0, 0.0);            // best bid removed: 99 becomes best
        book.applyAsk(100.5, 0.25);           // new best ask inside the spread
        book.applyAsk(105.0, 7.5);            // replace a level's quantity
        book.applyBid(42.0, 0.0);             // removing an absent level is ignored
        assertThat(book.bestBidPrice()).isEqualTo(99.0);
        assertThat(book.bestBidQuantity()).isEqualTo(2.0);
        assertThat(book.bestAskPrice()).isEqualTo(100.5);
        assertThat(book.bestAskQuantity()).isEqualTo(0.25);
        assertThat(book.bidLevels()).isEqualTo(39);
        assertThat(book.askLevels()).isEqualTo(41);

        TopLevels top = new TopLevels(3);
        book.copyTop(top);
        assertThat(top.bidCount()).isEqualTo(3);
        assertThat(new double[]{top.bidPrice(0), top.bidPrice(1), top.bidPrice(2)})
                .containsExactly(99.0, 98.0, 97.0);
        assertThat(new double[]{top.askPrice(0), top.askPrice(1), top.askPrice(2)})
                .containsExactly(100.5, 101.0, 102.0);
        assertThat(top.askQuantity(0)).isEqualTo(0.25);
    }

    @Test
    void emptySideReportsNaNAndSnapshotReplacesEverything() {
        OrderBook book = new OrderBook();
        assertThat(book.bestBidPrice()).isNaN();
        assertThat(book.bestAskQuantity()).isNaN();
        book.applyBid(5.0, 1.0);
        book.load(new DepthSnapshot(7, new double[]{10.0, 12.0, 11.0}, new double[]{1, 2, 3},
                new double[]{13.0}, new double[]{4}));
        assertThat(book.bidLevels()).isEqualTo(3);
        assertThat(book.bestBidPrice()).isEqualTo(12.0);
        assertThat(book.bidPrice(1)).isEqualTo(11.0);
        assertThat(book.bestAskQuantity()).isEqualTo(4.0);
        book.clear();
        assertThat(book.bidLevels() + book.askLevels()).isZero();
        TopLevels top = new TopLevels(5);
        book.copyTop(top);
        assertThat(top.bidCount() + top.askCount()).isZero();
    }

    @Test
    void refusesBadLevelsNamingTheValue() {
        OrderBook book = new OrderBook();
        assertThatThrownBy(() -> book.applyBid(-1.0, 1.0)).hasMessageContaining("price must be finite and > 0");
        assertThatThrownBy(() -> book.applyAsk(1.0, Double.NaN)).hasMessageContaining("quantity");
        assertThatThrownBy(() -> book.bidPrice(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new OrderBook(0)).hasMessageContaining("initialLevels must be >= 1");
        assertThatThrownBy(() -> new DepthSnapshot(1, new double[1], new double[2], new double[0], new double[0]))
                .hasMessageContaining("pair up");
    }
}
