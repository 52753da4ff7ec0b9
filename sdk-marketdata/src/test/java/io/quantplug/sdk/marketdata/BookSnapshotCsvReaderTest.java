package io.quantplug.sdk.marketdata;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.BookLevel;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tardis book_snapshot_5 and _25 samples (10 rows each); level values read off the files' lines. */
class BookSnapshotCsvReaderTest {

    private static final String FOLDER = "orderbook-small-samples/";
    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE_FUTURES");

    @Test
    void readsTheFiveLevelSnapshots() {
        OrderBookSnapshot first = null;
        OrderBookSnapshot last = null;
        int rows = 0;
        try (BookSnapshotCsvReader r = BookSnapshotCsvReader.open(
                SharedData.require(FOLDER + "binance-futures_book_snapshot_5_BTCUSDT.csv"))) {
            assertThat(r.depth()).isEqualTo(5);
            while (r.next()) {
                first = first == null ? r.snapshot() : first;
                last = r.snapshot();
                rows++;
            }
            assertThat(r.exchangeTimeMicros()).isEqualTo(1598918404284000L);
            assertThat(r.localTimeMicros()).isEqualTo(1598918404289427L);
        }
        assertThat(rows).isEqualTo(10);
        // line 2: ...,1598918403696000,1598918403810979,11657.08,1.714,11657.07,10.896,11657.54,5.4,11656.97,0.2,...
        assertThat(first).isEqualTo(new OrderBookSnapshot(BTC, 1598918403696L,
                List.of(new BookLevel(11657.07, 10.896), new BookLevel(11656.97, 0.2),
                        new BookLevel(11655.78, 0.2), new BookLevel(11655.77, 0.98), new BookLevel(11655.68, 0.111)),
                List.of(new BookLevel(11657.08, 1.714), new BookLevel(11657.54, 5.4),
                        new BookLevel(11657.56, 0.238), new BookLevel(11657.61, 0.077),
                        new BookLevel(11657.92, 0.918))));
        // last line: asks[0] 11657.08 x 1.393, bids[0] 11657.07 x 10.881, bids[4] 11655.7 x 0.188
        assertThat(last.timeMillis()).isEqualTo(1598918404284L);
        assertThat(last.asks().get(0)).isEqualTo(new BookLevel(11657.08, 1.393));
        assertThat(last.bids().get(0)).isEqualTo(new BookLevel(11657.07, 10.881));
        assertThat(last.bids().get(4)).isEqualTo(new BookLevel(11655.7, 0.188));
    }

    @Test
    void readsTheTwentyFiveLevelSnapshots() {
        int rows = 0;
        try (BookSnapshotCsvReader r = BookSnapshotCsvReader.open(
                SharedData.require(FOLDER + "binance-futures_book_snapshot_25_BTCUSDT.csv"))) {
            assertThat(r.depth()).isEqualTo(25);
            while (r.next()) {
                if (rows++ == 0) {
                    assertThat(r.snapshot().asks()).hasSize(25);
                    assertThat(r.snapshot().bids()).hasSize(25);
                    // line 2, columns 101..104: asks[24] 11659.34 x 0.618, bids[24] 11653.25 x 1.003
                    assertThat(r.snapshot().asks().get(24)).isEqualTo(new BookLevel(11659.34, 0.618));
                    assertThat(r.snapshot().bids().get(24)).isEqualTo(new BookLevel(11653.25, 1.003));
                }
            }
        }
        assertThat(rows).isEqualTo(10);
    }

    private static final String HEADER2 = "exchange,symbol,timestamp,local_timestamp,asks[0].price,asks[0].amount,"
            + "bids[0].price,bids[0].amount,asks[1].price,asks[1].amount,bids[1].price,bids[1].amount";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "asks not rising|x,BTCUSDT,1,1,10,1,9,1,9.5,1,8,1|asks[1].price 9.5 must be above asks[0].price 10.0",
        "bids not falling|x,BTCUSDT,1,1,10,1,9,1,11,1,9,1|bids[1].price 9.0 must be below bids[0].price 9.0",
        "level after a gap|x,BTCUSDT,1,1,,,9,1,11,1,8,1|asks[1] follows the empty level asks[0]",
        "zero amount|x,BTCUSDT,1,1,10,0,9,1,11,1,8,1|column 'asks[0].amount' is not a number > 0: '0'",
        "short row|x,BTCUSDT,1,1,10,1,9,1|expected 12 columns, got 8"})
    void refusesAMalformedRowNamingFileLineAndReason(String what, String row, String reason, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("book.csv");
        Files.writeString(file, HEADER2 + "\nx,BTCUSDT,1,1,10,1,9,1,11,1,,\n" + row + "\n");
        try (BookSnapshotCsvReader r = BookSnapshotCsvReader.open(file)) {
            assertThat(r.depth()).isEqualTo(2);
            assertThat(r.next()).isTrue();
            assertThat(r.snapshot().bids()).containsExactly(new BookLevel(9, 1));   // a side may be short
            assertThatThrownBy(r::next).isInstanceOf(MarketDataFileException.class)
                    .hasMessage(file + ":3: " + reason);
        }
    }

    @Test
    void refusesAHeaderThatIsNotABookSnapshot(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.csv"),
                "exchange,symbol,timestamp,local_timestamp,bids[0].price,bids[0].amount,asks[0].price,asks[0].amount\n");
        assertThatThrownBy(() -> BookSnapshotCsvReader.open(file)).isInstanceOf(MarketDataFileException.class)
                .hasMessageStartingWith(file + ":1: not a Tardis book_snapshot_1 header");
    }
}
