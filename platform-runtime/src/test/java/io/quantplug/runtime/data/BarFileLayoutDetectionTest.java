package io.quantplug.runtime.data;

import io.quantplug.api.market.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static io.quantplug.runtime.data.CsvFixtures.JAN_1_2024;
import static io.quantplug.runtime.data.CsvFixtures.MINUTE;
import static io.quantplug.runtime.data.CsvFixtures.write;
import static io.quantplug.runtime.data.CsvFixtures.writeGzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BarFileLayoutDetectionTest {

    private static final String KLINE_HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore\n";
    private static final String KLINE_ROWS = """
            1704067200000,42283.58,42298.62,42261.02,42298.61,35.92724,1704067259999,1519032.7,1327,19.5,824551.9,0
            1704067260000,42298.62,42320.00,42298.61,42320.00,21.48886,1704067319999,909147.6,1021,12.1,512004.3,0
            1704067320000,42319.99,42331.54,42319.99,42325.00,22.21748,1704067379999,940429.8,946,10.0,423288.0,0
            """;

    @TempDir
    Path dir;

    private final BarFileReader reader = new BarFileReader();

    @Test
    void readsHeaderlessBinanceSpotKlinesInEpochMilliseconds() {
        LoadedBars loaded = reader.read(write(dir, "BTCUSDT-1m-2024-01.csv", KLINE_ROWS));

        ImportReport report = loaded.report();
        assertThat(report.layout()).isEqualTo(BarFileLayout.BINANCE_KLINE);
        assertThat(report.timeColumn()).isEqualTo("column 1");
        assertThat(report.timestampFormats()).containsExactly(TimestampFormat.EPOCH_MILLIS);
        assertThat(report.timeframe()).isEqualTo(Timeframe.M1);
        BarSeries bars = loaded.series();
        assertThat(bars.size()).isEqualTo(3);
        assertThat(bars.openTimeMillis(0)).isEqualTo(JAN_1_2024);
        assertThat(bars.open(0)).isEqualTo(42283.58);
        assertThat(bars.high(0)).isEqualTo(42298.62);
        assertThat(bars.low(0)).isEqualTo(42261.02);
        assertThat(bars.close(0)).isEqualTo(42298.61);
        assertThat(bars.volume(0)).isEqualTo(35.92724);    // base volume, not quote volume or trade count
        assertThat(bars.close(2)).isEqualTo(42325.00);
    }

    @Test
    void readsBinanceKlinesWithTheHeaderOfUsdmDumps() {
        LoadedBars loaded = reader.read(write(dir, "FILUSDT-1m.csv", KLINE_HEADER + KLINE_ROWS));

        assertThat(loaded.report().layout()).isEqualTo(BarFileLayout.BINANCE_KLINE);
        assertThat(loaded.report().timeColumn()).isEqualTo("open_time");
        assertThat(loaded.report().dataRows()).isEqualTo(3);
        assertThat(loaded.series().volume(1)).isEqualTo(21.48886);
    }

    @Test
    void readsBinanceSpotKlinesInEpochMicrosecondsAsDumpedSince2025() {
        String micros = """
                1735689600000000,93576.00,93610.93,93537.50,93610.93,8.21827,1735689659999999,768978.6,2557,3.8,355536.6,0
                1735689660000000,93610.93,93652.00,93606.19,93652.00,14.73613,1735689719999999,1379705.1,2846,9.2,861356.8,0
                """;

        LoadedBars loaded = reader.read(write(dir, "BTCUSDT-1m-2025-01.csv", micros));

        assertThat(loaded.report().timestampFormats()).containsExactly(TimestampFormat.EPOCH_MICROS);
        assertThat(Instant.ofEpochMilli(loaded.series().openTimeMillis(0))).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(loaded.report().timeframe()).isEqualTo(Timeframe.M1);
    }

    @Test
    void readsTimestampColumnWithIsoTimesWithoutZoneAsUtc() {
        LoadedBars loaded = reader.read(write(dir, "BTCUSDT_1m.csv", """
                timestamp,open,high,low,close,volume
                2024-01-01 00:00:00,10,12,9,11,1.5
                2024-01-01 00:01:00,11,13,10,12,2.5
                """));

        assertThat(loaded.report().layout()).isEqualTo(BarFileLayout.HEADED_OHLCV);
        assertThat(loaded.report().timeColumn()).isEqualTo("timestamp");
        assertThat(loaded.report().timestampFormats()).containsExactly(TimestampFormat.ISO_8601);
        assertThat(loaded.series().openTimeMillis(0)).isEqualTo(JAN_1_2024);
        assertThat(loaded.series().openTimeMillis(1)).isEqualTo(JAN_1_2024 + MINUTE);
    }

    @Test
    void readsOpenTimeColumnWithOffsetsAndZuluNormalisedToUtc() {
        LoadedBars loaded = reader.read(write(dir, "offsets.csv", """
                open_time,open,high,low,close,volume
                2024-01-01 00:00:00+00:00,10,12,9,11,1
                2024-01-01T00:01:00Z,11,13,10,12,2
                2024-01-01T02:02:00+02:00,12,14,11,13,3
                2023-12-31T19:03:00-05:00,13,15,12,14,4
                """));

        BarSeries bars = loaded.series();
        assertThat(bars.size()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(bars.openTimeMillis(i)).isEqualTo(JAN_1_2024 + i * MINUTE);
        }
    }

    @Test
    void readsDateColumnWithDateOnlyValuesAsMidnightUtc() {
        LoadedBars loaded = reader.read(write(dir, "daily.csv", """
                date,open,high,low,close,volume
                2026-02-13,66000,69000,65500,68853.97,20000
                2026-02-14,68853.97,70560.01,68730.13,69822.95,18114.78
                """));

        assertThat(loaded.report().timeColumn()).isEqualTo("date");
        assertThat(loaded.report().timeframe()).isEqualTo(Timeframe.D1);
        assertThat(Instant.ofEpochMilli(loaded.series().openTimeMillis(1))).isEqualTo("2026-02-14T00:00:00Z");
    }

    @Test
    void prefersTheUnixEpochColumnOverTheTextDateColumnAndTakesTheFirstVolumeColumn() {
        LoadedBars loaded = reader.read(write(dir, "Binance_BTCUSDT_1h.csv", """
                unix,date,symbol,open,high,low,close,Volume BTC,Volume USDT,tradecount
                1704070800000,2024-01-01 01-AM,BTC/USDT,42500.1,42600,42400,42550,120.5,5127275.5,9000
                1704067200.0,2024-01-01 12-AM,BTC/USDT,42300,42550,42250,42500.1,100.25,4253112.5,NULL
                """));

        ImportReport report = loaded.report();
        assertThat(report.timeColumn()).isEqualTo("unix");
        assertThat(report.timestampFormats())
                .containsExactlyInAnyOrder(TimestampFormat.EPOCH_MILLIS, TimestampFormat.EPOCH_SECONDS);
        assertThat(report.reversed()).isTrue();
        assertThat(report.timeframe()).isEqualTo(Timeframe.H1);
        assertThat(loaded.series().openTimeMillis(0)).isEqualTo(JAN_1_2024);
        assertThat(loaded.series().volume(0)).isEqualTo(100.25);   // Volume BTC, not Volume USDT
    }

    @Test
    void readsUnixColumnInEpochSecondsAndIgnoresExtraColumnsInAnyOrderAndCase() {
        LoadedBars loaded = reader.read(write(dir, "mixed-case.csv", """
                Ticker, Close ,VOL,Unix,Low,O,High,Trades
                BTCUSDT,11,1.5,1704067200,9,10,12,7
                BTCUSDT,12,2.5,1704067260,10,11,13,8
                """));

        assertThat(loaded.report().timeColumn()).isEqualTo("Unix");
        assertThat(loaded.report().timestampFormats()).containsExactly(TimestampFormat.EPOCH_SECONDS);
        BarSeries bars = loaded.series();
        assertThat(bars.openTimeMillis(0)).isEqualTo(JAN_1_2024);
        assertThat(new double[] {bars.open(1), bars.high(1), bars.low(1), bars.close(1), bars.volume(1)})
                .containsExactly(11, 13, 10, 12, 2.5);
    }

    @Test
    void readsShortColumnNamesAndATsColumn() {
        LoadedBars loaded = reader.read(write(dir, "short.csv", """
                ts,o,h,l,c,v
                1704067200000,10,12,9,11,1
                1704067260000,11,13,10,12,2
                """));

        assertThat(loaded.report().timeColumn()).isEqualTo("ts");
        assertThat(loaded.series().close(1)).isEqualTo(12);
    }

    @Test
    void toleratesOneBannerLineBeforeTheHeader() {
        LoadedBars loaded = reader.read(write(dir, "Binance_BTCUSDT_d.csv", """
                https://www.CryptoDataDownload.com
                Unix,Date,Symbol,Open,High,Low,Close,Volume BTC,Volume USDT,tradecount
                1704153600000,2024-01-02,BTCUSDT,42283.58,45879.63,42180.77,44179.55,55244.39,2440000000,2000000
                1704067200000,2024-01-01,BTCUSDT,42283.58,44184.10,42180.77,44179.55,27174.30,1180000000,1000000
                """));

        assertThat(loaded.report().layout()).isEqualTo(BarFileLayout.HEADED_OHLCV);
        assertThat(loaded.report().timeColumn()).isEqualTo("Unix");
        assertThat(loaded.report().dataRows()).isEqualTo(2);
        assertThat(loaded.report().reversed()).isTrue();
        assertThat(loaded.series().openTimeMillis(0)).isEqualTo(JAN_1_2024);
    }

    @Test
    void skipsAByteOrderMarkBeforeTheHeader() {
        LoadedBars loaded = reader.read(write(dir, "bom.csv", "\uFEFFtimestamp,open,high,low,close,volume\n"
                + "1704067200000,10,12,9,11,1\n1704067260000,11,13,10,12,2\n"));

        assertThat(loaded.report().timeColumn()).isEqualTo("timestamp");
        assertThat(loaded.series().size()).isEqualTo(2);
    }

    @Test
    void readsHeaderlessKrakenOhlcvtInEpochSeconds() {
        LoadedBars loaded = reader.read(write(dir, "XBTUSDC_1.csv", """
                1704067200,42000.1,42010.0,41990.5,42005.0,0.01429883,2
                1704067260,42005.0,42005.0,42005.0,42005.0,0.0001,1
                """));

        assertThat(loaded.report().layout()).isEqualTo(BarFileLayout.HEADERLESS_OHLCV);
        assertThat(loaded.report().timestampFormats()).containsExactly(TimestampFormat.EPOCH_SECONDS);
        assertThat(loaded.series().openTimeMillis(1)).isEqualTo(JAN_1_2024 + MINUTE);
        assertThat(loaded.series().volume(0)).isEqualTo(0.01429883);
    }

    @Test
    void readsHeaderlessSixColumnsWithIsoTimes() {
        LoadedBars loaded = reader.read(write(dir, "iso-headerless.csv", """
                2024-01-01T00:00:00Z,10,12,9,11,1
                2024-01-01T00:01:00Z,11,13,10,12,2
                """));

        assertThat(loaded.report().layout()).isEqualTo(BarFileLayout.HEADERLESS_OHLCV);
        assertThat(loaded.series().openTimeMillis(0)).isEqualTo(JAN_1_2024);
    }

    @Test
    void readsAGzipFileNamedCsvGz() {
        LoadedBars loaded = reader.read(writeGzip(dir, "BTCUSDT-1m.csv.gz", KLINE_HEADER + KLINE_ROWS));

        assertThat(loaded.report().layout()).isEqualTo(BarFileLayout.BINANCE_KLINE);
        assertThat(loaded.series().size()).isEqualTo(3);
    }

    @Test
    void recognisesGzipContentByItsMagicBytesWhateverTheName() {
        LoadedBars loaded = reader.read(writeGzip(dir, "compressed-but-named.csv", KLINE_ROWS));

        assertThat(loaded.series().close(2)).isEqualTo(42325.00);
    }

    @Test
    void refusesAHeaderWithoutCloseNamingTheColumnsFound() {
        Path file = write(dir, "no-close.csv", """
                timestamp,open,high,low,last,volume
                1704067200000,10,12,9,11,1
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ":1: ")
                .withMessageContaining("header has no close column")
                .withMessageContaining("[timestamp, open, high, low, last, volume]");
    }

    @Test
    void refusesAHeaderlessFileWithAnUnknownColumnCount() {
        Path file = write(dir, "eight.csv", "1704067200000,10,12,9,11,1,5,6\n");

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ":1: ")
                .withMessageContaining("no header row, and 8 columns");
    }

    @Test
    void refusesTwoLeadingLinesThatAreNeitherHeaderNorData() {
        Path file = write(dir, "prose.csv", """
                exported by some tool
                symbol,price
                BTC,42000
                """);

        assertThatExceptionOfType(DataImportException.class).isThrownBy(() -> reader.read(file))
                .withMessageStartingWith(file + ":1: ")
                .withMessageContaining("no header found");
    }
}
