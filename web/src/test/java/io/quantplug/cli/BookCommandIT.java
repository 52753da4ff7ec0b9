package io.quantplug.cli;

import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quantplug book --data RECORDING --verify} on every shared Binance recording, through the command line.
 *
 * <p>The expected counts come from an independent replay written in plain Python (json + gzip, Binance's
 * documented procedure re-implemented, no Quantplug code): {@code src/test/resources/book-verify-reference.py},
 * whose output is written down at its end. Event counts agree with the recordings' PROVENANCE.md. The binance
 * plugin's RecordedBookReplayTest compares the same books from its live stream handler, with one depth event
 * withheld to force a resync, and finds no mismatch either.
 */
class BookCommandIT {

    private static final String FOLDER = "binance-ws-raw-2024-08-08/";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        // day 1 | day 2 (or empty) | summary line after the file name
        "spot_btcusdt_20240808.gz | '' | BTCUSDT spot: 41249 events, 3451 depth updates, 28040 bookTickers, 564 checks, 0 mismatches, 0 resyncs, 3 unsynced",
        "spot_btcusdt_20240808.gz | spot_btcusdt_20240809.gz | BTCUSDT spot: 99574 events, 6495 depth updates, 73174 bookTickers, 1072 checks, 0 mismatches, 0 resyncs, 3 unsynced",
        "spot_ethusdt_20240808.gz | '' | ETHUSDT spot: 33618 events, 3434 depth updates, 24077 bookTickers, 577 checks, 0 mismatches, 0 resyncs, 2 unsynced",
        "spot_ethusdt_20240808.gz | spot_ethusdt_20240809.gz | ETHUSDT spot: 79744 events, 6470 depth updates, 58758 bookTickers, 1056 checks, 0 mismatches, 0 resyncs, 2 unsynced",
        "usdm_btcusdt_20240808.gz | '' | BTCUSDT futures: 93954 events, 6551 depth updates, 66089 bookTickers, 629 checks, 0 mismatches, 0 resyncs, 6 unsynced",
        "usdm_ethusdt_20240808.gz | '' | ETHUSDT futures: 74655 events, 6586 depth updates, 53992 bookTickers, 551 checks, 0 mismatches, 0 resyncs, 7 unsynced",
        "cm_btcusd_perp_20240808.gz | '' | BTCUSD_PERP futures: 48270 events, 26847 depth updates, 19136 bookTickers, 1124 checks, 0 mismatches, 0 resyncs, 25 unsynced",
        "cm_btcusd_perp_20240808.gz | cm_btcusd_perp_20240809.gz | BTCUSD_PERP futures: 98386 events, 44795 depth updates, 48355 bookTickers, 1885 checks, 0 mismatches, 0 resyncs, 25 unsynced"})
    void theBookAgreesWithEveryReachedBookTicker(String day1, String day2, String summary) {
        List<String> args = new ArrayList<>(List.of("book", "--verify", "--data",
                SharedData.require(FOLDER + day1).toString()));
        if (!day2.isEmpty()) {
            args.addAll(List.of("--data", SharedData.require(FOLDER + day2).toString()));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(day1 + (day2.isEmpty() ? "" : " (+1 more)") + " " + summary);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "spot_btcusdt_20240809.gz | 3044 | BTCUSDT spot: 58325 events, 3044 depth updates, 45134 bookTickers",
        "spot_ethusdt_20240809.gz | 3036 | ETHUSDT spot: 46126 events, 3036 depth updates, 34681 bookTickers",
        "cm_btcusd_perp_20240809.gz | 17948 | BTCUSD_PERP futures: 50116 events, 17948 depth updates, 29219 bookTickers"})
    void aContinuationFileWithoutSnapshotChecksNothingAndSaysSo(String file, long depth, String counts) {
        CliRun run = CliRun.of("book", "--data", SharedData.require(FOLDER + file).toString(), "--verify");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BOOK_NOT_VERIFIED);
        assertThat(run.out().strip()).isEqualTo(file + " " + counts + ", 0 checks, 0 mismatches, 0 resyncs, "
                + depth + " unsynced; no snapshot: " + depth + " depth updates skipped");
    }

    /** The first bookTicker the book reaches (u=5123107879150, found by the reference script) gets a best bid 0.01 too high. */
    @Test
    void aWrongBookTickerIsAMismatchAndExitsNonZero(@TempDir Path dir) throws IOException {
        Path source = SharedData.require(FOLDER + "usdm_btcusdt_20240808.gz");
        Path crafted = dir.resolve("usdm_btcusdt_wrong_ticker.gz");
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(source))) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String original = TICKER_AT_FIRST_CHECK;
        assertThat(text).contains(original);
        String wrong = original.replace("\"b\":\"61800.10\"", "\"b\":\"61800.11\"");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(crafted))) {
            out.write(text.replace(original, wrong).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        CliRun run = CliRun.of("book", "--data", crafted.toString(), "--verify");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BOOK_NOT_VERIFIED);
        assertThat(run.out()).contains(" 629 checks, 1 mismatches, 0 resyncs");
        assertThat(run.err()).contains("1 bookTicker(s) disagree with the book")
                .contains("u=5123107879150: bookTicker 0.599 @ 61800.11 / 5.723 @ 61800.2, book 0.599 @ 61800.1 / 5.723 @ 61800.2");
    }

    private static final String TICKER_AT_FIRST_CHECK = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":"
            + "\"bookTicker\",\"u\":5123107879150,\"s\":\"BTCUSDT\",\"b\":\"61800.10\",\"B\":\"0.599\",\"a\":\"61800.20\","
            + "\"A\":\"5.723\",\"T\":1723161256878,\"E\":1723161256878}}";

    @Test
    void aMalformedLineIsRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "1723161254087896568 {\"stream\":\"x\",\"data\":{\"e\":"
                + "\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"0\",\"q\":\"1\",\"T\":5}}\n");
        CliRun run = CliRun.of("book", "--data", bad.toString(), "--verify");
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.err()).contains(bad + ":1: trade price 'p' must be > 0, got 0.0");
    }
}
