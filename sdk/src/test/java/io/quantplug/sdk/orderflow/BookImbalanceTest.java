package io.quantplug.sdk.orderflow;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookImbalanceTest {

    private static final InstrumentId ID = InstrumentId.of("BTCUSDT", "BINANCE");

    @Test
    void sumsTheTopLevelsOfEachSide() {
        OrderBookSnapshot book = new OrderBookSnapshot(ID, 0,
                List.of(new BookLevel(100, 3), new BookLevel(99, 1), new BookLevel(98, 5)),
                List.of(new BookLevel(101, 2), new BookLevel(102, 2)));
        assertThat(new BookImbalance(1).compute(book)).isEqualTo(0.2);       // (3 - 2) / 5
        assertThat(new BookImbalance(2).compute(book)).isEqualTo(0.0);       // (4 - 4) / 8
        BookImbalance three = new BookImbalance(3);
        assertThat(three.compute(book)).isEqualTo(5.0 / 13.0);              // (9 - 4) / 13, asks have 2 levels
        assertThat(three.bidQuantity()).isEqualTo(9.0);
        assertThat(three.askQuantity()).isEqualTo(4.0);
    }

    @Test
    void oneSidedAndEmptyBooks() {
        OrderBookSnapshot bidsOnly = new OrderBookSnapshot(ID, 0, List.of(new BookLevel(100, 3)), List.of());
        assertThat(new BookImbalance(5).compute(bidsOnly)).isEqualTo(1.0);
        assertThat(new BookImbalance(5).compute(new OrderBookSnapshot(ID, 0, List.of(), List.of()))).isNaN();
    }

    @Test
    void depthIsBounded() {
        assertThatThrownBy(() -> new BookImbalance(0)).hasMessageContaining("depth must be in 1..1000");
        assertThatThrownBy(() -> new BookImbalance(1_001)).hasMessageContaining("depth");
    }
}
