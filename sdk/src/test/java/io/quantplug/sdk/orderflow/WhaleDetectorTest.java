package io.quantplug.sdk.orderflow;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhaleDetectorTest {

    @Test
    void flagsSizesTenTimesTheMedianOfThePreviousOnes() {
        WhaleDetector w = new WhaleDetector(3, 10.0);
        assertThat(w.observe(1)).isFalse(); // window not full: no verdict
        assertThat(w.observe(2)).isFalse();
        assertThat(w.observe(3)).isFalse();
        // median of 1 2 3 = 2: 20 is a whale, 19.9 is not
        assertThat(w.isWhale(19.9)).isFalse();
        assertThat(w.isWhale(20)).isTrue();
        assertThat(w.observe(20)).isTrue(); // tested before it joins: window now 2 3 20, median 3
        assertThat(w.median()).isEqualTo(3.0);
        assertThat(w.isWhale(29)).isFalse();
    }

    @Test
    void findsTheBestRestingLevelThatIsAWhale() {
        WhaleDetector w = new WhaleDetector(4, 5.0);
        for (double size : new double[] {1, 1, 2, 2}) {
            w.record(size); // median 1.5: a whale rests 7.5 or more
        }
        InstrumentId id = InstrumentId.of("BTCUSDT", "BINANCE");
        OrderBookSnapshot book = new OrderBookSnapshot(id, 0,
                List.of(new BookLevel(100, 1), new BookLevel(99, 7.5), new BookLevel(98, 50)),
                List.of(new BookLevel(101, 7.4), new BookLevel(102, 3)));
        assertThat(w.firstWhaleBid(book, 3)).isEqualTo(1);
        assertThat(w.firstWhaleBid(book, 1)).isEqualTo(-1);
        assertThat(w.firstWhaleAsk(book, 5)).isEqualTo(-1);
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> new WhaleDetector(3, 0)).hasMessageContaining("multiple");
    }
}
