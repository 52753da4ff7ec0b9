package io.quantplug.sdk.book;

import io.quantplug.sdk.book.DepthSequencer.Outcome;
import io.quantplug.sdk.book.DepthSequencer.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The id rules of Binance's "How to manage a local order book correctly" (spot and USD-M pages), on events built by
 * hand: the ids of the first spot case are those of the shared spot BTCUSDT recording of 2024-08-08 (snapshot
 * lastUpdateId 50093239218; events 189-202, 203-207, 208-224, 225-237 around it).
 */
class DepthSequencerTest {

    private static DepthUpdate event(long first, long last, long previous, double bidPrice, double bidQty) {
        DepthUpdate d = new DepthUpdate();
        d.ids(first, last, previous);
        d.addBid(bidPrice, bidQty);
        return d;
    }

    private static DepthSnapshot snapshot(long id, double bid) {
        return new DepthSnapshot(id, new double[]{bid}, new double[]{1.0}, new double[]{bid + 1},
                new double[]{1.0});
    }

    @Test
    void spotBuffersUntilTheSnapshotDropsStaleEventsAndAppliesTheBridgingOne() {
        OrderBook book = new OrderBook();
        DepthSequencer seq = new DepthSequencer(SequenceRule.SPOT, book, 100);
        assertThat(seq.accept(event(50093239189L, 50093239202L, -1, 10, 1))).isEqualTo(Outcome.BUFFERED);
        assertThat(seq.accept(event(50093239203L, 50093239207L, -1, 11, 1))).isEqualTo(Outcome.BUFFERED);
        assertThat(seq.accept(event(50093239208L, 50093239224L, -1, 12, 3))).isEqualTo(Outcome.BUFFERED);
        assertThat(book.bidLevels()).isZero();

        // 208 <= 50093239218 + 1 <= 224: the third event bridges; the first two are stale
        assertThat(seq.onSnapshot(snapshot(50093239218L, 9))).isEqualTo(State.IN_SYNC);
        assertThat(seq.lastUpdateId()).isEqualTo(50093239224L);
        assertThat(book.bestBidPrice()).isEqualTo(12.0);
        assertThat(book.bidLevels()).isEqualTo(2);            // 9 from the snapshot, 12 from the event

        assertThat(seq.accept(event(50093239225L, 50093239237L, -1, 12, 0))).isEqualTo(Outcome.APPLIED);
        assertThat(book.bestBidPrice()).isEqualTo(9.0);
        assertThat(seq.accept(event(50093239225L, 50093239237L, -1, 12, 0))).isEqualTo(Outcome.DROPPED);
    }

    @Test
    void spotGapClearsTheBookAndAsksForANewSnapshot() {
        OrderBook book = new OrderBook();
        DepthSequencer seq = new DepthSequencer(SequenceRule.SPOT, book, 100);
        seq.onSnapshot(snapshot(100, 50));
        assertThat(seq.state()).isEqualTo(State.AWAITING_BRIDGE);
        assertThat(seq.accept(event(101, 105, -1, 51, 1))).isEqualTo(Outcome.APPLIED);
        // 106..110 is missing
        assertThat(seq.accept(event(111, 115, -1, 52, 1))).isEqualTo(Outcome.GAP);
        assertThat(seq.state()).isEqualTo(State.AWAITING_SNAPSHOT);
        assertThat(book.bidLevels()).isZero();
        assertThat(seq.buffered()).isEqualTo(1);
        assertThat(seq.accept(event(116, 120, -1, 53, 1))).isEqualTo(Outcome.BUFFERED);

        // a snapshot older than the buffered events (U 111 > 108 + 1) cannot be used
        assertThat(seq.onSnapshot(snapshot(108, 50))).isEqualTo(State.AWAITING_SNAPSHOT);
        assertThat(seq.buffered()).isEqualTo(2);
        // a fresh one at 113 is bridged by 111..115, then 116..120 continues
        assertThat(seq.onSnapshot(snapshot(113, 50))).isEqualTo(State.IN_SYNC);
        assertThat(seq.lastUpdateId()).isEqualTo(120);
        assertThat(book.bestBidPrice()).isEqualTo(53.0);
        assertThat(seq.gaps()).isEqualTo(2);
    }

    @Test
    void futuresBridgesTheSnapshotIdItselfAndChainsOnPu() {
        // ids of the shared USD-M BTCUSDT recording's first events: U..u with pu, snapshot at 5123107852948 lies
        // inside one event's range
        OrderBook book = new OrderBook();
        DepthSequencer seq = new DepthSequencer(SequenceRule.FUTURES, book, 100);
        seq.accept(event(5123107850000L, 5123107852948L, 5123107849990L, 10, 1));
        seq.accept(event(5123107852950L, 5123107853000L, 5123107852948L, 11, 1));
        // u == L is not stale for futures (u < L is) and U <= L <= u bridges
        assertThat(seq.onSnapshot(snapshot(5123107852948L, 9))).isEqualTo(State.IN_SYNC);
        assertThat(seq.lastUpdateId()).isEqualTo(5123107853000L);
        assertThat(book.bestBidPrice()).isEqualTo(11.0);
        // pu must equal the previous u; the U of a futures event need not be previous u + 1
        assertThat(seq.accept(event(5123107853107L, 5123107853200L, 5123107853000L, 12, 1)))
                .isEqualTo(Outcome.APPLIED);
        assertThat(seq.accept(event(5123107853300L, 5123107853400L, 5123107853250L, 13, 1)))
                .isEqualTo(Outcome.GAP);
    }

    @Test
    void spotSnapshotAheadOfTheBufferWaitsForTheBridgingEvent() {
        OrderBook book = new OrderBook();
        DepthSequencer seq = new DepthSequencer(SequenceRule.SPOT, book, 2);
        seq.accept(event(1, 5, -1, 10, 1));
        seq.accept(event(6, 9, -1, 10, 1));
        seq.accept(event(10, 12, -1, 10, 1));   // buffer of 2: the oldest is discarded
        assertThat(seq.discarded()).isEqualTo(1);
        assertThat(seq.onSnapshot(snapshot(14, 20))).isEqualTo(State.AWAITING_BRIDGE);
        assertThat(seq.accept(event(13, 14, -1, 21, 1))).isEqualTo(Outcome.DROPPED);
        assertThat(seq.accept(event(15, 16, -1, 21, 1))).isEqualTo(Outcome.APPLIED);
        assertThat(book.bestBidPrice()).isEqualTo(21.0);
        seq.reset();
        assertThat(seq.state()).isEqualTo(State.AWAITING_SNAPSHOT);
        assertThat(book.bidLevels()).isZero();
    }
}
