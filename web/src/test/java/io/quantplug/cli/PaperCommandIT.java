package io.quantplug.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantplug.plugins.binance.testserver.BinanceTestExchange;
import io.quantplug.plugins.binance.testserver.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code quantplug paper} end to end, as a user runs it: the distribution's binance plugin jar against the local
 * Binance-compatible exchange, which streams the real 2022 BTCUSDT one-minute klines (with an in-progress update
 * before each close) and serves the history before them over REST. The outside truth is {@code quantplug backtest}
 * on the kline CSV's own rows for the same bars with the same warm-up: the two {@code result.json} files must list
 * the same round trips.
 */
class PaperCommandIT {

    private static final int WARM_UP = 200;
    private static final int STREAMED = 600;
    private static final long STREAM_FROM = Instant.parse("2022-06-20T00:00:00Z").toEpochMilli();

    @TempDir
    Path tmp;

    @Test
    void paperOnTheStreamTradesAsTheBacktestOnTheSameBars() throws IOException {
        Path home = tmp.resolve("home");
        try (BinanceTestExchange exchange = BinanceTestExchange.spot()
                .klines("BTCUSDT", Fixtures.BTC_2022, STREAM_FROM).barsPerSecond(400).inProgressUpdates(true)
                .start()) {
            CliRun paper = CliRun.of("paper", "--exchange", "binance", "--symbol", "BTCUSDT", "--timeframe", "1m",
                    "--strategy", "sma-crossover", "--param", "fast=10", "--param", "slow=30",
                    "--warmup-bars", Integer.toString(WARM_UP), "--stop-after-bars", Integer.toString(STREAMED),
                    "--exchange-param", "restUrl=" + exchange.restUrl(),
                    "--exchange-param", "streamUrl=" + exchange.streamUrl(),
                    "--home", home.toString(), "--out", tmp.resolve("paper").toString());
            assertThat(paper.exitCode()).as(paper.out() + paper.err()).isZero();
            assertThat(paper.out()).contains("Paper: sma-crossover on BTCUSDT.BINANCE 1m from binance")
                    .contains("Stored as run");
        }
        JsonNode paperResult = json(tmp.resolve("paper/result.json"));
        assertThat(paperResult.at("/run/bars").asLong()).isEqualTo(WARM_UP + STREAMED);

        Path rows = csvRows(STREAM_FROM - WARM_UP * 60_000L, STREAM_FROM + STREAMED * 60_000L);
        CliRun backtest = CliRun.of("backtest", "--data", rows.toString(), "--symbol", "BTCUSDT",
                "--strategy", "sma-crossover", "--param", "fast=10", "--param", "slow=30",
                "--warmup-bars", Integer.toString(WARM_UP),
                "--tick-size", paperResult.at("/run/tickSize").asText(),
                "--lot-size", paperResult.at("/run/lotSize").asText(),
                "--no-store", "--out", tmp.resolve("backtest").toString());
        assertThat(backtest.exitCode()).as(backtest.out() + backtest.err()).isZero();
        JsonNode backtestResult = json(tmp.resolve("backtest/result.json"));

        assertThat(backtestResult.get("trades").size()).isGreaterThan(5);
        assertThat(paperResult.get("trades")).isEqualTo(backtestResult.get("trades"));
        assertThat(paperResult.at("/metrics/endEquity").decimalValue())
                .isEqualByComparingTo(backtestResult.at("/metrics/endEquity").decimalValue());

        CliRun runs = CliRun.of("runs", "list", "--json", "--home", home.toString());
        assertThat(runs.out()).contains("\"PAPER\"");
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** The CSV's header and the rows whose open time is in [from, to), as written. */
    private Path csvRows(long from, long to) throws IOException {
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
        return Files.write(tmp.resolve("BTCUSDT_1m_rows.csv"), lines);
    }
}
