package io.quantplug.sdk.marketdata;

import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.DepthUpdate;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Binance depth CSV pair of {@code orderbook-small-samples} (a 100-row snapshot of bids, one 100-row diff); level
 * values read off the files' lines, ids from PROVENANCE.md.
 */
class BinanceDepthCsvReaderTest {

    private static final String FOLDER = "orderbook-small-samples/";
    private static final String HEADER = "symbol,timestamp,first_update_id,last_update_id,side,update_type,price,qty,pu";

    @TempDir
    Path tmp;

    @Test
    void readsTheSnapshotFileAsOneSnapshotOfItsHundredBids() {
        try (BinanceDepthCsvReader r = BinanceDepthCsvReader.open(SharedData.require(FOLDER
                + "btcusdt-depth-snap.csv"))) {
            assertThat(r.next()).isTrue();
            assertThat(r.kind()).isEqualTo(MarketMessageKind.DEPTH_SNAPSHOT);
            assertThat(r.symbol()).isEqualTo("BTCUSDT");
            assertThat(r.timeMillis()).isEqualTo(1_667_346_579_146L);
            assertThat(r.line()).isEqualTo(2);
            DepthSnapshot s = r.snapshot();
            assertThat(s.lastUpdateId()).isEqualTo(2_098_021_528_332L);
            assertThat(s.bidCount()).isEqualTo(100);
            assertThat(s.askCount()).isZero(); // truncated in the sample: bids only
            assertThat(s.bidPrices()[0]).isEqualTo(20377.00); // line 2
            assertThat(s.bidQuantities()[0]).isEqualTo(1.770);
            assertThat(s.bidPrices()[2]).isEqualTo(20376.80); // line 4
            assertThat(s.bidQuantities()[2]).isEqualTo(0.009);
            assertThat(s.bidPrices()[99]).isEqualTo(20365.90); // line 101
            assertThat(s.bidQuantities()[99]).isEqualTo(0.207);
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void readsTheUpdateFileAsOneDiffThatCannotFollowTheSnapshot() {
        DepthSnapshot snapshot;
        try (BinanceDepthCsvReader r = BinanceDepthCsvReader.open(SharedData.require(FOLDER
                + "btcusdt-depth-snap.csv"))) {
            r.next();
            snapshot = r.snapshot();
        }
        try (BinanceDepthCsvReader r = BinanceDepthCsvReader.open(SharedData.require(FOLDER
                + "btcusdt-depth-update.csv"))) {
            assertThat(r.next()).isTrue();
            assertThat(r.kind()).isEqualTo(MarketMessageKind.DEPTH_UPDATE);
            DepthUpdate u = r.update();
            assertThat(u.firstUpdateId()).isEqualTo(2_098_041_693_435L);
            assertThat(u.finalUpdateId()).isEqualTo(2_098_041_696_700L);
            assertThat(u.previousFinalUpdateId()).isEqualTo(2_098_041_693_400L);
            assertThat(u.eventTimeMillis()).isEqualTo(1_667_347_199_939L);
            assertThat(u.bidCount()).isEqualTo(23);
            assertThat(u.askCount()).isEqualTo(77);
            assertThat(u.askPrice(0)).isEqualTo(20472.80); // line 2: a removal
            assertThat(u.askQuantity(0)).isZero();
            assertThat(u.bidPrice(0)).isEqualTo(2047.30); // line 39, the first bid row
            assertThat(u.bidQuantity(0)).isEqualTo(0.009);
            assertThat(u.askPrice(76)).isEqualTo(20879.10); // line 101
            assertThat(u.askQuantity(76)).isEqualTo(10.249);
            // ten minutes after the snapshot: Binance's futures rule (U <= lastUpdateId <= u) cannot bridge them
            DepthSequencer sequencer = new DepthSequencer(SequenceRule.FUTURES, new OrderBook(), 10);
            sequencer.onSnapshot(snapshot);
            assertThat(sequencer.accept(u)).isNotEqualTo(DepthSequencer.Outcome.APPLIED);
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void consecutiveRowsOfOneEventGroupAndTheNextEventStartsAtItsOwnLine() throws IOException {
        Path file = tmp.resolve("depth.csv");
        Files.writeString(file, HEADER + "\n"
                + "BTCUSDT,1000,100,100,b,snap,10.0,1.0,-1\n"
                + "BTCUSDT,1000,100,100,a,snap,10.5,2.0,-1\n"
                + "BTCUSDT,1001,101,103,b,set,10.0,0.000,100\n"
                + "BTCUSDT,1001,101,103,a,set,10.4,3.0,100\n"
                + "BTCUSDT,1002,104,104,a,set,10.4,0,103\n");
        try (BinanceDepthCsvReader r = BinanceDepthCsvReader.open(file)) {
            assertThat(r.next()).isTrue();
            assertThat(r.snapshot().bidCount()).isEqualTo(1);
            assertThat(r.snapshot().askPrices()).containsExactly(10.5);
            assertThat(r.next()).isTrue();
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.update().bidCount() + r.update().askCount()).isEqualTo(2);
            OrderBook book = new OrderBook();
            DepthSequencer sequencer = new DepthSequencer(SequenceRule.FUTURES, book, 10);
            assertThat(sequencer.accept(r.update())).isEqualTo(DepthSequencer.Outcome.BUFFERED);
            assertThat(r.next()).isTrue();
            assertThat(r.line()).isEqualTo(6);
            assertThat(r.update().firstUpdateId()).isEqualTo(104);
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void refusesMalformedRowsWithFileLineAndReason() throws IOException {
        String good = "BTCUSDT,1000,100,100,b,snap,10.0,1.0,-1\n";
        String[][] cases = {
            {"BTCUSDT,1000,100,100,b,snap,10.0\n", ":3: expected 9 columns, got 7"},
            {"BTCUSDT,1000,100,100,b,snap,1O.0,1.0,-1\n", ":3: column 'price' is not a number > 0: '1O.0'"},
            {"BTCUSDT,999,101,101,b,set,10.0,1.0,100\n", ":3: column 'timestamp' goes back: 999 ms after 1000 ms"},
            {"BTCUSDT,1000,100,100,x,snap,10.0,1.0,-1\n", ":3: column 'side' must be b or a, got 'x'"},
            {"BTCUSDT,1001,105,101,b,set,10.0,1.0,100\n", ":3: update ids must satisfy 0 < first_update_id <="},
            {"BTCUSDT,1001,101,101,b,set,10.0,-1,100\n", ":3: column 'qty' is not a number >= 0: '-1'"},
            {"BTCUSDT,1001,101,101,b,delta,10.0,1,100\n", ":3: column 'update_type' must be snap or set"},
            {"ETHUSDT,1001,101,101,b,set,10.0,1,100\n", ":3: symbol 'ETHUSDT' in a file of BTCUSDT"},
        };
        for (String[] c : cases) {
            Path file = tmp.resolve("bad.csv");
            Files.writeString(file, HEADER + "\n" + good + c[0]);
            assertThatThrownBy(() -> {
                try (BinanceDepthCsvReader r = BinanceDepthCsvReader.open(file)) {
                    while (r.next()) {
                        r.kind();
                    }
                }
            }).as(c[1]).isInstanceOf(MarketDataFileException.class).hasMessageContaining(file + c[1]);
        }
        Path other = tmp.resolve("other.csv");
        Files.writeString(other, "symbol,timestamp,price\n");
        assertThatThrownBy(() -> BinanceDepthCsvReader.open(other)).hasMessageContaining(other + ":1: not a Binance"
                + " depth CSV header");
    }
}
