package io.quantplug.sdk.orderflow;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.order.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpoofDetectorTest {

    private static final InstrumentId ID = InstrumentId.of("BTCUSDT", "BINANCE");

    /** Depth 3, median of the last 3 sizes, large = 5x, 1 s window, 80 % must leave untraded, 4 slots. */
    private static SpoofDetector detector() {
        return new SpoofDetector(3, 3, 5.0, 1_000, 0.8, 4);
    }

    /** Bids at 100, 99.5 and 99 with the given sizes; asks 1 each at 101, 101.5, 102. */
    private static OrderBookSnapshot book(long t, double b0, double b1, double b2) {
        return new OrderBookSnapshot(ID, t, List.of(new BookLevel(100, b0), new BookLevel(99.5, b1),
                new BookLevel(99, b2)), List.of(new BookLevel(101, 1), new BookLevel(101.5, 1),
                new BookLevel(102, 1)));
    }

    /** A quiet book (every size 1: median 1), then a 10-lot bid at 99.5 at t = 100 (10 >= 5 x 1): watched. */
    private static SpoofDetector watchingTenAt99_5() {
        SpoofDetector d = detector();
        assertThat(d.onBook(book(0, 1, 1, 1))).isZero();
        assertThat(d.onBook(book(100, 1, 10, 1))).isZero();
        return d;
    }

    @Test
    void flagsALargeBidCanceledWithinTheWindow() {
        SpoofDetector d = watchingTenAt99_5();
        // t = 600: 99.5 shows 1, nothing traded there: 10 - 1 - 0 = 9 >= 0.8 x 10
        assertThat(d.onBook(book(600, 1, 1, 1))).isEqualTo(1);
        assertThat(d.bidSpoofs()).isEqualTo(1);
        assertThat(d.askSpoofs()).isZero();
        assertThat(d.lastSpoofPrice()).isEqualTo(99.5);
        assertThat(d.lastSpoofMillis()).isEqualTo(600);
    }

    @Test
    void aLevelThatTradedAwayIsNotASpoof() {
        SpoofDetector d = watchingTenAt99_5();
        d.onTrade(99.5, 6, Side.SELL);       // sellers hit it: 6 traded
        d.onTrade(99.5, 5, Side.BUY);        // a buyer at that price trades against asks, not this bid
        // 10 - 1 - 6 = 3 < 8
        assertThat(d.onBook(book(600, 1, 1, 1))).isZero();
        d.onTrade(99.5, 0.5, Side.SELL);
        assertThat(d.onBook(book(700, 1, 0.5, 1))).isZero(); // 10 - 0.5 - 6.5 = 3
        assertThat(d.bidSpoofs()).isZero();
    }

    @Test
    void noFlagAfterTheWindowOrWhenTheLevelLeftTheVisibleBook() {
        SpoofDetector late = watchingTenAt99_5();
        assertThat(late.onBook(book(1_101, 1, 1, 1))).isZero(); // 1,001 ms after it appeared
        assertThat(late.bidSpoofs()).isZero();

        SpoofDetector moved = watchingTenAt99_5();
        // the bids moved up: 101, 100.5, 100 -> 99.5 is below the worst visible bid, unknown: dropped
        assertThat(moved.onBook(new OrderBookSnapshot(ID, 600, List.of(new BookLevel(101, 1),
                new BookLevel(100.5, 1), new BookLevel(100, 1)), List.of(new BookLevel(101.5, 1))))).isZero();
        assertThat(moved.onBook(book(700, 1, 1, 1))).isZero(); // no longer watched
        assertThat(moved.bidSpoofs()).isZero();
    }

    @Test
    void thePeakIsTheLargestQuantitySeenWhileWatched() {
        SpoofDetector d = watchingTenAt99_5();
        assertThat(d.onBook(book(200, 1, 20, 1))).isZero(); // grew to 20
        assertThat(d.onBook(book(300, 1, 5, 1))).isZero();  // 20 - 5 = 15 < 16
        assertThat(d.onBook(book(400, 1, 4, 1))).isEqualTo(1); // 20 - 4 = 16 >= 16
    }

    @Test
    void refusesBadParameters() {
        assertThatThrownBy(() -> new SpoofDetector(0, 3, 5, 1_000, 0.8, 4)).hasMessageContaining("depth");
        assertThatThrownBy(() -> new SpoofDetector(3, 3, 5, 1_000, 0, 4)).hasMessageContaining("cancelFraction");
        assertThatThrownBy(() -> new SpoofDetector(3, 3, 5, 0, 0.8, 4)).hasMessageContaining("windowMillis");
    }
}
