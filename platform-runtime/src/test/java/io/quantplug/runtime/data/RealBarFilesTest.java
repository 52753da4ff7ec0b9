package io.quantplug.runtime.data;

import io.quantplug.api.market.Timeframe;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every kline file of the shared real data is either imported with the row count, first and last bar and missing
 * bars its folder's PROVENANCE.md states, or refused with the file, a line and the reason. The expectations below are
 * copied from the PROVENANCE.md files, not from the importer's output.
 */
class RealBarFilesTest {

    private static final List<String> BAR_FOLDERS = List.of(
            "binance-us-btcusdt-1m-2023-03",
            "binance-spot-1m-btc-eth-2021-2023",
            "binance-spot-1h-2021-2023",
            "binance-spot-1h-2017-2021-cdd",
            "binance-spot-btcusdt-1d-2017-2026-cdd",
            "binance-usdm-perp-1h-1d-2020-2024",
            "binance-usdm-1m-filusdt-2023-08-11-vision",
            "kraken-xbt-ohlcvt-2023q1");

    /** The CryptoDataDownload BTC/ETH hourly files: two export generations overlap for 2,649 hours. */
    private static final List<String> REFUSED = List.of(
            "binance-spot-1h-2017-2021-cdd/Binance_BTCUSDT_1h.csv",
            "binance-spot-1h-2017-2021-cdd/Binance_ETHUSDT_1h.csv");

    private static final int UNSTATED = -1;

    private final BarFileReader reader = new BarFileReader();

    /**
     * What PROVENANCE.md states for one file.
     *
     * @param path    file below the shared data folder
     * @param layout  the layout the file is in
     * @param bars    rows (bars after import)
     * @param first   first bar, oldest, UTC ({@code yyyy-MM-ddTHH:mm})
     * @param last    last bar, newest, UTC
     * @param tf      bar length
     * @param missing missing bars between first and last
     * @param gaps    number of gaps, or {@link #UNSTATED}
     * @param reversed whether the file is newest-first
     */
    record Stated(String path, BarFileLayout layout, int bars, String first, String last, Timeframe tf,
                  long missing, int gaps, boolean reversed) {

        @Override
        public String toString() {
            return path;
        }
    }

