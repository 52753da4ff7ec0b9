package io.quantplug.sdk.book;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderBookTest {

    @Test
    void keepsBestLevelsAndRemovesLevelsOnZeroQuantity() {
        OrderBook book = new OrderBook();
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
    void agreesWithASortedMapOverManyRandomUpdatesAcrossBlocks() {
        // reference: java.util.TreeMap keyed by price; seeded, so the run is the same every time
        java.util.Random random = new java.util.Random(20240808);
        java.util.TreeMap<Double, Double> bidRef = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        java.util.TreeMap<Double, Double> askRef = new java.util.TreeMap<>();
        OrderBook book = new OrderBook();
        TopLevels top = new TopLevels(10);
        for (int step = 0; step < 200_000; step++) {
            boolean bid = random.nextBoolean();
            double price = bid ? 1000 - random.nextInt(3000) * 0.25 : 1000.25 + random.nextInt(3000) * 0.25;
            double qty = random.nextInt(4) == 0 ? 0.0 : 1 + random.nextInt(100);
            if (bid) {
                book.applyBid(price, qty);
                if (qty == 0) {
                    bidRef.remove(price);
                } else {
                    bidRef.put(price, qty);
                }
            } else {
                book.applyAsk(price, qty);
                if (qty == 0) {
                    askRef.remove(price);
                } else {
                    askRef.put(price, qty);
                }
            }
            if (step % 1000 == 0) {
                book.copyTop(top);
                int d = 0;
                for (var e : bidRef.entrySet()) {
                    if (d == top.bidCount()) {
                        break;
                    }
                    assertThat(top.bidPrice(d)).isEqualTo(e.getKey());
                    assertThat(top.bidQuantity(d++)).isEqualTo(e.getValue());
                }
            }
        }
        assertThat(book.bidLevels()).isEqualTo(bidRef.size());
        assertThat(book.askLevels()).isEqualTo(askRef.size());
        int d = 0;
        for (var e : askRef.entrySet()) {
            assertThat(book.askPrice(d)).isEqualTo(e.getKey());
            assertThat(book.askQuantity(d++)).isEqualTo(e.getValue());
        }
        d = 0;
        for (var e : bidRef.entrySet()) {
            assertThat(book.bidPrice(d)).isEqualTo(e.getKey());
            assertThat(book.bidQuantity(d++)).isEqualTo(e.getValue());
        }
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
        assertThatThrownBy(() -> new DepthSnapshot(1, new double[1], new double[2], new double[0], new double[0]))
                .hasMessageContaining("pair up");
    }
}
