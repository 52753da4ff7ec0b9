package io.quantplug.app;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.runtime.session.TickSink;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Binance depth CSV replayed: its snapshot continued by its diffs under Binance's futures rule, the book and the
 * mid-price bars worked out by hand in the comments; the shared update file alone has no snapshot to continue.
 */
class DepthCsvReplayTest {

    private static final InstrumentId ID = InstrumentId.of("BTCUSDT", "BINANCE_FUTURES");

    @TempDir
    Path tmp;

    @Test
    void aSnapshotAndTheDiffsThatContinueItReplayAsBookUpdatesWithMidPriceBars() throws IOException {
        Path file = tmp.resolve("depth.csv");
        Files.writeString(file, "symbol,timestamp,first_update_id,last_update_id,side,update_type,price,qty,pu\n"
                + "BTCUSDT,1000,100,100,b,snap,10.0,1.0,-1\n"
                + "BTCUSDT,1000,100,100,b,snap,9.9,2.0,-1\n"
                + "BTCUSDT,1000,100,100,a,snap,10.2,1.5,-1\n"
                + "BTCUSDT,1000,100,100,a,snap,10.3,1.0,-1\n"
                + "BTCUSDT,1500,99,102,a,set,10.1,0.5,98\n"       // U <= 100 <= u: bridges; best ask 10.1
                + "BTCUSDT,2200,103,105,b,set,10.0,0,102\n"       // pu = 102: best bid 10.0 removed, 9.9 best
                + "BTCUSDT,2300,106,106,b,set,10.05,3,105\n");    // best bid 10.05
        assertThat(TickFileCache.isTicks(file)).isTrue();
        for (Path cache : new Path[] {null, tmp.resolve("ticks"), tmp.resolve("ticks")}) { // CSV, import, copy
            List<double[]> books = new ArrayList<>();
            TickSink sink = new TickSink() {
                @Override
                public void onTrade(TradeTick trade) {
                    throw new AssertionError("no trades in a depth CSV");
                }

                @Override
                public void onOrderBook(OrderBookView b) {
                    books.add(new double[] {b.timeMillis(), b.bestBid(), b.bestAsk(), b.bidLevels(), b.askLevels()});
                }
            };
            List<Bar> bars = new ArrayList<>();
            try (RecordingTicks ticks = RecordingTicks.open(file, cache, ID, Timeframe.parse("1s"))) {
                for (Bar b = ticks.next(sink); b != null; b = ticks.next(sink)) {
                    bars.add(b);
                }
                assertThat(ticks.summary().depthUpdates()).isEqualTo(3);
                assertThat(ticks.summary().resyncs()).isZero();
            }
            assertThat(books).hasSize(3);
            assertThat(books.get(0)).containsExactly(1500, 10.0, 10.1, 2, 3);
            assertThat(books.get(1)).containsExactly(2200, 9.9, 10.1, 1, 3);
            assertThat(books.get(2)).containsExactly(2300, 10.05, 10.1, 2, 3);
            // mids: 10.05 in [1 s, 2 s); 10.0 then 10.075 in [2 s, 3 s)
            assertThat(bars).hasSize(2);
            Bar first = bars.get(0);
            assertThat(new double[] {first.openTimeMillis(), first.open(), first.high(), first.low(), first.close(),
                first.volume()}).containsExactly(1000, (10.0 + 10.1) / 2, (10.0 + 10.1) / 2, (10.0 + 10.1) / 2,
                (10.0 + 10.1) / 2, 0);
            Bar second = bars.get(1);
            assertThat(new double[] {second.openTimeMillis(), second.open(), second.high(), second.low(),
                second.close()}).containsExactly(2000, (9.9 + 10.1) / 2, (10.05 + 10.1) / 2, (9.9 + 10.1) / 2,
                (10.05 + 10.1) / 2);
        }
    }

    @Test
    void theSharedUpdateFileAloneHasNoSnapshotToContinueAndMakesNoBar() {
        Path updates = SharedData.require("orderbook-small-samples/btcusdt-depth-update.csv");
        assertThatThrownBy(() -> RecordingTicks.scan(updates, tmp.resolve("ticks"), Timeframe.parse("1s")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("the file has no trades, and its book never had both bids and asks")
                .hasMessageContaining("(0 book updates)");
    }
}
