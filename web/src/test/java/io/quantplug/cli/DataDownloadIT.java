package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Timeframe;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import io.quantplug.plugins.binance.testserver.KlineArchive;
import io.quantplug.runtime.data.BarSeries;
import io.quantplug.runtime.store.DatabaseSettings;
import io.quantplug.runtime.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quantplug data download} end to end: the distribution's binance plugin jar, loaded from its plugins folder,
 * against the local Binance-compatible server serving the real 2022 BTCUSDT 1-minute klines of
 * {@code ../shared/data}. The outside truth is the kline CSV itself, read by the tests' own {@link KlineCsv} and
 * imported with {@code quantplug data import}.
 */
class DataDownloadIT {

    private static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final String KLINES = "/api/v3/klines";

    @TempDir
    Path tmp;

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private static BinanceTestServer server() {
        return BinanceTestServer.spot(Fixtures.text(Fixtures.NAUTILUS_SPOT_INFO_BTC_ETH))
                .klines("BTCUSDT", KlineArchive.read(Fixtures.path(Fixtures.BTC_2022)));
    }

    private static CliRun download(BinanceTestServer server, Path home, String from, String to) {
        return CliRun.of("data", "download", "--exchange", "binance", "--symbol", "BTCUSDT", "--timeframe", "1m",
                "--from", from, "--to", to, "--exchange-param", "restUrl=" + server.url(), "--home", home.toString());
    }

    private static List<BinanceTestServer.Received> klineRequests(BinanceTestServer server) {
        return server.requests().stream().filter(r -> r.path().equals(KLINES)).toList();
    }

