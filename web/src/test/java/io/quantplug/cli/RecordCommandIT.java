package io.quantplug.cli;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.plugins.binance.testserver.BinanceTestExchange;
import io.quantplug.plugins.binance.testserver.Fixtures;
import io.quantplug.sdk.marketdata.BinanceRecordingReader;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quantplug record} end to end, as a user runs it: the distribution's binance plugin jar against the local
 * Binance-compatible exchange, which replays the shared spot BTCUSDT recording of 2024-08-08 over WebSocket and
 * serves REST depth snapshots of its own book. The outside truth is that recording: the file written holds its
 * messages byte for byte, and the book rebuilt from the file agrees with every recorded bookTicker it reaches.
 */
class RecordCommandIT {

    private static final String RECORDING = "spot_btcusdt_20240808.gz";

    @TempDir
    Path tmp;

    private static List<String> args(BinanceTestExchange exchange, String... more) {
        List<String> args = new ArrayList<>(List.of("record", "--exchange", "binance", "--symbol", "BTCUSDT",
                "--exchange-param", "restUrl=" + exchange.restUrl(),
                "--exchange-param", "streamUrl=" + exchange.streamUrl()));
        args.addAll(List.of(more));
        return args;
    }

    private static List<String> gzipLines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
        }
        return out;
    }

    /** Events of each kind in a recording, read by the SDK's reader (which refuses any malformed line). */
    private static Map<MarketMessageKind, Long> kinds(Path file) {
        Map<MarketMessageKind, Long> out = new EnumMap<>(MarketMessageKind.class);
        try (BinanceRecordingReader r = BinanceRecordingReader.open(List.of(file), new JsonFactory())) {
            while (r.next()) {
                out.merge(r.kind(), 1L, Long::sum);
            }
            assertThat(r.ignored()).as("lines the reader passed over").isZero();
        }
        return out;
    }

    /** The recording's messages after its REST snapshot line: what the test exchange replays, in order. */
    private static List<String> replayed() {
        List<String> recorded = Fixtures.recording(RECORDING);
        int at = 0;
        while (!recorded.get(at).contains(" {\"lastUpdateId\"")) {
            at++;
        }
        return recorded.subList(at + 1, recorded.size()).stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
    }

    @Test
    void recordsTheRequestedStreamsWithASnapshotIntoAFileThatBookAndBacktestRead() throws IOException {
        Path file = tmp.resolve("btcusdt.gz");
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().recording("BTCUSDT", 20, RECORDING).start()) {
            CliRun run = CliRun.of(args(exchange, "--streams", "trade,depth,bookTicker", "--out", file.toString(),
                    "--max-messages", "6000").toArray(String[]::new));
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Recording trade, depth, bookTicker of BTCUSDT.BINANCE from binance to "
                    + file).containsPattern("Recorded 6,000 messages of BTCUSDT.BINANCE from binance in [0-9.]+ s to "
                    + Pattern.quote(file.toString()) + " \\(stopped by --max-messages 6000\\)")
                    .containsPattern("btcusdt@trade +[0-9,]+").containsPattern("btcusdt@depth@100ms +[0-9,]+")
                    .containsPattern("btcusdt@bookTicker +[0-9,]+").contains("snapshots 1, reconnects 0");
            assertThat(run.err()).contains("quantplug record: connected: connected to 127.0.0.1:");
        }
        // every message as the exchange sent it, in order, with one snapshot among them
        List<String> lines = gzipLines(file);
        assertThat(lines).hasSize(6001);
        List<String> expected = replayed();
        int i = 0;
        long previous = 0;
        long bytes = 0;
        for (String line : lines) {
            bytes += line.length() + 1;
            long time = Long.parseLong(line.substring(0, line.indexOf(' ')));
            assertThat(time).isGreaterThanOrEqualTo(previous);
            previous = time;
            String json = line.substring(line.indexOf(' ') + 1);
            if (!json.startsWith("{\"lastUpdateId\"")) {
                assertThat(json).as("message %d", i).isEqualTo(expected.get(i++));
            }
        }
        Map<MarketMessageKind, Long> kinds = kinds(file);
        assertThat(kinds.get(MarketMessageKind.DEPTH_SNAPSHOT)).isEqualTo(1);
        assertThat(kinds.get(MarketMessageKind.TRADE)).isPositive();
        assertThat(kinds.get(MarketMessageKind.DEPTH_UPDATE)).isPositive();
        assertThat(kinds.get(MarketMessageKind.BOOK_TICKER)).isPositive();
        assertThat(kinds.get(MarketMessageKind.TRADE) + kinds.get(MarketMessageKind.DEPTH_UPDATE)
                + kinds.get(MarketMessageKind.BOOK_TICKER)).isEqualTo(6000);

        CliRun book = CliRun.of("book", "--data", file.toString(), "--verify");
        assertThat(book.exitCode()).as(book.out() + book.err()).isZero();
        Matcher checks = Pattern.compile("(\\d+) checks, 0 mismatches, 0 resyncs").matcher(book.out());
        assertThat(checks.find()).as(book.out()).isTrue();
        assertThat(Long.parseLong(checks.group(1))).isGreaterThan(20);

        Path out = tmp.resolve("backtest");
        CliRun backtest = CliRun.of("backtest", "--data", file.toString(), "--bar", "1s", "--strategy",
                "sma-crossover", "--no-store", "--out", out.toString());
        assertThat(backtest.exitCode()).as(backtest.out() + backtest.err()).isZero();
        assertThat(backtest.out()).containsPattern("Data: \\d+ bars of 1s from the "
                + kinds.get(MarketMessageKind.TRADE) + " trades recorded in btcusdt.gz");
        assertThat(Files.exists(out.resolve("result.json"))).isTrue();
    }

    @Test
    void aDroppedConnectionIsRecordedWithAFreshSnapshotAndTheBookResyncsOnIt() throws Exception {
        Path file = tmp.resolve("dropped.gz");
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().recording("BTCUSDT", 20, RECORDING).start()) {
            CompletableFuture<CliRun> recording = CompletableFuture.supplyAsync(() -> CliRun.of(args(exchange,
                    "--out", file.toString(), "--max-messages", "8000").toArray(String[]::new)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (exchange.streams().sent() < 2000) {
                assertThat(System.nanoTime()).as("2000 messages sent").isLessThan(deadline);
                assertThat(recording.isDone()).as("still recording").isFalse();
                LockSupport.parkNanos(10_000_000);
            }
            exchange.streams().dropConnections();
            CliRun run = recording.get(60, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Recorded 8,000 messages").contains("snapshots 2, reconnects 1");
            assertThat(run.err()).contains("quantplug record: disconnected: ");
            assertThat(exchange.streams().subscribeRequests()).hasSize(2);
        }
        assertThat(kinds(file).get(MarketMessageKind.DEPTH_SNAPSHOT)).isEqualTo(2);
        CliRun book = CliRun.of("book", "--data", file.toString(), "--verify");
        assertThat(book.exitCode()).as(book.out() + book.err()).isZero();
        assertThat(book.out()).containsPattern("[1-9]\\d* checks, 0 mismatches, 1 resyncs");
    }

    @Test
    void stopsAfterTheDurationWithAPlainFile() throws IOException {
        Path file = tmp.resolve("ticker.txt");
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().recording("BTCUSDT", 5, RECORDING).start()) {
            CliRun run = CliRun.of(args(exchange, "--streams", "bookTicker,aggTrade", "--out", file.toString(),
                    "--duration", "2s").toArray(String[]::new));
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("(stopped by --duration 2s)").contains("snapshots 0, reconnects 0");
        }
        // the recording has no aggTrade stream: only bookTickers, and no snapshot without the depth stream
        Map<MarketMessageKind, Long> kinds = kinds(file);
        assertThat(kinds.keySet()).containsExactly(MarketMessageKind.BOOK_TICKER);
        assertThat(kinds.get(MarketMessageKind.BOOK_TICKER)).isGreaterThan(50);
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNoFile() throws IOException {
        Path file = tmp.resolve("never.gz");
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().start()) {
            CliRun stream = CliRun.of(args(exchange, "--streams", "trade,ticker", "--out", file.toString())
                    .toArray(String[]::new));
            assertThat(stream.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(stream.err()).contains("quantplug: error: --streams of 'binance': streams: unknown stream"
                    + " 'ticker'; allowed: trade, aggTrade, depth, bookTicker");
            assertThat(file).doesNotExist();

            Path existing = Files.writeString(tmp.resolve("existing.gz"), "keep me");
            CliRun exists = CliRun.of(args(exchange, "--out", existing.toString()).toArray(String[]::new));
            assertThat(exists.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(exists.err()).contains("--out: " + existing + " exists");
            assertThat(Files.readString(existing)).isEqualTo("keep me");

            CliRun folder = CliRun.of(args(exchange, "--out", tmp.resolve("no/such/dir/x.gz").toString())
                    .toArray(String[]::new));
            assertThat(folder.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(folder.err()).contains("--out: folder " + tmp.resolve("no/such/dir") + " does not exist");

            CliRun duration = CliRun.of(args(exchange, "--out", file.toString(), "--duration", "10 minutes")
                    .toArray(String[]::new));
            assertThat(duration.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(duration.err()).contains("--duration: '10 minutes' is not a positive duration");

            CliRun symbol = CliRun.of(args(exchange, "--out", file.toString()).stream()
                    .map(a -> a.equals("BTCUSDT") ? "BTCUSDX" : a).toArray(String[]::new));
            assertThat(symbol.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(symbol.err()).contains("--symbol: exchange 'binance' lists no instrument 'BTCUSDX'");

            Path empty = Files.createDirectory(tmp.resolve("no-plugins"));
            List<String> noPlugin = args(exchange, "--out", file.toString(), "--plugins-dir", empty.toString());
            CliRun plugin = CliRun.of(noPlugin.toArray(String[]::new));
            assertThat(plugin.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
            assertThat(plugin.err()).contains("--exchange: no exchange adapter 'binance'; no exchange adapter is"
                    + " loaded (check --plugins-dir)");
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void sigtermFinishesTheGzipFileAndPrintsTheSummary() throws Exception {
        Path file = tmp.resolve("sigterm.gz");
        try (BinanceTestExchange exchange = BinanceTestExchange.spot().recording("BTCUSDT", 20, RECORDING).start()) {
            List<String> command = new ArrayList<>(List.of("bash", CliRun.dist().resolve("bin/quantplug").toString()));
            command.addAll(args(exchange, "--out", file.toString()));
            Path out = tmp.resolve("out.txt");
            Path err = tmp.resolve("err.txt");
            Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (exchange.streams().sent() < 3000) {
                    assertThat(System.nanoTime()).as("3000 messages sent: " + Files.readString(err))
                            .isLessThan(deadline);
                    assertThat(p.isAlive()).as(Files.readString(err)).isTrue();
                    LockSupport.parkNanos(20_000_000);
                }
                p.destroy();    // SIGTERM
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                p.destroyForcibly();
            }
            String stdout = Files.readString(out);
            assertThat(stdout).as(Files.readString(err)).contains("(stopped by signal)").contains("snapshots 1,");
            Matcher recorded = Pattern.compile("Recorded ([0-9,]+) messages").matcher(stdout);
            assertThat(recorded.find()).isTrue();
            long messages = Long.parseLong(recorded.group(1).replace(",", ""));
            assertThat(messages).isGreaterThan(1000);
            // a complete gzip file (the reader fails on a missing trailer) holding exactly what the summary counted
            Map<MarketMessageKind, Long> kinds = kinds(file);
            assertThat(kinds.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(messages + 1);
        }
    }
}