    static List<Stated> statedFiles() {
        List<Stated> all = new ArrayList<>();
        BarFileLayout headed = BarFileLayout.HEADED_OHLCV;
        all.add(new Stated("binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv", headed, 30_240,
                "2023-03-01T00:00", "2023-03-21T23:59", Timeframe.M1, 0, 0, false));

        String spot1m = "binance-spot-1m-btc-eth-2021-2023/";
        all.add(new Stated(spot1m + "BTCUSDT_1m_2021chunk.csv", headed, 50_000, "2021-03-26T03:00",
                "2021-04-30T03:33", Timeframe.M1, 434, 2, false));
        all.add(new Stated(spot1m + "ETHUSDT_1m_2021chunk.csv", headed, 50_000, "2021-08-09T03:00",
                "2021-09-13T00:49", Timeframe.M1, 270, 1, false));
        all.add(new Stated(spot1m + "BTCUSDT_1m_2022chunk.csv", headed, 50_000, "2022-06-15T03:00",
                "2022-07-19T20:19", Timeframe.M1, 0, 0, false));
        all.add(new Stated(spot1m + "ETHUSDT_1m_2022chunk.csv", headed, 50_000, "2022-12-01T03:00",
                "2023-01-04T20:19", Timeframe.M1, 0, 0, false));
        all.add(new Stated(spot1m + "BTCUSDT_1m_2023chunk.csv", headed, 50_000, "2023-08-26T03:00",
                "2023-09-29T20:19", Timeframe.M1, 0, 0, false));
        all.add(new Stated(spot1m + "ETHUSDT_1m_2023chunk.csv", headed, 50_000, "2023-10-07T03:00",
                "2023-11-10T20:19", Timeframe.M1, 0, 0, false));

        String spot1h = "binance-spot-1h-2021-2023/";
        all.add(new Stated(spot1h + "BTCUSDT_1h.csv", headed, 23_988, "2021-04-04T20:00", "2023-12-30T19:00",
                Timeframe.H1, 12, 5, false));
        all.add(new Stated(spot1h + "ETHUSDT_1h.csv", headed, 23_989, "2021-04-04T20:00", "2023-12-30T20:00",
                Timeframe.H1, 12, 5, false));
        for (String symbol : List.of("BNB", "SOL", "XRP", "ADA", "DOGE", "LTC", "LINK", "AVAX")) {
            all.add(new Stated(spot1h + symbol + "USDT_1h.csv", headed, 23_988, "2021-04-04T21:00",
                    "2023-12-30T20:00", Timeframe.H1, 12, 5, false));
        }

        String cdd1h = "binance-spot-1h-2017-2021-cdd/";
        for (String symbol : List.of("BNB", "ADA")) {
            all.add(new Stated(cdd1h + "Binance_" + symbol + "USDT_1h.csv", headed, 7_478, "2020-08-01T23:00",
                    "2021-06-10T00:00", Timeframe.H1, 12, UNSTATED, true));
        }

        all.add(new Stated("binance-spot-btcusdt-1d-2017-2026-cdd/Binance_BTCUSDT_d.csv", headed, 3_102,
                "2017-08-17T00:00", "2026-02-14T00:00", Timeframe.D1, 2, 2, true));

        String perp = "binance-usdm-perp-1h-1d-2020-2024/";
        Object[][] perpTable = {
            {"BTCUSDT", 37_660, "2020-01-01T00:00", 1_570}, {"ETHUSDT", 37_660, "2020-01-01T00:00", 1_570},
            {"LINKUSDT", 37_268, "2020-01-17T08:00", 1_554}, {"BNBUSDT", 36_692, "2020-02-10T08:00", 1_530},
            {"DOGEUSDT", 33_067, "2020-07-10T09:00", 1_379}, {"SOLUSDT", 31_485, "2020-09-14T07:00", 1_313},
            {"AVAXUSDT", 31_269, "2020-09-23T07:00", 1_304}, {"NEARUSDT", 30_740, "2020-10-15T08:00", 1_282},
            {"MATICUSDT", 30_573, "2020-10-22T07:00", 1_275}};
        for (Object[] row : perpTable) {
            String symbol = (String) row[0];
            String firstHour = (String) row[2];
            all.add(new Stated(perp + symbol + "_1h.csv", headed, (int) row[1], firstHour, "2024-04-18T03:00",
                    Timeframe.H1, 0, 0, false));
            all.add(new Stated(perp + symbol + "_1d.csv", headed, (int) row[3], firstHour.substring(0, 10) + "T00:00",
                    "2024-04-18T00:00", Timeframe.D1, 0, 0, false));
        }

        String vision = "binance-usdm-1m-filusdt-2023-08-11-vision/FILUSDT-1m-2023-";
        BarFileLayout kline = BarFileLayout.BINANCE_KLINE;
        all.add(new Stated(vision + "08.csv", kline, 44_640, "2023-08-01T00:00", "2023-08-31T23:59", Timeframe.M1,
                0, 0, false));
        all.add(new Stated(vision + "09.csv", kline, 43_200, "2023-09-01T00:00", "2023-09-30T23:59", Timeframe.M1,
                0, 0, false));
        all.add(new Stated(vision + "10.csv", kline, 44_640, "2023-10-01T00:00", "2023-10-31T23:59", Timeframe.M1,
                0, 0, false));
        all.add(new Stated(vision + "11.csv", kline, 43_200, "2023-11-01T00:00", "2023-11-30T23:59", Timeframe.M1,
                0, 0, false));

        // Kraken: every file spans 2023-01-01 00:00 .. the last bar of 2023-03-31 (90 days); bars without trades are
        // omitted, so missing = bars that fit in 90 days - rows (XBTUSDC 1m: 72,883 of 129,600 minutes).
        Object[][] krakenTable = {
            {"XBTUSD", 5, 25_901}, {"XBTUSD", 15, 8_635}, {"XBTUSD", 60, 2_160}, {"XBTUSD", 720, 180},
            {"XBTUSD", 1440, 90}, {"XBTUSDT", 5, 24_945}, {"XBTUSDT", 15, 8_632}, {"XBTUSDT", 60, 2_160},
            {"XBTUSDT", 720, 180}, {"XBTUSDT", 1440, 90}, {"XBTUSDC", 1, 56_717}, {"XBTUSDC", 5, 22_893},
            {"XBTUSDC", 15, 8_569}, {"XBTUSDC", 60, 2_160}, {"XBTUSDC", 720, 180}, {"XBTUSDC", 1440, 90}};
        for (Object[] row : krakenTable) {
            int minutes = (int) row[1];
            int rows = (int) row[2];
            long slots = 90L * 1440 / minutes;
            String last = Instant.parse("2023-04-01T00:00:00Z").minusSeconds(minutes * 60L).toString()
                    .substring(0, 16);
            all.add(new Stated("kraken-xbt-ohlcvt-2023q1/" + row[0] + "_" + minutes + ".csv",
                    BarFileLayout.HEADERLESS_OHLCV, rows, "2023-01-01T00:00", last,
                    new Timeframe(minutes * 60_000L), slots - rows, minutes >= 60 ? 0 : UNSTATED, false));
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statedFiles")
    void importsTheFileAsItsProvenanceStates(Stated stated) {
        LoadedBars loaded = reader.read(SharedData.require(stated.path()));

        BarSeries bars = loaded.series();
        ImportReport report = loaded.report();
        assertThat(report.layout()).isEqualTo(stated.layout());
        assertThat(bars.size()).isEqualTo(stated.bars());
        assertThat(report.dataRows()).isEqualTo(stated.bars());
        assertThat(report.exactDuplicatesDropped()).isZero();
        assertThat(minute(bars.openTimeMillis(0))).isEqualTo(stated.first());
        assertThat(minute(bars.openTimeMillis(bars.size() - 1))).isEqualTo(stated.last());
        assertThat(report.timeframe()).isEqualTo(stated.tf());
        assertThat(bars.timeframe()).isEqualTo(stated.tf());
        assertThat(report.missingBars()).isEqualTo(stated.missing());
        if (stated.gaps() != UNSTATED) {
            assertThat(report.gaps()).hasSize(stated.gaps());
        }
        assertThat(report.reversed()).isEqualTo(stated.reversed());
    }

    @Test
    void findsTheTwoExchangeOutagesOfTheBtcusdt2021MinuteBlock() {
        ImportReport report = reader.read(SharedData.require(
                "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2021chunk.csv")).report();

        assertThat(report.gaps()).extracting(g -> minute(g.lastBarBeforeMillis()) + " +" + g.missingBars())
                .containsExactly("2021-04-20T01:59 +150", "2021-04-25T04:00 +284");
        assertThat(report.timeColumn()).isEqualTo("timestamp");
        assertThat(report.timestampFormats()).containsExactly(TimestampFormat.ISO_8601);
    }

    @Test
    void findsTheFiveSpotOutagesOfTheHourlyFiles() {
        ImportReport report = reader.read(SharedData.require("binance-spot-1h-2021-2023/SOLUSDT_1h.csv")).report();

        // PROVENANCE: 2021-04-20 02:00-03:00, 2021-04-25 05:00-07:00, 2021-08-13 02:00-05:00, 2021-09-29 07:00-08:00,
        // 2023-03-24 13:00
        assertThat(report.gaps()).extracting(g -> minute(g.lastBarBeforeMillis() + 3_600_000) + " x" + g.missingBars())
                .containsExactly("2021-04-20T02:00 x2", "2021-04-25T05:00 x3", "2021-08-13T02:00 x4",
                        "2021-09-29T07:00 x2", "2023-03-24T13:00 x1");
    }

    @Test
    void readsTheDailyCddFileBehindItsBannerNewestFirstWithTwoMissingDays() {
        ImportReport report = reader.read(SharedData.require(
                "binance-spot-btcusdt-1d-2017-2026-cdd/Binance_BTCUSDT_d.csv")).report();

        assertThat(report.timeColumn()).isEqualTo("Unix");
        assertThat(report.timestampFormats()).containsExactly(TimestampFormat.EPOCH_MILLIS);
        assertThat(report.gaps()).extracting(g -> minute(g.lastBarBeforeMillis() + 86_400_000).substring(0, 10))
                .containsExactly("2026-01-08", "2026-01-20");
    }

    @Test
    void readsTheFirstBtcDayAtTheKnownFirstTradePrice() {
        BarSeries bars = reader.read(SharedData.require(
                "binance-spot-btcusdt-1d-2017-2026-cdd/Binance_BTCUSDT_d.csv")).series();

        assertThat(bars.open(0)).isEqualTo(4261.48);
        assertThat(bars.volume(0)).isEqualTo(795.150377);   // Volume BTC, not Volume USDT
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "binance-spot-1h-2017-2021-cdd/Binance_BTCUSDT_1h.csv",
        "binance-spot-1h-2017-2021-cdd/Binance_ETHUSDT_1h.csv"})
    void refusesTheSplicedCddHourlyFilesExplainingTheOverlappingExports(String path) {
        Path file = SharedData.require(path);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ":4832: rows are not in time order: ")
                .withMessageContaining(file.getFileName().toString())
                .withMessageContaining("and 0 rows out of order")
                .withMessageContaining("First conflicting duplicate: lines 4831 and 4832 both open at"
                        + " 2020-11-20T07:00:00Z (written as epoch milliseconds and epoch seconds)")
                .withMessageContaining("Conflicting duplicates span 2020-08-01T23:00:00Z .. 2020-11-20T07:00:00Z")
                .withMessageContaining("the file looks like two exports that overlap")
                .satisfies(e -> assertThat(e.line()).isEqualTo(4832));
    }