    /** The CSV's own lines (header and rows as written) whose open time is in [from, to). */
    private Path csvRows(String name, long from, long to) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.path(Fixtures.BTC_2022))) {
            if (!Character.isDigit(line.charAt(0))) {
                lines.add(line);
                continue;
            }
            long open = KlineCsv.openTimeMillis(line.substring(0, line.indexOf(',')));
            if (open >= from && open < to) {
                lines.add(line);
            }
        }
        return Files.write(tmp.resolve(name), lines);
    }

    private static BarSeries stored(Path home) {
        try (Store store = Store.open(DatabaseSettings.embedded(home))) {
            return store.bars().read(BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    private static void assertSameBars(BarSeries actual, BarSeries expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.openTimeMillis(i)).as("open time %d", i).isEqualTo(expected.openTimeMillis(i));
            assertThat(new double[] {actual.open(i), actual.high(i), actual.low(i), actual.close(i), actual.volume(i)})
                    .as("OHLCV at %s", Instant.ofEpochMilli(expected.openTimeMillis(i)))
                    .containsExactly(expected.open(i), expected.high(i), expected.low(i), expected.close(i),
                            expected.volume(i));
        }
    }

    @Test
    void downloadEqualsTheImportOfTheSameCsvRowsAndASecondRunFetchesOnlyWhatIsMissing() throws IOException {
        long from = t("2022-06-20T00:00:00Z");
        long to = t("2022-06-24T00:00:00Z"); // 5,760 bars: chunks of 5,000 and 760, six pages of at most 1,000
        Path home = tmp.resolve("downloaded");
        try (BinanceTestServer server = server()) {
            CliRun first = download(server, home, "2022-06-20", "2022-06-24");
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("Downloaded 5,760 bars of BTCUSDT.BINANCE 1m from binance"
                    + " (2022-06-20T00:00:00Z .. 2022-06-24T00:00:00Z) in ", "; 0 already stored (1 hole(s) asked"
                    + " for, 0 bar slot(s) the exchange has no bar for)");
            assertThat(klineRequests(server)).hasSize(6).allMatch(r -> r.rawQuery().contains("limit=1000"));

            // the same CSV rows through 'data import' into another store: bar for bar the same series
            Path imported = tmp.resolve("imported");
            CliRun importRun = CliRun.of("data", "import", csvRows("BTCUSDT_1m_part.csv", from, to).toString(),
                    "--symbol", "BTCUSDT", "--timeframe", "1m", "--home", imported.toString());
            assertThat(importRun.exitCode()).as(importRun.err()).isZero();
            BarSeries downloaded = stored(home);
            assertSameBars(downloaded, stored(imported));
            // and against the file's decimal text, read without the runtime
            List<KlineCsv.Row> rows = KlineCsv.read(csvRows("oracle.csv", from, to));
            assertThat(rows).hasSize(5_760);
            for (int i = 0; i < rows.size(); i++) {
                KlineCsv.Row r = rows.get(i);
                assertThat(downloaded.openTimeMillis(i)).isEqualTo(r.openTimeMillis());
                assertThat(downloaded.close(i)).isEqualTo(Double.parseDouble(r.close()));
                assertThat(downloaded.volume(i)).isEqualTo(Double.parseDouble(r.volume()));
            }
            // the instrument's rules come from the recorded exchangeInfo's BTCUSDT filters
            JsonNode filters = BinanceTestServer.tree(Fixtures.text(Fixtures.NAUTILUS_SPOT_INFO_BTC_ETH))
                    .get("symbols").get(0).get("filters");
            assertThat(filters.get(0).get("filterType").asText()).isEqualTo("PRICE_FILTER");
            try (Store store = Store.open(DatabaseSettings.embedded(home))) {
                Instrument btc = store.bars().instrument(BTC).orElseThrow();
                assertThat(btc.tickSize()).isEqualByComparingTo(new BigDecimal(filters.get(0).get("tickSize")
                        .asText()));
            }

            CliRun again = download(server, home, "2022-06-20", "2022-06-24");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("Downloaded 0 bars", "5,760 already stored (nothing missing)");
            assertThat(klineRequests(server)).hasSize(6);

            CliRun longer = download(server, home, "2022-06-20", "2022-06-24T12:00:00Z");
            assertThat(longer.exitCode()).as(longer.err()).isZero();
            assertThat(longer.out()).contains("Downloaded 720 bars", "5,760 already stored");
            assertThat(klineRequests(server)).hasSize(7).last().satisfies(r -> assertThat(r.rawQuery())
                    .contains("startTime=" + to).contains("endTime=" + (t("2022-06-24T12:00:00Z") - 1)));
            assertThat(stored(home).size()).isEqualTo(5_760 + 720);
        }
    }

    @Test
    void holesBeforeBetweenAndAfterImportedRowsAreFilledToTheFullCsvSeries() throws IOException {
        Path home = tmp.resolve("home");
        for (String[] part : new String[][] {{"2022-06-20T06:00:00Z", "2022-06-20T12:00:00Z"},
            {"2022-06-21T00:00:00Z", "2022-06-21T06:00:00Z"}}) {
            Path rows = csvRows("part-" + part[0].substring(0, 13) + ".csv", t(part[0]), t(part[1]));
            assertThat(CliRun.of("data", "import", rows.toString(), "--symbol", "BTCUSDT", "--timeframe", "1m",
                    "--home", home.toString()).exitCode()).isZero();
        }
        try (BinanceTestServer server = server()) {
            CliRun run = download(server, home, "2022-06-20", "2022-06-21T12:00:00Z");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Downloaded 1,440 bars", "720 already stored (3 hole(s) asked for");
            assertThat(klineRequests(server)).extracting(r -> r.rawQuery().replaceAll(".*startTime=(\\d+).*", "$1"))
                    .containsExactly(Long.toString(t("2022-06-20T00:00:00Z")),
                            Long.toString(t("2022-06-20T12:00:00Z")), Long.toString(t("2022-06-21T06:00:00Z")));
        }
        Path whole = tmp.resolve("whole");
        CliRun importRun = CliRun.of("data", "import", csvRows("whole.csv", t("2022-06-20T00:00:00Z"),
                t("2022-06-21T12:00:00Z")).toString(), "--symbol", "BTCUSDT", "--timeframe", "1m", "--home",
                whole.toString());
        assertThat(importRun.exitCode()).as(importRun.err()).isZero();
        assertSameBars(stored(home), stored(whole));
    }

    @Test
    void anExchangeFailureMidwayKeepsTheStoredChunksAndTheNextRunResumes() {
        Path home = tmp.resolve("home");
        try (BinanceTestServer server = server()) {
            server.faultAt(KLINES, 6, () -> server.ban(600)); // the first page of the second chunk: HTTP 418
            CliRun run = download(server, home, "2022-06-20", "2022-06-24");
            assertThat(run.exitCode()).isEqualTo(QuantplugCli.EXCHANGE_UNAVAILABLE);
            assertThat(run.errLines()).last().asString()
                    .startsWith("quantplug: error: exchange 'binance' failed at the chunk from 2022-06-23T11:20:00Z: ")
                    .endsWith("; the 5000 bar(s) stored before stay stored, run the command again to resume");
            assertThat(stored(home).size()).isEqualTo(5_000);
        }
        try (BinanceTestServer server = server()) {
            CliRun resumed = download(server, home, "2022-06-20", "2022-06-24");
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(resumed.out()).contains("Downloaded 760 bars", "5,000 already stored");
            assertThat(klineRequests(server)).singleElement().satisfies(r -> assertThat(r.rawQuery())
                    .contains("startTime=" + t("2022-06-23T11:20:00Z")));
        }
        assertThat(stored(home).size()).isEqualTo(5_760);
    }

    @Test
    void badExchangeSymbolAndParametersAreOneLineNamingWhatIsWrong() {
        Path home = tmp.resolve("home");
        try (BinanceTestServer server = server()) {
            CliRun unknown = CliRun.of("data", "download", "--exchange", "kraken", "--symbol", "BTCUSDT",
                    "--timeframe", "1m", "--from", "2022-06-20", "--home", home.toString());
            assertThat(unknown.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(unknown.errLines()).containsExactly(
                    "quantplug: error: --exchange: no exchange adapter 'kraken'; available: binance");

            CliRun market = CliRun.of("data", "download", "--exchange", "binance", "--symbol", "BTCUSDT",
                    "--timeframe", "1m", "--from", "2022-06-20", "--exchange-param", "market=coin",
                    "--home", home.toString());
            assertThat(market.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(market.errLines()).singleElement().asString().contains("'binance'", "parameter 'market'",
                    "one of spot, usdm");

            CliRun symbol = CliRun.of("data", "download", "--exchange", "binance", "--symbol", "BTCUSD",
                    "--timeframe", "1m", "--from", "2022-06-20", "--to", "2022-06-21", "--exchange-param",
                    "restUrl=" + server.url(), "--home", home.toString());
            assertThat(symbol.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(symbol.errLines()).containsExactly("quantplug: error: --symbol: exchange 'binance' lists no"
                    + " instrument 'BTCUSD' (2 listed; similar: BTCUSDT)");

            CliRun down = CliRun.of("data", "download", "--exchange", "binance", "--symbol", "BTCUSDT",
                    "--timeframe", "1m", "--from", "2022-06-20", "--to", "2022-06-21", "--exchange-param",
                    "restUrl=http://127.0.0.1:1", "--home", home.toString());
            assertThat(down.exitCode()).isEqualTo(QuantplugCli.EXCHANGE_UNAVAILABLE);
            assertThat(down.errLines()).singleElement().asString()
                    .startsWith("quantplug: error: exchange 'binance' failed: ");
            assertThat(klineRequests(server)).isEmpty();
        }
    }
}
