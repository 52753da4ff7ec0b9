package io.quantplug.app;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookView;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.runtime.session.TickSink;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A real recording replayed as ticks: the trades, the book and the bars in one time order, checked against the
 * file's own counts (PROVENANCE.md), the independent bar computation of {@code recording-bars-reference.txt}, and the
 * book's own invariants.
 */
class RecordingTicksTest {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");

    /** Checks the order of what the replay hands over and sums it up. */
    private static final class Checking implements TickSink {
        long lastTime = Long.MIN_VALUE;
        long trades;
        long books;
        long crossed;
        double volume;
        double firstPrice = Double.NaN;
        double lastPrice;
        int maxLevels;

        private void at(long t) {
            assertThat(t).as("event time").isGreaterThanOrEqualTo(lastTime);
            lastTime = t;
        }

        @Override
        public void onTrade(TradeTick trade) {
            at(trade.timeMillis());
            trades++;
            volume += trade.quantity();
            if (Double.isNaN(firstPrice)) {
                firstPrice = trade.price();
            }
            lastPrice = trade.price();
        }

        @Override
        public void onOrderBook(OrderBookView book) {
            at(book.timeMillis());
            books++;
            if (book.bidLevels() > 0 && book.askLevels() > 0 && !(book.bestBid() < book.bestAsk())) {
                crossed++;
            }
            maxLevels = Math.max(maxLevels, book.bidLevels());
        }

        void bar(Bar bar) {
            // a bar comes at its close, before any event at or after it
            assertThat(bar.closeTimeMillis()).as("bar close").isGreaterThan(lastTime);
            at(bar.openTimeMillis() <= lastTime ? lastTime : bar.openTimeMillis());
        }
    }

    @Test
    void aSpotRecordingReplaysItsTradesBookAndBarsInOneTimeOrder() throws IOException {
        Path file = SharedData.require("binance-ws-raw-2024-08-08/spot_btcusdt_20240808.gz");
        List<String> reference;
        try (InputStream in = RecordingTicksTest.class.getResourceAsStream("recording-bars-reference.txt")) {
            reference = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        Checking sink = new Checking();
        double barVolume = 0;
        int bars = 0;
        Bar first = null;
        Bar last = null;
        try (RecordingTicks ticks = RecordingTicks.open(file, null, BTC, Timeframe.parse("1s"))) {
            long start = ticks.startMillis();
            assertThat(start).isPositive();
            for (Bar b = ticks.next(sink); b != null; b = ticks.next(sink)) {
                sink.bar(b);
                barVolume += b.volume();
                bars++;
                first = first == null ? b : first;
                last = b;
            }
            RecordingTicks.Summary summary = ticks.summary();
            assertThat(summary.trades()).isEqualTo(sink.trades).isEqualTo(9_757); // trade messages (PROVENANCE.md)
            assertThat(summary.depthUpdates()).isEqualTo(3_451); // depthUpdate messages in the file
            assertThat(summary.resyncs()).isZero();
            assertThat(summary.bookUpdates()).isEqualTo(sink.books).isPositive();
            assertThat(summary.bars()).isEqualTo(bars);
        }
        assertThat(sink.crossed).as("book states with best bid >= best ask").isZero();
        assertThat(sink.maxLevels).as("the whole book, not a top").isGreaterThan(100);
        // the reference's bars (trade times as stamped) hold the same trades: same volume, same first and last price
        double referenceVolume = reference.stream().mapToDouble(l -> Double.parseDouble(l.split(" ")[5])).sum();
        assertThat(sink.volume).isCloseTo(referenceVolume, within(referenceVolume * 1e-12));
        assertThat(barVolume).isCloseTo(referenceVolume, within(referenceVolume * 1e-12));
        String[] firstRef = reference.get(0).split(" ");
        String[] lastRef = reference.get(reference.size() - 1).split(" ");
        assertThat(first.openTimeMillis()).isEqualTo(Long.parseLong(firstRef[0]));
        assertThat(first.open()).isEqualTo(Double.parseDouble(firstRef[1])).isEqualTo(sink.firstPrice);
        assertThat(last.close()).isEqualTo(Double.parseDouble(lastRef[4])).isEqualTo(sink.lastPrice);
    }
}
