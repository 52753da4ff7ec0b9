package io.quantplug.sdk.marketdata;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every shared Binance recording read to the end. The expected counts are {@code zcat FILE | grep -c} of each
 * message's marker ({@code "e":"depthUpdate"}, {@code "e":"trade"}, {@code @bookTicker"}, {@code {"lastUpdateId"})
 * and agree with the folder's PROVENANCE.md; first and last events and first trades are read off the raw lines.
 */
class BinanceRecordingReaderTest {

    private static final String FOLDER = "binance-ws-raw-2024-08-08/";
    private static final JsonFactory JSON = new JsonFactory();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, snapshots, depth, trades, bookTickers, first local ns, first kind, first u, last local ns, last kind, last u, snapshot line, lastUpdateId
        "cm_btcusd_perp_20240808.gz, 1, 26847, 2286, 19136, 1723161256172216566, DEPTH_UPDATE, 1007198631565, 1723161599994891784, DEPTH_UPDATE, 1007202248021, 37, 1007198635033",
        "cm_btcusd_perp_20240809.gz, 0, 17948, 2949, 29219, 1723161600002201584, BOOK_TICKER, 1007202248045, 1723161903531356026, DEPTH_UPDATE, 1007206781963, 0, 0",
        "spot_btcusdt_20240808.gz, 1, 3451, 9757, 28040, 1723161253937085768, DEPTH_UPDATE, 50093239202, 1723161599999231384, BOOK_TICKER, 50093421612, 8, 50093239218",
        "spot_btcusdt_20240809.gz, 0, 3044, 10147, 45134, 1723161600001658384, DEPTH_UPDATE, 50093421612, 1723161904535092233, DEPTH_UPDATE, 50093696318, 0, 0",
        "spot_ethusdt_20240808.gz, 1, 3434, 6106, 24077, 1723161254024619568, BOOK_TICKER, 35346513501, 1723161599900862584, BOOK_TICKER, 35346671850, 6, 35346513512",
        "spot_ethusdt_20240809.gz, 0, 3036, 8409, 34681, 1723161600001233484, DEPTH_UPDATE, 35346671856, 1723161904543279633, BOOK_TICKER, 35346924205, 0, 0",
        "usdm_btcusdt_20240808.gz, 1, 6551, 21313, 66089, 1723161255030314667, DEPTH_UPDATE, 5123107837557, 1723161599833492584, DEPTH_UPDATE, 5123135475514, 55, 5123107852948",
        "usdm_ethusdt_20240808.gz, 1, 6586, 14076, 53992, 1723161255088156767, DEPTH_UPDATE, 5123107837896, 1723161599881488984, DEPTH_UPDATE, 5123135545737, 41, 5123107856276"})
    void readsEveryEventOfASharedRecording(String file, long snapshots, long depth, long trades, long tickers,
                                           long firstLocal, MarketMessageKind firstKind, long firstU,
                                           long lastLocal, MarketMessageKind lastKind, long lastU,
                                           long snapshotLine, long lastUpdateId) {
        Path path = SharedData.require(FOLDER + file);
        Map<MarketMessageKind, Long> counts = new EnumMap<>(MarketMessageKind.class);
        try (BinanceRecordingReader r = BinanceRecordingReader.open(List.of(path), JSON)) {
            assertThat(r.next()).isTrue();
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.localTimeNanos()).isEqualTo(firstLocal);
            assertThat(r.kind()).isEqualTo(firstKind);
            assertThat(r.message().updateId()).isEqualTo(firstU);
            do {
                counts.merge(r.kind(), 1L, Long::sum);
                if (r.kind() == MarketMessageKind.DEPTH_SNAPSHOT) {
                    assertThat(r.line()).isEqualTo(snapshotLine);
                    assertThat(r.snapshot().lastUpdateId()).isEqualTo(lastUpdateId);
                    assertThat(r.snapshot().bidCount()).isEqualTo(1000);   // the collector asked for limit=1000
                }
            } while (r.next());
            assertThat(r.localTimeNanos()).isEqualTo(lastLocal);
            assertThat(r.kind()).isEqualTo(lastKind);
            assertThat(r.message().updateId()).isEqualTo(lastU);
            assertThat(r.ignored()).isZero();
            assertThat(r.line()).isEqualTo(snapshots + depth + trades + tickers);
        }
        assertThat(counts.getOrDefault(MarketMessageKind.DEPTH_SNAPSHOT, 0L)).isEqualTo(snapshots);
        assertThat(counts.get(MarketMessageKind.DEPTH_UPDATE)).isEqualTo(depth);
        assertThat(counts.get(MarketMessageKind.TRADE)).isEqualTo(trades);
        assertThat(counts.get(MarketMessageKind.BOOK_TICKER)).isEqualTo(tickers);
        assertThat(counts).doesNotContainKey(MarketMessageKind.AGG_TRADE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, t, p, q, T, m (the first "e":"trade" line of the file)
        "cm_btcusd_perp_20240808.gz, 849714402, 61804.8, 4, 1723161257679, false",
        "cm_btcusd_perp_20240809.gz, 849716688, 61668.7, 4, 1723161601913, false",
        "spot_btcusdt_20240808.gz, 3735683259, 61837.63, 0.02, 1723161255342, true",
        "spot_btcusdt_20240809.gz, 3735693016, 61685.99, 0.00017, 1723161601437, true",
        "spot_ethusdt_20240808.gz, 1520538925, 2683.8, 0.002, 1723161255611, true",
        "spot_ethusdt_20240809.gz, 1520545031, 2682.51, 0.0046, 1723161601550, false",
        "usdm_btcusdt_20240808.gz, 5266583935, 61800.3, 0.006, 1723161256322, false",
        "usdm_ethusdt_20240808.gz, 4308068523, 2681.62, 1.0, 1723161256560, true"})
    void firstTradeHasTheFieldsOfItsLine(String file, long id, double price, double quantity, long time,
                                         boolean buyerMaker) {
        try (BinanceRecordingReader r = BinanceRecordingReader.open(List.of(SharedData.require(FOLDER + file)),
                JSON)) {
            while (r.next() && r.kind() != MarketMessageKind.TRADE) {
                // skip to the first trade
            }
            MarketStreamDecoder t = r.message();
            assertThat(new Object[] {t.tradeId(), t.price(), t.quantity(), t.tradeTimeMillis(), t.buyerMaker()})
                    .containsExactly(id, price, quantity, time, buyerMaker);
        }
    }

    @Test
    void twoDayFilesReadAsOneRecordingWithLinesCountedPerFile() {
        Path day1 = SharedData.require(FOLDER + "spot_ethusdt_20240808.gz");
        Path day2 = SharedData.require(FOLDER + "spot_ethusdt_20240809.gz");
        long events = 0;
        try (BinanceRecordingReader r = BinanceRecordingReader.open(List.of(day1, day2), JSON)) {
            while (r.next()) {
                events++;
                if (events == 33_619) {
                    assertThat(r.file()).isEqualTo(day2);
                    assertThat(r.line()).isEqualTo(1);
                }
            }
            assertThat(r.file()).isEqualTo(day2);
            assertThat(r.line()).isEqualTo(46_126);
        }
        assertThat(events).isEqualTo(33_618 + 46_126);
    }

    private static final String TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
            + "\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,"
            + "\"m\":true,\"M\":true}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no time|" + "{\"result\":null,\"id\":1}|expected '<local receive time ns> <JSON message>'",
        "time not a number|12x4 {}|local receive time is not a non-negative integer of nanoseconds: '12x4'",
        "truncated JSON|1723161254087896569 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"p\":\"1|"
                + "undecodable Binance stream message",
        "price not a number|1723161254087896569 {\"data\":{\"e\":\"trade\",\"s\":\"X\",\"t\":1,\"p\":\"abc\","
                + "\"q\":\"1\",\"T\":5}}|undecodable Binance stream message",
        "trade without price|1723161254087896569 {\"data\":{\"e\":\"trade\",\"s\":\"X\",\"t\":1,\"q\":\"1\",\"T\":5}}|"
                + "trade price 'p' must be > 0, got NaN",
        "depth without U|1723161254087896569 {\"data\":{\"e\":\"depthUpdate\",\"s\":\"X\",\"u\":9,\"b\":[],\"a\":[]}}|"
                + "depthUpdate update ids must satisfy 0 < U <= u, got U=0 u=9",
        "negative depth quantity|1723161254087896569 {\"data\":{\"e\":\"depthUpdate\",\"s\":\"X\",\"U\":1,\"u\":9,"
                + "\"b\":[[\"5.0\",\"-1\"]],\"a\":[]}}|bid quantity must be >= 0, got -1.0",
        "bookTicker without u|1723161254087896569 {\"data\":{\"e\":\"bookTicker\",\"s\":\"X\",\"u\":0,\"b\":\"1\","
                + "\"B\":\"1\",\"a\":\"2\",\"A\":\"1\"}}|bookTicker without update id 'u'",
        "snapshot without id|1723161254087896569 {\"lastUpdateId\":\"x\",\"bids\":[],\"asks\":[]}|"
                + "undecodable Binance stream message",
        "time goes back|1723161254087896567 {\"result\":null,\"id\":1}|local receive time goes back: "
                + "1723161254087896567 after 1723161254087896568"})
    void refusesAMalformedLineNamingFileLineAndReason(String what, String badLine, String reason,
                                                      @TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("1723161254087896568 " + TRADE + "\n" + badLine + "\n").getBytes(StandardCharsets.UTF_8));
        }
        try (BinanceRecordingReader r = BinanceRecordingReader.open(List.of(file), JSON)) {
            assertThat(r.next()).isTrue();
            assertThat(r.kind()).isEqualTo(MarketMessageKind.TRADE);
            assertThatThrownBy(r::next).isInstanceOf(MarketDataFileException.class)
                    .hasMessageStartingWith(file + ":2: " + reason)
                    .satisfies(e -> assertThat(((MarketDataFileException) e).line()).isEqualTo(2));
        }
    }

    @Test
    void subscriptionAnswersArePassedOverAndCounted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "5 {\"result\":null,\"id\":1}\n1723161254087896568 " + TRADE + "\n");
        try (BinanceRecordingReader r = BinanceRecordingReader.open(List.of(file), JSON)) {
            assertThat(r.next()).isTrue();
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.message().price()).isEqualTo(61837.63);
            assertThat(r.next()).isFalse();
            assertThat(r.ignored()).isEqualTo(1);
        }
    }

    @Test
    void aMissingFileIsRefusedWithItsName(@TempDir Path dir) {
        Path missing = dir.resolve("nope.gz");
        try (BinanceRecordingReader r = BinanceRecordingReader.open(List.of(missing), JSON)) {
            assertThatThrownBy(r::next).isInstanceOf(MarketDataFileException.class)
                    .hasMessageStartingWith(missing + ": cannot read:");
        }
    }
}
