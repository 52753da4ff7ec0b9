package io.quantplug.app;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.runtime.session.TickSink;
import io.quantplug.sdk.marketdata.MarketDataFileException;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tardis book_snapshot_N CSVs replayed as order-book events: each row replaces the whole book, checked level by level
 * against values copied by hand from the file's rows; bars of the mid price; malformed files refused with file, line
 * and reason, and nothing imported.
 */
class BookSnapshotReplayTest {

    private static final String DIR = "orderbook-small-samples/";
    private static final String SNAP_25 = DIR + "binance-futures_book_snapshot_25_BTCUSDT.csv";
    private static final String SNAP_5 = DIR + "binance-futures_book_snapshot_5_BTCUSDT.csv";
    private static final InstrumentId ID = InstrumentId.of("BTCUSDT", "BINANCE_FUTURES");

    @TempDir
    Path tmp;

    /** What a replay handed over. */
    private static final class Seen implements TickSink {
        final List<long[]> times = new ArrayList<>();
        final List<double[]> firstBook = new ArrayList<>();
        OrderBookSnapshot last;
        long trades;

        @Override
        public void onTrade(TradeTick trade) {
            trades++;
        }

        @Override
        public void onOrderBook(OrderBookView book) {
            if (times.isEmpty()) {
                // the first row, levels 0, 1, 2 and 24 of each side (line 2 of the file)
                for (int i : new int[] {0, 1, 2, 24}) {
                    firstBook.add(new double[] {book.askPrice(i), book.askQuantity(i), book.bidPrice(i),
                        book.bidQuantity(i)});
                }
                assertThat(book.askLevels()).isEqualTo(25);
                assertThat(book.bidLevels()).isEqualTo(25);
            }
            times.add(new long[] {book.timeMillis()});
            last = book.snapshot();
        }
    }

    @Test
    void eachRowOfABookSnapshot25CsvReplacesTheWholeBookAtItsExchangeTime() throws IOException {
        Path file = SharedData.require(SNAP_25);
        assertThat(TickFileCache.isTicks(file)).isTrue();
        for (Path cache : new Path[] {null, tmp.resolve("ticks"), tmp.resolve("ticks")}) { // CSV, import, copy
            Seen seen = new Seen();
            List<Bar> bars = new ArrayList<>();
            try (RecordingTicks ticks = RecordingTicks.open(file, cache, ID, Timeframe.parse("1s"))) {
                for (Bar b = ticks.next(seen); b != null; b = ticks.next(seen)) {
                    bars.add(b);
                }
                assertThat(ticks.summary().bookUpdates()).isEqualTo(10);
            }
            assertThat(seen.trades).isZero();
            // line 2: asks[i].price, asks[i].amount, bids[i].price, bids[i].amount for i = 0, 1, 2, 24
            assertThat(seen.firstBook.get(0)).containsExactly(11657.08, 1.714, 11657.07, 10.896);
            assertThat(seen.firstBook.get(1)).containsExactly(11657.54, 5.4, 11656.97, 0.2);
            assertThat(seen.firstBook.get(2)).containsExactly(11657.56, 0.238, 11655.78, 0.2);
            assertThat(seen.firstBook.get(3)).containsExactly(11659.34, 0.618, 11653.25, 1.003);
            // timestamps 1598918403696000 .. 1598918404005000 µs, in ms
            assertThat(seen.times).hasSize(10);
            assertThat(seen.times.get(0)[0]).isEqualTo(1_598_918_403_696L);
            assertThat(seen.times.get(9)[0]).isEqualTo(1_598_918_404_005L);
            // line 11 (the last row): 11659.34 has left the top 25 asks, 11658.87 x 4.094 came in at 13
            OrderBookSnapshot book = seen.last;
            assertThat(book.askLevels()).isEqualTo(25);
            assertThat(book.askPrice(24)).isEqualTo(11659.28);
            assertThat(book.askPrice(13)).isEqualTo(11658.87);
            assertThat(book.askQuantity(13)).isEqualTo(4.094);
            assertThat(book.askQuantity(0)).isEqualTo(1.475);
            assertThat(book.bidQuantity(0)).isEqualTo(10.881);
            assertThat(book.bidQuantity(19)).isEqualTo(0.12);
            // bars of the mid price: every row's best is 11657.08 / 11657.07; nine rows in second 3, one in 4
            double mid = (11657.08 + 11657.07) / 2;
            assertThat(bars).hasSize(2);
            assertThat(bars.get(0).openTimeMillis()).isEqualTo(1_598_918_403_000L);
            assertThat(new double[] {bars.get(0).open(), bars.get(0).high(), bars.get(0).low(), bars.get(0).close(),
                bars.get(0).volume()}).containsExactly(mid, mid, mid, mid, 0);
            assertThat(bars.get(1).openTimeMillis()).isEqualTo(1_598_918_404_000L);
        }
    }

    @Test
    void aBookSnapshot5CsvScansIntoMidPriceBarsAndRefusesVolumeBars() {
        Path file = SharedData.require(SNAP_5);
        RecordingTicks.Scan scan = RecordingTicks.scan(file, tmp.resolve("ticks"), Timeframe.parse("1s"));
        assertThat(scan.trades()).isZero();
        assertThat(scan.bookUpdates()).isEqualTo(10);
        assertThat(scan.symbol()).isEqualTo("BTCUSDT");
        assertThat(scan.barCount()).isEqualTo(2);
        assertThatThrownBy(() -> RecordingTicks.scan(file, null, BarSpec.parse("volume:20")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("--bar volume:20: " + file + ":2 is an order-book event")
                .hasMessageContaining("has no trades to fill volume or dollar bars");
    }

    @Test
    void malformedRowsAreRefusedWithFileLineAndReasonAndNothingIsImported() throws IOException {
        List<String> rows = Files.readAllLines(SharedData.require(SNAP_5));
        String header = rows.get(0);
        String row2 = rows.get(1);
        String row3 = rows.get(2);
        String[][] cases = {
            // a row cut short after its first ask
            {"truncated", row2 + "\n" + String.join(",", Arrays.copyOf(row3.split(","), 6)),
                ":3: expected 24 columns, got 6"},
            // asks[1].price not a number
            {"price", row2.replace(",11657.54,", ",11657.5x,"), ":2: column 'asks[1].price' is not a number > 0:"
                + " '11657.5x'"},
            // the second row received before the first (local_timestamp goes back)
            {"unsorted", row2 + "\n" + row3.replace(",1598918403894256,", ",1598918403000000,"),
                ":3: column 'local_timestamp' goes back"},
            // bids not falling with depth
            {"order", row2.replace(",11656.97,", ",11657.99,"), ":2: bids[1].price 11657.99 must be below"},
        };
        Path cache = tmp.resolve("ticks");
        for (String[] c : cases) {
            Path bad = tmp.resolve(c[0] + ".csv");
            Files.writeString(bad, header + "\n" + c[1] + "\n");
            assertThatThrownBy(() -> RecordingTicks.scan(bad, cache, Timeframe.parse("1s")))
                    .as(c[0]).isInstanceOf(MarketDataFileException.class)
                    .hasMessageContaining(bad + c[2]);
        }
        assertThat(cache).satisfiesAnyOf(d -> assertThat(d).doesNotExist(), d -> assertThat(d).isEmptyDirectory());
    }
}