    @Test
    void countsAllTwoThousandSixHundredFortyNineDuplicatedHoursOfTheSplicedFiles() {
        // PROVENANCE: every hour of the 2,649-hour overlap appears twice; in ETH one pair happens to be identical.
        assertThatExceptionOfType(DataImportException.class)
                .isThrownBy(() -> reader.read(SharedData.require(REFUSED.get(0))))
                .withMessageContaining("2649 conflicting duplicates (same open time, different values) and 0 rows"
                        + " out of order.");
        assertThatExceptionOfType(DataImportException.class)
                .isThrownBy(() -> reader.read(SharedData.require(REFUSED.get(1))))
                .withMessageContaining("2648 conflicting duplicates (same open time, different values) and 0 rows"
                        + " out of order (besides 1 exact duplicate).");
    }

    @Test
    void coversEveryCsvFileOfTheBarFolders() throws IOException {
        Set<String> covered = new TreeSet<>(REFUSED);
        statedFiles().forEach(s -> covered.add(s.path()));
        Set<String> present = new TreeSet<>();
        for (String folder : BAR_FOLDERS) {
            Path dir = SharedData.require(folder);
            try (Stream<Path> files = Files.list(dir)) {
                present.addAll(files.filter(p -> p.getFileName().toString().endsWith(".csv"))
                        .map(p -> folder + "/" + p.getFileName()).collect(Collectors.toList()));
            }
        }

        assertThat(covered).isEqualTo(present);
    }

    private static String minute(long millis) {
        return Instant.ofEpochMilli(millis).toString().substring(0, 16);
    }
}
