package io.quantplug.sdk.marketdata;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tardis trades CSVs: the shared Binance USD&#9416;-M file (9,999 trades, 5,267 buy-taker and 4,732 sell-taker per
 * its PROVENANCE.md) and the BitMEX sample; first and last rows read off the files.
 */
class TradeCsvReaderTest {

    private static final String HEADER = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount";

    @Test
    void readsEveryTradeOfTheBinanceFuturesFile() {
        Path file = SharedData.require(
                "binance-usdm-btcusdt-trades-2020-02-22-tardis/binance-futures_trades_2020-02-22_BTCUSDT_first9999.csv");
        InstrumentId btc = InstrumentId.of("BTCUSDT", "BINANCE_FUTURES");
        int trades = 0;
        int buys = 0;
        TradeTick last = null;
        try (TradeCsvReader r = TradeCsvReader.open(file)) {
            while (r.next()) {
                if (trades == 0) {
                    // binance-futures,BTCUSDT,1582329602111000,1582329602418379,42377944,buy,9682,0.132
                    assertThat(r.trade()).isEqualTo(new TradeTick(btc, 1582329602111L, 9682, 0.132, Side.BUY,
                            "42377944"));
                    assertThat(r.exchangeTimeMicros()).isEqualTo(1582329602111000L);
                    assertThat(r.localTimeMicros()).isEqualTo(1582329602418379L);
                    assertThat(r.line()).isEqualTo(2);
                }
                trades++;
                buys += r.trade().aggressor() == Side.BUY ? 1 : 0;
                last = r.trade();
            }
            assertThat(r.localTimeMicros()).isEqualTo(1582337147852384L);
        }
        assertThat(trades).isEqualTo(9_999);
        assertThat(buys).isEqualTo(5_267);
        // binance-futures,BTCUSDT,1582337147728000,1582337147852384,42387942,sell,9666.84,0.07
        assertThat(last).isEqualTo(new TradeTick(btc, 1582337147728L, 9666.84, 0.07, Side.SELL, "42387942"));
    }

    @Test
    void readsTheBitmexSampleWithItsTextIds() {
        Path file = SharedData.require("orderbook-small-samples/bitmex_trades_XBTUSD.csv");
        InstrumentId xbt = InstrumentId.of("XBTUSD", "BITMEX");
        int trades = 0;
        TradeTick first = null;
        TradeTick last = null;
        try (TradeCsvReader r = TradeCsvReader.open(file)) {
            while (r.next()) {
                first = first == null ? r.trade() : first;
                last = r.trade();
                trades++;
            }
        }
        assertThat(trades).isEqualTo(10);
        assertThat(first).isEqualTo(new TradeTick(xbt, 1583020803145L, 8531.5, 2152, Side.SELL,
                "ccc3c1fa-212c-e8b0-1706-9b9c4f3d5ecf"));
        assertThat(last).isEqualTo(new TradeTick(xbt, 1583020803276L, 8531.5, 1, Side.SELL,
                "7cae8d7b-b69d-025b-cc3c-84b911f37a8a"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "too few columns|binance-futures,BTCUSDT,1,1582329602418379,7,buy,9682|expected 8 columns, got 7",
        "too many columns|binance-futures,BTCUSDT,1,1582329602418379,7,buy,9682,1,9|expected 8 columns, got 9",
        "bad price|binance-futures,BTCUSDT,1,1582329602418379,7,buy,abc,1|column 'price' is not a number > 0: 'abc'",
        "zero amount|binance-futures,BTCUSDT,1,1582329602418379,7,buy,9682,0|column 'amount' is not a number > 0: '0'",
        "unknown side|binance-futures,BTCUSDT,1,1582329602418379,7,unknown,9682,1|column 'side' must be buy or sell, got 'unknown'",
        "bad time|binance-futures,BTCUSDT,2020-02-22,1582329602418379,7,buy,9682,1|column 'timestamp' is not a non-negative"
                + " integer of microseconds: '2020-02-22'",
        "local time goes back|binance-futures,BTCUSDT,1,1582329602418378,7,buy,9682,1|column 'local_timestamp' goes"
                + " back: 1582329602418378 after 1582329602418379",
        "empty id|binance-futures,BTCUSDT,1,1582329602418379,,buy,9682,1|column 'id' is empty",
        "quoted|binance-futures,\"BTCUSDT\",1,1,7,buy,9682,1|quoted fields are not supported (Tardis CSV has none)"})
    void refusesAMalformedRowNamingFileLineAndReason(String what, String row, String reason, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("trades.csv");
        Files.writeString(file, HEADER + "\nbinance-futures,BTCUSDT,1582329602111000,1582329602418379,42377944,buy,"
                + "9682,0.132\n" + row + "\n");
        try (TradeCsvReader r = TradeCsvReader.open(file)) {
            assertThat(r.next()).isTrue();
            assertThatThrownBy(r::next).isInstanceOf(MarketDataFileException.class)
                    .hasMessage(file + ":3: " + reason);
        }
    }

    @Test
    void refusesAnotherHeaderOrAnEmptyFile(@TempDir Path dir) throws IOException {
        Path bars = dir.resolve("bars.csv");
        Files.writeString(bars, "time,open,high,low,close,volume\n1,2,3,1,2,5\n");
        assertThatThrownBy(() -> TradeCsvReader.open(bars)).isInstanceOf(MarketDataFileException.class)
                .hasMessageStartingWith(bars + ":1: not a Tardis trades header: expected '" + HEADER + "'");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThatThrownBy(() -> TradeCsvReader.open(empty)).isInstanceOf(MarketDataFileException.class)
                .hasMessage(empty + ": empty file: expected a Tardis trades header");
    }
}
